import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { tempFolder } from '../electron/testing/tempFolder';
import { expect, test } from './fixtures';
import { batchView, writeGbkCsv } from './harness/batch';
import { historyView } from './harness/history';
import { studio } from './harness/studio';

// The window at its smallest (820×560, the size main.ts lets it shrink to) keeps each view's main
// action in sight without scrolling; on a large screen the preview and the tables take the room.

const SMALL = { width: 820, height: 560 };
const USUAL = { width: 1280, height: 800 };
const LARGE = { width: 1920, height: 1080 };
// Beside the suite's own screenshots (e2e/.artifacts, ignored by git), to be looked at after a run.
const PICTURES = resolve('e2e/.artifacts/screenshots');

async function picture(page: Page, name: string): Promise<void> {
  await mkdir(PICTURES, { recursive: true });
  await page.screenshot({ path: join(PICTURES, `${name}.png`) });
}

/**
 * Whole inside the window and not covered or scrolled away inside its pane: the element is what
 * the page shows at its corners, as a user would see and click it without scrolling.
 */
async function expectInSight(target: Locator, what: string): Promise<void> {
  const box = await target.boundingBox();
  expect(box, `${what} is laid out`).not.toBeNull();
  const viewport = target.page().viewportSize()!;
  const { x, y, width, height } = box!;
  expect(
    x >= 0 && y >= 0 && x + width <= viewport.width && y + height <= viewport.height,
    `${what} (${Math.round(x)},${Math.round(y)} ${Math.round(width)}×${Math.round(height)}) fits in ${viewport.width}×${viewport.height}`,
  ).toBe(true);
  const shown = await target.evaluate((element) => {
    const r = element.getBoundingClientRect();
    // The middle of each edge: a rounded corner is not the control's to hit, an edge is.
    const midX = (r.left + r.right) / 2;
    const midY = (r.top + r.bottom) / 2;
    const corners = [
      [r.left + 2, midY],
      [r.right - 2, midY],
      [midX, r.top + 2],
      [midX, r.bottom - 2],
    ] as const;
    return corners.every(([cx, cy]) => {
      const hit = document.elementFromPoint(cx, cy);
      return hit !== null && (element === hit || element.contains(hit));
    });
  });
  expect(shown, `${what} is not covered or clipped`).toBe(true);
}

async function sheetIn(folder: string): Promise<string> {
  const sheet = join(folder, '门店.csv');
  const rows = Array.from({ length: 8 }, (_, i) => [`pages/shop/index?id=${101 + i}`, `门店${i + 1}`]);
  await writeGbkCsv(sheet, [['页面路径', '门店名称'], ...rows]);
  return sheet;
}

test.describe('at 820×560', () => {
  test.use({ viewport: SMALL });

  test("each view's main action is in sight without scrolling", async ({ app, backend }) => {
    test.setTimeout(60_000);
    const input = await tempFolder('layout-small');
    try {
      const ui = studio(app);
      await expectInSight(ui.generateButton, 'Generate');
      await ui.path.fill('pages/index/index');
      await ui.generate();
      await expect(ui.newlyGenerated).toBeVisible();
      await expectInSight(ui.generateButton, 'Generate, with a code made');
      await expectInSight(ui.realImage, 'the code made');
      await picture(app, 'layout-820-code');

      // The longest form: an unlimited code, with its page, scene and colour fields.
      await ui.kind('Unlimited mini program code').check();
      await expectInSight(ui.generateButton, 'Generate, unlimited code form');

      const batch = batchView(app);
      await batch.tab.click();
      await expectInSight(batch.importButton, 'Import spreadsheet');
      backend.desktop.spreadsheet = await sheetIn(input.path);
      await batch.importButton.click();
      await expect(batch.sample).toBeVisible();
      await picture(app, 'layout-820-batch-sheet');
      await batch.chooseFolder.click();
      await expectInSight(
        app.getByRole('button', { name: 'Make the first one to check' }),
        'Make the first one to check',
      );
      await batch.checkFirstRow();
      await expect(batch.start).toBeEnabled();
      await picture(app, 'layout-820-batch-ready');
      await expectInSight(batch.start, 'Start');
      await batch.start.click();
      await expect(batch.summary).toContainText('Finished', { timeout: 20_000 });
      await picture(app, 'layout-820-batch-done');
      await expectInSight(batch.newBatch, 'New batch, once finished');

      const history = historyView(app);
      await history.tab.click();
      await expect(history.codes.first()).toBeVisible();
      // The list scrolls inside its pane: its first codes are what must show.
      await expectInSight(history.codes.first(), 'the newest code in the list');
      await expectInSight(history.search, 'Search codes');
      await history.codes.first().click();
      await expectInSight(history.codes.first(), 'the selected code');
      await expectInSight(history.openInForm, 'Open in form');
      await picture(app, 'layout-820-history');
    } finally {
      await input.remove();
    }
  });
});

test('a large window shows the code larger and the tables wider than the usual one', async ({
  app,
  backend,
}) => {
  test.setTimeout(60_000);
  const input = await tempFolder('layout-large');
  try {
    const ui = studio(app);
    await ui.path.fill('pages/index/index');
    await ui.generate();
    await expect(ui.newlyGenerated).toBeVisible();
    const sizes: Record<string, { code: number; table: number; history: number }> = {};
    const batch = batchView(app);
    const history = historyView(app);
    backend.desktop.spreadsheet = await sheetIn(input.path);

    for (const [name, viewport] of Object.entries({ usual: USUAL, large: LARGE })) {
      await app.setViewportSize(viewport);
      await history.formTab.click();
      const code = (await ui.realImage.boundingBox())!;
      await picture(app, `layout-${viewport.width}-code`);

      await batch.tab.click();
      if (!(await batch.sample.isVisible())) await batch.importButton.click();
      const table = (await batch.sample.boundingBox())!;
      await picture(app, `layout-${viewport.width}-batch`);

      await history.tab.click();
      await history.codes.first().click();
      const shown = (await history.preview('pages/index/index').boundingBox())!;
      await picture(app, `layout-${viewport.width}-history`);
      sizes[name] = { code: code.width, table: table.width, history: shown.width };
    }

    // The figures, for the report of the run (widths in CSS px).
    test.info().annotations.push({ type: 'shown widths', description: JSON.stringify(sizes) });
    expect(sizes.large!.code).toBeGreaterThan(sizes.usual!.code * 1.3);
    expect(sizes.large!.history).toBeGreaterThan(sizes.usual!.history * 1.3);
    expect(sizes.large!.table).toBeGreaterThan(sizes.usual!.table * 1.3);
  } finally {
    await input.remove();
  }
});
