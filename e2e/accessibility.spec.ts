import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { tempFolder } from '../electron/testing/tempFolder';
import { expect, test } from './fixtures';
import { batchView, writeGbkCsv } from './harness/batch';
import { historyView } from './harness/history';
import { studio } from './harness/studio';

// axe-core over every view and dialog the window shows, each in both languages and both colour
// schemes: no violation of any rule it runs by default (WCAG 2.x A and AA, and its best practices).

/**
 * axe-core's own script, the one @axe-core/playwright loads. AxeBuilder sends it into the page (and
 * a blank page) on every analysis, seconds each time on a busy machine: here it goes in once per
 * page, and AxeBuilder is given a stand-in that only checks it is there.
 */
const AXE_SOURCE = readFileSync(
  createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright')).resolve(
    'axe-core/axe.min.js',
  ),
  'utf8',
);
const AXE_PRESENT = 'if (typeof window.axe !== "object") throw new Error("axe-core is not in the page")';

/** axe's findings as lines a person can act on: the rule, what it asks, and where. */
async function violations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  // Legacy mode runs axe in the page itself, with no blank page to merge frames' results: the window has no frames.
  const { violations } = await new AxeBuilder({ page, axeSource: AXE_PRESENT }).setLegacyMode().analyze();
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${v.help} — ${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
  );
}

/**
 * The window as it stands, checked in English and Chinese, light and dark (the scheme switched as
 * the OS would switch it), and left in English and light. Every finding is reported, not just the first.
 */
async function checkEveryWay(page: Page, state: string): Promise<void> {
  const found: string[] = [];
  const language = page.getByRole('combobox', { name: /^(Language|语言)$/ });
  for (const [lang, htmlLang] of [
    ['en', 'en'],
    ['zh', 'zh-CN'],
  ] as const) {
    await language.selectOption(lang);
    await expect(page.locator('html')).toHaveAttribute('lang', htmlLang);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      for (const line of await violations(page)) found.push(`${state} (${lang}, ${colorScheme}): ${line}`);
    }
  }
  await language.selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.emulateMedia({ colorScheme: 'light' });
  expect(found).toEqual([]);
}

// Each check runs axe four times; on a busy machine one run takes seconds.
test.describe.configure({ timeout: 180_000 });

test('Make a code and the accounts dialog have no axe violations', async ({ app }) => {
  const ui = studio(app);
  await checkEveryWay(app, 'Make a code, empty');

  // A code made, then restyled: the local preview with its marker.
  await ui.path.fill('pages/index/index');
  await ui.generate();
  await expect(ui.newlyGenerated).toBeVisible();
  await ui.colorHex.fill('#1a7f37');
  await expect(ui.previewMarker).toBeVisible();
  await checkEveryWay(app, 'Make a code, code made and restyled');

  // A field in error, and Generate held back with the reason.
  await ui.path.fill('');
  await ui.path.blur();
  await expect(ui.generateButton).toBeDisabled();
  await checkEveryWay(app, 'Make a code, field error');

  await app.getByRole('button', { name: 'Accounts…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Accounts' });
  await dialog.getByRole('button', { name: 'Remove account' }).click();
  await expect(dialog.getByRole('button', { name: 'Remove', exact: true })).toBeVisible();
  await checkEveryWay(app, 'Accounts dialog, remove confirm');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await dialog.getByRole('button', { name: 'Add account' }).click();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true');
  await checkEveryWay(app, 'Accounts dialog, new account with errors');
});

test('Batch at each step, running and finished, has no axe violations', async ({ app, backend }) => {
  const input = await tempFolder('a11y-batch');
  try {
    const batch = batchView(app);
    await batch.tab.click();
    await expect(batch.importButton).toBeVisible();
    await checkEveryWay(app, 'Batch, no sheet');

    const sheet = join(input.path, '门店.csv');
    await writeGbkCsv(sheet, [
      ['页面路径', '门店名称'],
      ['pages/shop/index?id=101', '南京西路店'],
      ['pages/shop/index?id=102', '淮海中路店'],
      ['pages/shop/index?id=104&scancode_time=1', '徐家汇店'],
      ['', '空行'],
      // Rows after the stalled one, left unfinished by Cancel, so the batch is listed to continue.
      ['pages/shop/index?id=105', '静安寺店'],
      ['pages/shop/index?id=106', '陆家嘴店'],
    ]);
    backend.desktop.spreadsheet = sheet;
    await batch.importButton.click();
    await expect(batch.sample).toBeVisible();
    await batch.column('File name').selectOption('门店名称');
    await expect(batch.badRows).toBeVisible();
    await batch.chooseFolder.click();
    await batch.checkFirstRow();
    await expect(batch.start).toBeEnabled();
    await batch.advanced.click();
    await expect(batch.concurrency).toBeVisible();
    await checkEveryWay(app, 'Batch, first row checked, ready to start');

    // The first call stalls, so the batch is caught running and paused.
    await fetch(`${backend.sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ faults: [{ endpoint: 'getwxacode', kind: 'stall', ms: 5_000 }] }),
    });
    await batch.concurrency.fill('1');
    await batch.start.click();
    await expect(app.getByText('Running', { exact: true })).toBeVisible();
    await batch.pause.click();
    await expect(batch.resume).toBeVisible();
    await checkEveryWay(app, 'Batch, paused');
    await batch.cancel.click();
    await expect(batch.summary).toContainText('Cancelled:');
    await checkEveryWay(app, 'Batch, cancelled, with unfinished batches');

    await app.getByRole('button', { name: /^Continue / }).click();
    await expect(batch.summary).toContainText('Finished', { timeout: 30_000 });
    await checkEveryWay(app, 'Batch, finished');
  } finally {
    await input.remove();
  }
});

test('History, its detail and delete confirm have no axe violations', async ({ app }) => {
  const ui = studio(app);
  const history = historyView(app);
  await history.tab.click();
  await expect(app.getByRole('button', { name: 'Make a code' })).toBeVisible();
  await checkEveryWay(app, 'History, empty');

  await history.formTab.click();
  for (const path of ['pages/index/index', 'pages/shop/index?id=7']) {
    await ui.path.fill(path);
    await ui.generate();
  }
  await history.tab.click();
  await expect(history.codes).toHaveCount(2);
  await history.codes.first().click();
  await expect(history.openInForm).toBeEnabled();
  await checkEveryWay(app, 'History, codes and the detail of one');

  await history.deleteButton.click();
  await expect(history.confirmDelete).toBeFocused();
  await checkEveryWay(app, 'History, delete confirm');
});
