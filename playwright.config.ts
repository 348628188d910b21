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

// `npm run test:e2e` builds first (vite build): the browser suite loads the built renderer from
// dist/renderer, and the Electron suite (e2e/electron/, skipped where no Electron binary runs) the built app.
export default defineConfig({
  testDir: 'e2e',
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
