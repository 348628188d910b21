import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { type TempFolder, tempFolder } from '../electron/testing/tempFolder';
import { zipFileFor } from '../shared/batch';
import { expect, test } from './fixtures';
import { batchView, readResults, writeGbkCsv, writeXlsx } from './harness/batch';
import { qrText, readPicture } from './harness/png';
import { shoot } from './harness/screenshots';

let input: TempFolder;
let inputDir: string;
test.beforeEach(async () => {
  input = await tempFolder('batch-input');
  inputDir = input.path;
});
test.afterEach(() => input.remove());

test('a GBK spreadsheet with Chinese headers: bad rows skipped with their fix, quota confirmed in main’s dialog, each code made once, a second run from the library', async ({
  app,
  backend,
}) => {
  // Two runs and the first-row check: more than one flow's 30 s on a loaded build machine.
  test.setTimeout(60_000);
  const sheet = join(inputDir, '门店.csv');
  await writeGbkCsv(sheet, [
    ['页面路径', '文件名'],
    ['pages/shop/index?id=1', '一号店'],
    ['pages/shop/index?id=2', '二号店'],
    ['pages/shop/index?scancode_time=1', '坏行'],
    ['pages/shop/index?id=1', '一号店海报'],
    ['', '没有路径'],
    ['pages/shop/index?id=3', '三号店'],
  ]);
  const ui = batchView(app);
  await ui.tab.click();
  backend.desktop.spreadsheet = sheet;
  await ui.importButton.click();

  // What was read: the encoding Excel users know, the rows decoded, the columns guessed.
  await expect(app.getByText('GBK (GB18030)')).toBeVisible();
  await expect(app.getByText('门店.csv', { exact: true })).toBeVisible();
  await expect(ui.sample.getByRole('cell', { name: '二号店' })).toBeVisible();
  await expect(ui.kind('Mini program code')).toBeChecked();
  await expect(ui.column('Page path')).toHaveValue('0');
  await expect(ui.column('File name')).toHaveValue('1');

  // The check: 4 valid rows, 2 bad ones with the column and the fix, 1 repeat made once.
  await expect(app.getByText('4 Valid rows')).toBeVisible();
  await expect(app.getByText('2 Bad rows')).toBeVisible();
  await expect(app.getByText('1 Repeats')).toBeVisible();
  await expect(app.getByText('0 Already in the library')).toBeVisible();
  await expect(ui.badRows.getByRole('row')).toHaveCount(3);
  await expect(
    ui.badRows.getByRole('row', { name: /^4 页面路径 Page path contains scancode_time/ }),
  ).toContainText('Remove scancode_time from the page path: write pages/shop/index.');
  await expect(ui.badRows.getByRole('row', { name: /^6 页面路径 Page path is required\./ })).toContainText(
    'Enter the page the code opens',
  );

  // The quota guard: 3 distinct new codes; Start waits for a folder, then main asks natively.
  await expect(
    app.getByText(
      'This batch will spend 3 new codes of the 100,000 lifetime quota; the remaining count is unknown until WeChat reports Num-Used.',
    ),
  ).toBeVisible();
  await expect(ui.spendNote).toHaveText(
    'When you press Start, the app asks you to confirm spending 3 codes in a dialog of its own.',
  );
  await expect(ui.start).toBeDisabled();
  await expect(ui.start).toHaveAccessibleDescription('Choose an output folder.');
  await ui.chooseFolder.click();
  const outDir = backend.desktop.folder!;
  await expect(app.getByText(outDir, { exact: true })).toBeVisible();

  // A template with an unknown placeholder is refused at the field, with the fix.
  await ui.nameTemplate.fill('{rows}.png');
  await expect(ui.nameTemplate).toHaveAttribute('aria-invalid', 'true');
  await expect(ui.nameTemplate).toHaveAccessibleDescription(
    /unknown placeholder \{rows\}.*Fix: Use the sheet's columns \{页面路径\} \{文件名\} or \{row\} \{name\} \{page\} \{scene\} \{path\}/,
  );
  await ui.nameTemplate.fill('{name}-{row}.png');
  await expect(app.getByText('一号店-2.png')).toBeVisible();
  await ui.zip.check();

  // Start waits until the first row's code is made and seen: one code, kept in the library, so
  // the batch then spends 2 more, not 3.
  await expect(ui.start).toBeDisabled();
  await expect(ui.start).toHaveAccessibleDescription('Make the first code and look at it before the others.');
  await ui.checkFirstRow();
  await expect(ui.firstRow.getByText('Row 2: 一号店')).toBeVisible();
  await expect(ui.firstRow.getByText('一号店-2.png')).toBeVisible();
  expect(backend.sandbox.stats().getwxacode).toBe(1);
  await expect(ui.spendNote).toHaveText(
    'When you press Start, the app asks you to confirm spending 2 codes in a dialog of its own.',
  );
  await expect(ui.start).toHaveText('Start the other 3');

  // Start asks in main's dialog, which the page cannot answer: Cancel there spends and writes nothing.
  const question = {
    title: 'Spend quota',
    message:
      'This batch makes 2 new mini program codes from “门店.csv” (4 rows), spending 2 of the 100,000 lifetime quota.',
    // The first row's code made WeChat report Num-Used: what remains is known now.
    detail: `Saved to: ${outDir}\nAbout 99,999 of the 100,000 remain (Num-Used 1). Spent codes never come back. Unlimited codes (a scene column) spend none. If you did not start this batch, choose Cancel.`,
    confirm: 'Make 2 codes',
    cancel: 'Cancel',
  };
  backend.desktop.answer = 'cancel';
  await expect(ui.start).toBeEnabled();
  await ui.start.click();
  await expect.poll(() => backend.desktop.asked).toEqual([question]);
  await expect(ui.start).toBeEnabled();
  await expect(ui.panel.getByRole('alert')).toHaveCount(0);
  expect(backend.sandbox.stats().getwxacode).toBe(1);
  await expect(stat(outDir)).rejects.toThrow();

  backend.desktop.answer = 'ok';
  await ui.start.click();
  await expect(ui.summary).toBeVisible();
  await expect(ui.summary).toContainText('Finished:');
  await expect(ui.summary.getByText('4 Made')).toBeVisible();
  await expect(ui.summary.getByText('0 Failed')).toBeVisible();
  await expect(ui.summary.getByText('2 Skipped bad rows')).toBeVisible();
  await expect(ui.summary.getByText(join(outDir, 'results.csv'))).toBeVisible();
  await expect(ui.summary.getByText(zipFileFor(outDir))).toBeVisible();

  // On disk: one PNG per valid row, named by the template, the results and the ZIP, inside the chosen folder.
  const files = (await readdir(outDir)).sort();
  expect(files).toEqual(
    [
      '一号店-2.png',
      '一号店海报-5.png',
      '三号店-7.png',
      '二号店-3.png',
      'results.csv',
      basename(zipFileFor(outDir)),
    ].sort(),
  );
  const picture = await readPicture(join(outDir, '二号店-3.png'));
  expect([picture.width, picture.height]).toEqual([430, 430]);
  expect(qrText(picture)).toBe('pages/shop/index?id=2');
  const results = await readResults(join(outDir, 'results.csv'));
  expect([...results].map(([row, r]) => [row, r.status])).toEqual([
    [2, 'done'],
    [3, 'done'],
    [4, 'invalid'],
    [5, 'done'],
    [6, 'invalid'],
    [7, 'done'],
  ]);
  expect(results.get(4)?.line).toContain('页面路径');
  expect((await stat(zipFileFor(outDir))).size).toBeGreaterThan(0);
  // WeChat was asked once per distinct valid code, the first row's check included: the repeat and the bad rows cost nothing.
  expect(backend.sandbox.stats().getwxacode).toBe(3);

  await ui.showInFolder.click();
  // Selected in the file manager, not opened.
  await expect.poll(() => backend.desktop.shown).toEqual([join(outDir, 'results.csv')]);

  // The same batch again: every code is in the library now, so nothing is spent or asked for.
  await expect(app.getByText('3 Already in the library')).toBeVisible();
  await expect(
    app.getByText(
      'Every code is already in the library: this batch spends none of the 100,000 lifetime quota.',
    ),
  ).toBeVisible();
  await expect(ui.spendNote).toHaveCount(0);
  await ui.startAgain.click();
  await expect(ui.summary.getByText('4 From the library (no API call)')).toBeVisible();
  await expect(ui.summary.getByText('4 Made')).toBeVisible();
  expect(backend.sandbox.stats().getwxacode).toBe(3);
  expect(backend.desktop.asked).toEqual([question, question]);
});

