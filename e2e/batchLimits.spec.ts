import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type TempFolder, tempFolder } from '../electron/testing/tempFolder';
import { expect, test } from './fixtures';
import { batchView, writeGbkCsv } from './harness/batch';

let input: TempFolder;
let inputDir: string;
test.beforeEach(async () => {
  input = await tempFolder('batch-limits');
  inputDir = input.path;
});
test.afterEach(() => input.remove());

// WeChat lets this mini program make one more limited code today.
test.use({ sandboxOptions: { dailyLimit: 1 } });

test('a limited batch meeting WeChat’s daily limit pauses at once and says to continue tomorrow, calling no more', async ({
  app,
  backend,
}) => {
  const sheet = join(inputDir, '门店.csv');
  await writeGbkCsv(sheet, [
    ['页面路径', '文件名'],
    ...[1, 2, 3, 4, 5, 6].map((i) => [`pages/shop/index?id=${i}`, `${i}号店`]),
  ]);
  const ui = batchView(app);
  await ui.tab.click();
  backend.desktop.spreadsheet = sheet;
  await ui.importButton.click();
  await expect(app.getByText('6 Valid rows')).toBeVisible();
  await ui.chooseFolder.click();
  // The first row's check makes the one code WeChat allows today.
  await ui.checkFirstRow();
  await ui.start.click();

  const reason = ui.panel.getByRole('alert').filter({ hasText: 'daily limit' });
  await expect(reason).toContainText(
    "WeChat error 45009WeChat's daily limit for this mini program is reached; continue tomorrow.",
  );
  await expect(reason).toContainText('a batch pauses here and continues tomorrow where it stopped');
  await expect(ui.panel.getByText('Paused', { exact: true })).toBeVisible();
  await expect(ui.resume).toBeVisible();
  // One code made (the first row's, checked before Start); the rows in flight when the cap answered came back to do, none failed.
  const calls = backend.sandbox.stats().getwxacode;
  expect(calls).toBeLessThanOrEqual(5);
  await app.waitForTimeout(1000);
  expect(backend.sandbox.stats().getwxacode).toBe(calls);
  await expect(ui.progress).toHaveAttribute('aria-valuetext', '1 of 6 rows');
});

test('a sheet with a header and no rows is refused at import with the fix', async ({ app, backend }) => {
  const sheet = join(inputDir, 'empty.csv');
  await writeFile(sheet, 'path,name\r\n');
  const ui = batchView(app);
  await ui.tab.click();
  backend.desktop.spreadsheet = sheet;
  await ui.importButton.click();
  const error = ui.panel.getByRole('alert');
  await expect(error).toContainText('empty.csv has a header row but no rows under it.');
  await expect(error).toContainText('Put one code per row under the header');
  expect(backend.sandbox.stats().getwxacode).toBe(0);
});
