import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';

// Pictures of the main states, 1280×800 as the window opens, taken on every e2e run. They go to
// e2e/.artifacts/screenshots (ignored by git), so a test run leaves the checkout clean; with
// UPDATE_SCREENSHOTS=1 (`npm run screenshots`) they replace the ones in docs/ that the README shows.
const FOLDER = resolve(process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'e2e/.artifacts/screenshots');

export async function shoot(page: Page, name: string): Promise<void> {
  await mkdir(FOLDER, { recursive: true });
  // No caret blinking into one picture and not the next.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: `${FOLDER}/${name}.png` });
}