test('an unlimited .xlsx batch paused, resumed, cancelled and continued later', async ({ app, backend }) => {
  // Paced at a code a second on purpose: the run takes its time so it can be paused and cancelled.
  test.setTimeout(60_000);
  const sheet = join(inputDir, 'posters.xlsx');
  const rows = Array.from({ length: 12 }, (_, i) => [`id=${i + 1}`, 'pages/index/index', `海报${i + 1}`]);
  await writeXlsx(sheet, [['场景值', '页面', '名称'], ...rows]);
  const ui = batchView(app);
  await ui.tab.click();
  backend.desktop.spreadsheet = sheet;
  await ui.importButton.click();
  await expect(app.getByText('Excel workbook (.xlsx)')).toBeVisible();
  await expect(ui.kind('Unlimited mini program code')).toBeChecked();
  await expect(ui.column('Scene')).toHaveValue('0');
  await expect(ui.column('Page')).toHaveValue('1');
  await expect(app.getByText('12 Valid rows')).toBeVisible();
  await expect(app.getByText('Unlimited codes spend none of the 100,000 lifetime quota.')).toBeVisible();
  await expect(ui.spendNote).toHaveCount(0);

  await ui.chooseFolder.click();
  // One code a second, one at a time: slow enough to pause and cancel in the middle.
  await ui.advanced.click();
  await ui.concurrency.fill('1');
  await ui.pace.fill('60');
  await ui.checkFirstRow();
  await ui.start.click();

  await expect(ui.progress).toBeVisible();
  await expect.poll(() => ui.tried()).toBeGreaterThanOrEqual(2);
  await ui.pause.click();
  await expect(app.getByText('Paused', { exact: true })).toBeVisible();
  // Focus stays on the button, now Resume, for the keyboard user who paused.
  await expect(ui.resume).toBeFocused();
  const pausedAt = await ui.tried();
  expect(pausedAt).toBeLessThan(12);
  // Paused means nothing in flight: every call made is a row shown as done, and no more start.
  expect(backend.sandbox.stats().getwxacodeunlimit).toBe(pausedAt);
  await expect(ui.progress).toHaveAttribute('aria-valuetext', `${pausedAt} of 12 rows`);

  await app.keyboard.press('Enter');
  await expect(app.getByText('Running', { exact: true })).toBeVisible();
  // Away to another view and back: the running batch shows again, still counting.
  await app.getByRole('tab', { name: 'Make a code' }).click();
  await ui.tab.click();
  await expect(app.getByText('Running', { exact: true })).toBeVisible();
  await expect.poll(() => ui.tried()).toBeGreaterThan(pausedAt);
  await ui.cancel.click();

  await expect(ui.summary).toContainText('Cancelled:');
  const made = backend.sandbox.stats().getwxacodeunlimit;
  expect(made).toBeGreaterThan(pausedAt);
  expect(made).toBeLessThan(12);
  await expect(ui.summary.getByText(`${made} Made`)).toBeVisible();
  await expect(ui.summary.getByText(`${12 - made} Not run`)).toBeVisible();
  await expect(ui.problemRows.getByRole('row', { name: /not run/ })).toHaveCount(12 - made);
  const outDir = backend.desktop.folder!;
  const results = await readResults(join(outDir, 'results.csv'));
  expect([...results.values()].filter((r) => r.status === 'not-run')).toHaveLength(12 - made);
  expect((await readdir(outDir)).filter((f) => f.endsWith('.png'))).toHaveLength(made);

  // The cancelled batch waits under Unfinished batches; continuing makes only the rest.
  await expect(app.getByText(`${made} of 12 rows done`, { exact: false })).toBeVisible();
  await app.getByRole('button', { name: 'Continue posters.xlsx' }).click();
  // It keeps the pace it was started with, so the rest takes a second a code.
  await expect(app.getByText('Pace now: 60 calls a minute.')).toBeVisible();
  await expect(ui.summary).toContainText('Finished:', { timeout: 20_000 });
  await expect(ui.summary.getByText('12 Made')).toBeVisible();
  expect(backend.sandbox.stats().getwxacodeunlimit).toBe(12);
  expect((await readdir(outDir)).filter((f) => f.endsWith('.png'))).toHaveLength(12);
  await expect(app.getByRole('button', { name: 'Continue posters.xlsx' })).toHaveCount(0);
});

