import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { type TempFolder, tempFolder } from '../electron/testing/tempFolder';
import { expect, test } from './fixtures';
import { batchView, writeGbkCsv } from './harness/batch';

let input: TempFolder;
test.beforeEach(async () => {
  input = await tempFolder('batch-print');
});
test.afterEach(() => input.remove());

test('the Print part labels each code from a column and adds a print sheet; a label naming no column is refused before any call', async ({
  app,
  backend,
}) => {
  const sheet = join(input.path, '门店.csv');
  await writeGbkCsv(sheet, [
    ['页面路径', '门店名称'],
    ['pages/shop/index?id=1', '一号店'],
    ['pages/shop/index?id=2', '二号店'],
    ['pages/shop/index?id=3', '三号店'],
  ]);
  const ui = batchView(app);
  await ui.tab.click();
  backend.desktop.spreadsheet = sheet;
  await ui.importButton.click();
  await expect(app.getByText('3 Valid rows')).toBeVisible();
  await ui.chooseFolder.click();
  const outDir = backend.desktop.folder!;

  await app.getByRole('region', { name: 'Batch setup' }).getByText('Print', { exact: true }).click();
  const labels = app.getByRole('textbox', { name: 'Label lines under each code' });
  await labels.fill('桌号 {nope}');
  await app.getByRole('switch', { name: 'Also make a print sheet PDF' }).check();
  await expect(app.getByRole('combobox', { name: 'Paper' })).toHaveValue('A4');
  await app.locator('.batch-print').screenshot({ path: 'e2e/.artifacts/batch-print.png' });
  // The first-row check prints the row as Start would: the label naming no column is refused there, before any call.
  const made = backend.sandbox.stats().getwxacode;
  await app.getByRole('button', { name: 'Make the first one to check' }).click();
  const check = app.getByRole('region', { name: 'Check the first code' });
  await expect(check.getByRole('alert')).toContainText('nope');
  await expect(check.getByRole('alert')).toContainText('门店名称');
  expect(backend.sandbox.stats().getwxacode).toBe(made);

  // The column's chip puts its placeholder in the label.
  await labels.fill('');
  await app.locator('.batch-print').getByRole('button', { name: '{门店名称}' }).click();
  await expect(labels).toHaveValue('{门店名称}');
  await ui.checkFirstRow();
  // The check shows the row's code as printed: the code with its label band under it.
  await expect(check.getByRole('img', { name: 'The printed code of row 2' })).toBeVisible();
  await ui.start.click();
  await expect(ui.summary).toContainText('Finished:');
  const files = (await readdir(outDir)).sort();
  expect(files).toEqual(
    expect.arrayContaining(['2-一号店.png', '2-一号店-print.png', 'sheet.pdf', 'results.csv']),
  );
  const printed = PNG.sync.read(await readFile(join(outDir, '3-二号店-print.png')));
  // The label band under the 430 px code has ink.
  let dark = 0;
  for (let y = printed.height - 40; y < printed.height; y++) {
    for (let x = 0; x < printed.width; x++) if (printed.data[(y * printed.width + x) * 4]! < 100) dark++;
  }
  expect(printed.height).toBeGreaterThan(430 + 40);
  expect(dark).toBeGreaterThan(30);
  const results = await readFile(join(outDir, 'results.csv'), 'utf8');
  expect(results).toContain('3,done,3-二号店.png,,,3-二号店-print.png,,1');
});
