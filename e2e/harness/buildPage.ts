import { build } from 'vite';

/**
 * Playwright's global setup: builds the page the browser suite loads (dist/renderer-e2e), which
 * exposes its stores to the tests. The shipped page (`vite build`, dist/renderer) never does.
 */
export default async function buildPageForTests(): Promise<void> {
  await build({ mode: 'e2e', logLevel: 'warn' });
}
