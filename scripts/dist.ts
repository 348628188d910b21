// `npm run dist [-- --linux | --win | --mac]`: the installers of this platform (or those asked for),
// after checking what each needs (scripts/distChecks.ts). The built app (vite build) must exist.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import { build, Platform } from 'electron-builder';
import { type DistFacts, describeFindings, distFindings, NO_FEED, type Target } from './distChecks';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const HOST_TARGET: Partial<Record<NodeJS.Platform, Target>> = { linux: 'linux', win32: 'win', darwin: 'mac' };
const PLATFORMS: Record<Target, Platform> = {
  linux: Platform.LINUX,
  win: Platform.WINDOWS,
  mac: Platform.MAC,
};

/** Where @electron/get keeps downloaded Electron zips. */
function electronCache(): string {
  const given = process.env.ELECTRON_CACHE ?? process.env.electron_config_cache;
  if (given) return given;
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'electron');
  if (process.platform === 'win32') {
    return join(process.env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'electron', 'Cache');
  }
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'electron');
}

function zipsIn(folder: string): string[] {
  try {
    return readdirSync(folder, { recursive: true })
      .map(String)
      .filter((name) => name.endsWith('.zip'))
      .map((name) => name.split(/[\\/]/).at(-1)!);
  } catch {
    return [];
  }
}

function hasCommand(command: string): boolean {
  try {
    execFileSync(command, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const asked = (['linux', 'win', 'mac'] as const).filter((t) => process.argv.includes(`--${t}`));
  const host = HOST_TARGET[process.platform];
  const targets = asked.length > 0 ? [...asked] : host ? [host] : [];
  const cache = electronCache();
  const electronPackage = JSON.parse(
    readFileSync(join(PROJECT, 'node_modules/electron/package.json'), 'utf8'),
  );
  const facts: DistFacts = {
    host: process.platform,
    arch: process.arch,
    targets,
    env: process.env,
    electronVersion: electronPackage.version,
    cachedElectronZips: zipsIn(cache),
    electronCache: cache,
    hasWine: targets.includes('win') && process.platform !== 'win32' ? hasCommand('wine') : false,
  };
  const findings = distFindings(facts);
  if (findings.length > 0) console.error(describeFindings(findings));
  if (findings.some((f) => f.level === 'missing')) {
    console.error('\nnpm run dist stopped before building: see MISSING above.');
    process.exit(1);
  }

  const config = await getConfig(PROJECT, null, null);
  if (process.env.WXACODE_UPDATE_URL === NO_FEED) config.publish = null;
  try {
    await build({
      projectDir: PROJECT,
      config,
      publish: 'never',
      targets: new Map(targets.flatMap((t) => [...PLATFORMS[t].createTarget()])),
    });
  } catch (cause) {
    console.error(cause instanceof Error ? cause.message : cause);
    const downloads = findings.filter((f) => f.level === 'download');
    if (downloads.length > 0) {
      console.error(
        `\nThe build failed; it needed downloads this machine may not be able to make:\n${describeFindings(downloads)}`,
      );
    }
    process.exit(1);
  }
}

await main();
