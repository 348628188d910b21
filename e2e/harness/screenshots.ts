import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';

// Pictures of the main states for docs/, 1280×800 as the window opens. Regenerated on every run.
const FOLDER = resolve('docs/screenshots');

export async function shoot(page: Page, name: string): Promise<void> {
  await mkdir(FOLDER, { recursive: true });
  // No caret blinking into one picture and not the next.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: `${FOLDER}/${name}.png` });
}
