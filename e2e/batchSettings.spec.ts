import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { type TempFolder, tempFolder } from '../electron/testing/tempFolder';
import { expect, test } from './fixtures';
import { batchView, writeGbkCsv } from './harness/batch';
import { type Picture, qrText, readPicture } from './harness/png';
import { studio } from './harness/studio';

let input: TempFolder;
let inputDir: string;
test.beforeEach(async () => {
  input = await tempFolder('batch-settings');
  inputDir = input.path;
});
test.afterEach(() => input.remove());

/** Pixels clearly green (the one-off code's colour), and clearly dark (black lines, JPEG-softened). */
function look({ data }: Pick<Picture, 'data'>): { green: number; dark: number; all: number } {
  let green = 0;
  let dark = 0;
  for (let o = 0; o < data.length; o += 4) {
    const [r, g, b] = [data[o]!, data[o + 1]!, data[o + 2]!];
    if (g > r + 60 && g > b + 60) green++;
    if (r < 60 && g < 60 && b < 60) dark++;
  }
  return { green, dark, all: data.length / 4 };
}

test('a batch has its own settings: a green code in Make a code makes no green batch; the first row is checked before Start; Copy from Make a code copies on purpose', async ({
  app,
  backend,
}) => {
  // A one-off green code in the form.
  const form = studio(app);
  await form.path.fill('pages/index/index');
  await form.colorHex.fill('#00aa00');
  await form.widthBox.fill('600');

  const sheet = join(inputDir, '门店.csv');
  await writeGbkCsv(sheet, [
    ['页面路径', '文件名'],
    ['pages/shop/index?id=1', '一号店'],
    ['pages/shop/index?id=2', '二号店'],
    ['pages/shop/index?id=3', '三号店'],
  ]);
  const ui = batchView(app);
  await ui.tab.click();
  backend.desktop.spreadsheet = sheet;
  await ui.importButton.click();
  await expect(app.getByText('3 Valid rows')).toBeVisible();

  // The batch's settings are WeChat's defaults, not the form's green.
  const hex = ui.settings.getByRole('textbox', { name: 'Line color (hex)' });
  await expect(hex).toHaveValue('#000000');
  await expect(ui.settings.getByRole('spinbutton', { name: 'Width in pixels' })).toHaveValue('430');
  await expect(ui.settings.getByRole('switch', { name: 'Automatic color' })).not.toBeChecked();
  await expect(ui.settings.getByRole('switch', { name: 'Transparent background' })).not.toBeChecked();
  await expect(ui.settings.getByRole('radio', { name: 'Release', exact: true })).toBeChecked();
  // Check page is WeChat's own default for unlimited codes, and shows only for them.
  await expect(ui.settings.getByRole('switch', { name: /^Check page exists/ })).toHaveCount(0);
  await ui.kind('Unlimited mini program code').check();
  await expect(ui.settings.getByRole('switch', { name: /^Check page exists/ })).toBeChecked();
  await ui.kind('Mini program code').check();
  await expect(app.getByText('3 Valid rows')).toBeVisible();

  // Start waits for the first row's code, made on the user's click and shown with what it will be.
  await ui.chooseFolder.click();
  const outDir = backend.desktop.folder!;
  await expect(ui.start).toBeDisabled();
  await expect(ui.start).toHaveAccessibleDescription('Make the first code and look at it before the others.');
  expect(backend.sandbox.stats().getwxacode).toBe(0);
  await ui.makeFirst.click();
  const shown = ui.firstRow.getByRole('img', { name: 'The code of row 2' });
  await expect(shown).toBeVisible();
  await expect(shown).toHaveJSProperty('naturalWidth', 430);
  await expect(ui.firstRow.getByText('Row 2: 一号店')).toBeVisible();
  await expect(ui.firstRow.getByText('Opens pages/shop/index?id=1')).toBeVisible();
  await expect(
    ui.firstRow.getByText('430 px · lines #000000 · white background · Release version'),
  ).toBeVisible();
  await expect(ui.firstRow.getByText('2-一号店.png')).toBeVisible();
  await expect(ui.firstRow.getByText('Made now (1 API call).')).toBeVisible();
  const onScreen = look(PNG.sync.read(await shown.screenshot()));
  expect(onScreen.green).toBe(0);
  expect(onScreen.dark).toBeGreaterThan(onScreen.all * 0.1);
  expect(backend.sandbox.stats().getwxacode).toBe(1);

  // The others: the first comes from the library, so WeChat is asked twice more, not three times.
  await expect(ui.start).toHaveText('Start the other 2');
  await ui.start.click();
  await expect(ui.summary).toContainText('Finished:');
  await expect(ui.summary.getByText('3 Made')).toBeVisible();
  await expect(ui.summary.getByText('1 From the library (no API call)')).toBeVisible();
  expect(backend.sandbox.stats().getwxacode).toBe(3);
  expect((await readdir(outDir)).sort()).toEqual([
    '2-一号店.png',
    '3-二号店.png',
    '4-三号店.png',
    'results.csv',
  ]);
  for (const [file, path] of [
    ['2-一号店.png', 'pages/shop/index?id=1'],
    ['3-二号店.png', 'pages/shop/index?id=2'],
    ['4-三号店.png', 'pages/shop/index?id=3'],
  ] as const) {
    const picture = await readPicture(join(outDir, file));
    expect([picture.width, picture.height]).toEqual([430, 430]);
    const pixels = look(picture);
    expect(pixels.green).toBe(0);
    expect(pixels.dark).toBeGreaterThan(pixels.all * 0.1);
    expect(qrText(picture)).toBe(path);
  }

  // Copy from Make a code brings the form's styling over, on the user's word only.
  await ui.copyFromForm.click();
  await expect(hex).toHaveValue('#00aa00');
  await expect(ui.settings.getByRole('spinbutton', { name: 'Width in pixels' })).toHaveValue('600');
  // The check shown was of the black codes: another setup needs its own look first.
  await expect(ui.makeFirst).toBeVisible();
  await expect(ui.firstRow.getByRole('img')).toHaveCount(0);
  await expect(ui.startAgain).toBeDisabled();
});