test('the same error row after row pauses the batch after 3 with the meaning and the fix; failures listed grouped', async ({
  app,
  backend,
}) => {
  const sheet = join(inputDir, 'unpublished.xlsx');
  // A page missing from the published version: WeChat answers 41030 for every row.
  const rows = Array.from({ length: 10 }, (_, i) => [`id=${i + 2}`, 'pages/new/index', `海报${i + 2}`]);
  // The first row, checked before Start, opens a published page; the rest do not.
  await writeXlsx(sheet, [['场景值', '页面', '名称'], ['id=1', 'pages/index/index', '海报1'], ...rows]);
  const ui = batchView(app);
  await ui.tab.click();
  backend.desktop.spreadsheet = sheet;
  await ui.importButton.click();
  await expect(app.getByText('11 Valid rows')).toBeVisible();
  await ui.chooseFolder.click();
  await ui.advanced.click();
  await ui.concurrency.fill('1');
  await ui.checkFirstRow();
  await ui.start.click();

  await expect(app.getByText('Paused', { exact: true })).toBeVisible();
  const reason = ui.progress.locator('..').getByRole('alert');
  await expect(reason).toContainText(
    '3 rows in a row failed with the same error, so the batch paused: The page does not exist in the published version.',
  );
  await expect(reason).toContainText('Then press Resume: those rows are tried again.');
  // The first row's check made one; the batch took that from the library and tried 3 more.
  expect(backend.sandbox.stats().getwxacodeunlimit).toBe(4);

  // Resumed unfixed: the three fail alone, listed with the fix, and the next three pause it again.
  await ui.resume.click();
  const failures = app.getByRole('list', { name: 'Failed' });
  await expect(failures.getByRole('listitem')).toHaveCount(1);
  await expect(failures).toContainText('3 ×');
  await expect(failures).toContainText('Check the page for typos and publish the mini program');
  await expect(app.getByText('Paused', { exact: true })).toBeVisible();
  expect(backend.sandbox.stats().getwxacodeunlimit).toBe(10);
  await shoot(app, 'batch-paused');
  await ui.cancel.click();
  await expect(ui.summary).toContainText('Cancelled:');
});

