/// <reference types="vitest/config" />
import { builtinModules } from 'node:module';
import react from '@vitejs/plugin-react';
import { defineConfig, type EnvironmentOptions } from 'vite';

// One config, four outputs: `vite build` builds them all (Vite's app builder). The renderer is a
// browser bundle; main, preload and the CLI are CommonJS for Electron's and Node's loaders.
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

function nodeEntry(name: string, entry: string, bundleDeps: boolean): EnvironmentOptions {
  return {
    consumer: 'server',
    resolve: { noExternal: bundleDeps ? true : undefined, external: bundleDeps ? undefined : true },
    build: {
      outDir: `dist/${name}`,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: true,
      rollupOptions: {
        input: { [name]: entry },
        external: ['electron', ...nodeBuiltins],
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  };
}

export default defineConfig({
  root: '.',
  base: './',
  plugins: [react()],
  builder: {},
  environments: {
    client: {
      build: {
        outDir: 'dist/renderer',
        emptyOutDir: true,
        rollupOptions: { input: 'renderer/index.html' },
      },
    },
    main: nodeEntry('main', 'electron/main.ts', false),
    // The sandboxed preload cannot require() anything but 'electron': it must be one file.
    preload: nodeEntry('preload', 'electron/preload.ts', true),
    cli: nodeEntry('cli', 'electron/cli.ts', false),
  },
  test: {
    include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'renderer/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
