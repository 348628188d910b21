// electron-builder's configuration, checked offline with electron-builder's own code: the loader
// and JSON-schema validator `electron-builder` runs first, and the file matchers it packs with.
// Building an installer needs downloads this machine cannot make; a bad config fails here instead.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'app-builder-lib';
import { getFileMatchers } from 'app-builder-lib/out/fileMatcher';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';

const PROJECT = fileURLToPath(new URL('../..', import.meta.url));
let config: Configuration;

beforeAll(async () => {
  config = await getConfig(PROJECT, null, null);
});

/** electron-builder's own decision whether a project file goes into the app, or out of app.asar. */
function matcher(name: 'files' | 'asarUnpack'): (path: string) => boolean {
  const [first] = getFileMatchers(config, name, '/app', {
    macroExpander: (pattern) => pattern,
    customBuildOptions: {},
    globalOutDir: join(PROJECT, 'release'),
    defaultSrc: PROJECT,
  })!;
  const filter = first!.createFilter();
  const file = { isDirectory: () => false } as Parameters<typeof filter>[1];
  return (path) => filter(join(PROJECT, path), file);
}

/** Native code (addons and shared libraries) in the packages the installed app carries. */
async function productionNativeFiles(): Promise<string[]> {
  const lock = JSON.parse(await readFile(join(PROJECT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
  };
  const found: string[] = [];
  for (const [folder, meta] of Object.entries(lock.packages)) {
    if (!folder || meta.dev || meta.devOptional) continue;
    // Optional platform packages exist on disk only for this machine's platform.
    const entries = await readdir(join(PROJECT, folder), { recursive: true }).catch(() => []);
    for (const entry of entries) {
      const path = relative(PROJECT, join(PROJECT, folder, entry));
      if (
        /\.(?:node|dll|dylib)$|\.so(?:\.\d+)*$/.test(path) &&
        !path.includes('/node_modules/', folder.length)
      ) {
        found.push(path);
      }
    }
  }
  return found;
}

describe('electron-builder.yml', () => {
  it('is the configuration electron-builder loads, and its schema accepts it', async () => {
    expect(config).toMatchObject({ appId: 'com.wxacode.studio', productName: 'WxaCode Studio' });
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would be refused by that schema with a misspelt fuse (so the check above means something)', async () => {
    const misspelt = {
      ...config,
      electronFuses: { ...config.electronFuses, runAsnode: false },
    } as Configuration;
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });

  it('flips the fuses that keep the installed app from becoming a general Node or loading other code', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      // The page is on app://: file:// pages get no more than a browser gives them.
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds AppImage and deb on Linux, dmg on macOS, an NSIS installer on Windows', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toBe('dmg');
    expect(config.win?.target).toBe('nsis');
  });

  it('packs the build output and package.json, not sources or source maps', async () => {
    const packed = matcher('files');
    const pkg = JSON.parse(await readFile(join(PROJECT, 'package.json'), 'utf8')) as { main: string };
    for (const path of [pkg.main, 'dist/preload/preload.cjs', 'dist/renderer/index.html', 'package.json']) {
      expect(packed(path), path).toBe(true);
    }
    for (const path of [
      'electron/main/main.ts',
      'dist/main/main.cjs.map',
      'renderer/app/App.tsx',
      'electron-builder.yml',
    ]) {
      expect(packed(path), path).toBe(false);
    }
  });

  it('unpacks every native file of the production dependencies, keychain, image library and SQLite included', async () => {
    const unpacked = matcher('asarUnpack');
    const native = await productionNativeFiles();
    expect(native.some((p) => p.includes('@napi-rs/keyring-'))).toBe(true);
    expect(native.some((p) => p.includes('libvips'))).toBe(true);
    expect(native.some((p) => /^node_modules\/@libsql\/[^/]+\/index\.node$/.test(p))).toBe(true);
    // Every platform's package, not only this machine's: an installer built elsewhere carries its own.
    for (const platform of ['win32-x64-msvc', 'darwin-arm64', 'darwin-x64', 'linux-arm64-gnu']) {
      expect(unpacked(`node_modules/@libsql/${platform}/index.node`), platform).toBe(true);
    }
    expect(unpacked('node_modules/libsql/index.js')).toBe(false);
    expect(native.filter((p) => !unpacked(p))).toEqual([]);
    expect(unpacked('node_modules/zod/index.js')).toBe(false);
  });

  it('makes an NSIS installer that speaks Chinese and English, choosing by the Windows language', () => {
    expect(config.nsis).toMatchObject({
      multiLanguageInstaller: true,
      installerLanguages: ['zh_CN', 'en_US'],
    });
  });

  it('gives Linux a menu entry with a Chinese name, comment and categories', () => {
    const entry = config.linux?.desktop?.entry as Record<string, string>;
    expect(entry).toMatchObject({
      Name: 'WxaCode Studio',
      'Name[zh_CN]': '小程序码工作室',
      'Comment[zh_CN]': expect.stringContaining('小程序码'),
      Categories: 'Graphics;Office;Utility;',
    });
  });

  it('has the app icon drawn at every size: 16 to 512 for Linux, 1024 for macOS and Windows', async () => {
    expect(config.linux?.icon).toBe('build/icons');
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      const png = PNG.sync.read(await readFile(join(PROJECT, `build/icons/${size}x${size}.png`)));
      expect([png.width, png.height]).toEqual([size, size]);
    }
    const large = PNG.sync.read(await readFile(join(PROJECT, 'build/icon.png')));
    expect([large.width, large.height]).toEqual([1024, 1024]);
  });

  it('writes the generic update feed given at build time (WXACODE_UPDATE_URL) into the app', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: electron-builder's own macro, expanded when it builds
    expect(config.publish).toEqual({ provider: 'generic', url: '${env.WXACODE_UPDATE_URL}' });
  });
});
