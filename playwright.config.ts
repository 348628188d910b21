import { defineConfig } from '@playwright/test';

/** Debian's Chromium: browsers cannot be downloaded here, so never `npx playwright install`. */
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

// The browser suite loads the page its global setup builds in e2e mode (dist/renderer-e2e, with
// the stores on window for the tests); the Electron suite (e2e/electron/, skipped where no Electron
// binary runs) loads the built app, so `npm run test:e2e` runs `vite build` first.
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/harness/buildPage.ts',
  outputDir: 'e2e/.artifacts',
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  fullyParallel: false,
  use: {
    browserName: 'chromium',
    launchOptions: CHROMIUM,
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    colorScheme: 'light',
  },
});
