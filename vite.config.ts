/// <reference types="vitest/config" />
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type EnvironmentOptions, type Plugin } from 'vite';
import { BUILT_PAGE_POLICY } from './electron/main/appPage';

/** A path in this project, whatever folder the build runs from. */
const resolve = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// One config, four outputs: `vite build` builds them all (Vite's app builder). The renderer is a
// browser bundle; main, preload and the CLI are CommonJS for Electron's and Node's loaders.
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/**
 * The built page also carries its Content-Security-Policy as a <meta>, besides the header main's
 * app:// handler sends: the browser suite serves the page as plain files, and the policy holds
 * there too. From the one policy in electron/main/appPage.ts; not in development, where the dev
 * server's inline hot-reload script needs the relaxed policy main sends as a header.
 */
const contentSecurityPolicy: Plugin = {
  name: 'wxacode-content-security-policy',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: BUILT_PAGE_POLICY },
      injectTo: 'head-prepend',
    },
  ],
};

function nodeEntry(name: string, entry: string, bundleDeps: boolean): EnvironmentOptions {
  return {
    consumer: 'server',
    resolve: { noExternal: bundleDeps ? true : undefined, external: bundleDeps ? undefined : true },
    build: {
      outDir: resolve(`dist/${name}`),
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: true,
      rollupOptions: {
        input: { [name]: resolve(entry) },
        external: ['electron', ...nodeBuiltins],
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  };
}

/**
 * The browser suite's page: `vite build --mode e2e` builds only the page, into its own folder, with
 * the test hooks `import.meta.env.MODE === 'e2e'` guards (renderer/app/main.tsx). A plain
 * `vite build` is the shipped app, from which the minifier drops them.
 */
export const E2E_MODE = 'e2e';

export default defineConfig(({ mode }) => ({
  // The page's folder is the root, so the built page lands at dist/renderer/index.html.
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy],
  builder: {},
  environments: {
    client: {
      build: {
        outDir: resolve(mode === E2E_MODE ? 'dist/renderer-e2e' : 'dist/renderer'),
        emptyOutDir: true,
      },
    },
    ...(mode === E2E_MODE
      ? {}
      : {
          main: nodeEntry('main', 'electron/main/main.ts', false),
          // The sandboxed preload cannot require() anything but 'electron': it must be one file.
          preload: nodeEntry('preload', 'electron/main/preload.ts', true),
          cli: nodeEntry('cli', 'electron/cli/main.ts', false),
        }),
  },
  test: {
    // Tests live all over the project, not under the page's root.
    root: resolve('.'),
    include: [
      'electron/**/*.test.ts',
      'shared/**/*.test.ts',
      'renderer/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
}));