test('the check follows the columns and the batch’s own settings, and says what to fix', async ({
  app,
  backend,
}) => {
  const sheet = join(inputDir, 'links.csv');
  await writeGbkCsv(sheet, [
    ['path', 'name', 'note'],
    ['pages/index/index?id=1', 'one', ''],
    ['pages/index/index?id=2', 'two', ''],
  ]);
  const ui = batchView(app);
  await ui.tab.click();
  backend.desktop.spreadsheet = sheet;
  await ui.importButton.click();
  await expect(app.getByText('UTF-8', { exact: true })).toBeVisible();
  await expect(app.getByText('2 Valid rows')).toBeVisible();
  const width = ui.settings.getByRole('spinbutton', { name: 'Width in pixels' });
  await expect(width).toHaveValue('430');

  // A bad width stops the batch at once, under the field and under Check, before main is asked.
  await width.fill('100');
  await expect(width).toHaveAttribute('aria-invalid', 'true');
  await expect(width).toHaveAccessibleDescription(/Width must be a whole number from 280 to 1280 pixels\./);
  await expect(ui.panel.getByRole('region', { name: 'Check' })).toContainText(
    'Width must be a whole number from 280 to 1280 pixels.',
  );
  await expect(ui.start).toHaveAccessibleDescription('Fix the problem shown under Check.');
  await width.fill('600');
  await expect(width).not.toHaveAttribute('aria-invalid');
  await expect(app.getByText('2 Valid rows')).toBeVisible();

  // Without a path column a mini program code cannot be made: the select says so, with the fix.
  await ui.column('Page path').selectOption('— not used —');
  await expect(ui.column('Page path')).toHaveAttribute('aria-invalid', 'true');
  await expect(ui.column('Page path')).toHaveAccessibleDescription(/need a path column.*Fix: /);
  await ui.column('Page path').selectOption('path');
  await expect(ui.column('Page path')).not.toHaveAttribute('aria-invalid');

  // Square codes have no line colour; unlimited ones need a scene column the sheet does not have.
  await ui.kind('Square QR code').check();
  await expect(ui.column('Line color')).toHaveCount(0);
  await expect(app.getByText('2 Valid rows')).toBeVisible();
  await ui.kind('Unlimited mini program code').check();
  await expect(ui.column('Scene')).toHaveAttribute('aria-invalid', 'true');
  expect(backend.sandbox.stats().getwxacode + backend.sandbox.stats().createwxaqrcode).toBe(0);
});
