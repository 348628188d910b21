import { resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import type { SandboxOptions } from '../electron/sandbox/index';
import { type Backend, startBackend } from './harness/backend';
import { type BridgeLog, bridgeWxacode } from './harness/bridge';
import { type StaticSite, serveStatic } from './harness/staticServer';

export { expect };

interface Fixtures {
  /** How the test's sandbox behaves (`test.use({ sandboxOptions })`). */
  sandboxOptions: SandboxOptions;
  backend: Backend;
  bridge: BridgeLog;
  /** The app's window, loaded and bridged, with the Sandbox account in use. */
  app: Page;
}

export const test = base.extend<Fixtures, { site: StaticSite }>({
  site: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern
    async ({}, use) => {
      const site = await serveStatic(resolve('dist/renderer-e2e'));
      await use(site);
      await site.close();
    },
    { scope: 'worker' },
  ],
  sandboxOptions: [{}, { option: true }],
  backend: async ({ sandboxOptions }, use) => {
    const backend = await startBackend({ sandbox: sandboxOptions });
    await use(backend);
    await backend.close();
  },
  bridge: async ({ page, backend }, use) => {
    const bridge = await bridgeWxacode(page, backend.call);
    // Events sent before the page is bridged are dropped, as Electron drops them for a page not yet loaded.
    const stop = backend.onEvent(({ event, payload }) => bridge.send(event, payload));
    await use(bridge);
    stop();
  },
  app: async ({ page, site, bridge: _bridge }, use) => {
    // Script errors and Content-Security-Policy refusals fail the test that caused them.
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) {
        problems.push(message.text());
      }
    });
    await page.goto(site.url);
    await expect(page.getByLabel('Account', { exact: true })).toHaveValue('sandbox');
    await use(page);
    expect(problems).toEqual([]);
  },
});
