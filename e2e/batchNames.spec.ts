import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type TempFolder, tempFolder } from '../electron/testing/tempFolder';
import { expect, test } from './fixtures';
import { batchView, readResults, writeGbkCsv } from './harness/batch';
import { qrText, readPicture } from './harness/png';

let input: TempFolder;
let inputDir: string;
test.beforeEach(async () => {
  input = await tempFolder('batch-names');
  inputDir = input.path;
});
test.afterEach(() => input.remove());

test('a sheet with Chinese headers names its codes {城市}/{门店名称}.png: each city a subfolder', async ({
  app,
  backend,
}) => {
  const sheet = join(inputDir, '门店.csv');
  await writeGbkCsv(sheet, [
    ['门店编号', '门店名称', '城市', '场景值'],
    ['S001', '南京西路店', '上海', 'store=1'],
    ['S002', '五道口店', '北京', 'store=2'],
    ['S003', '淮海路店', '上海', 'store=3'],
  ]);
  const ui = batchView(app);
  await ui.tab.click();
  backend.desktop.spreadsheet = sheet;
  await ui.importButton.click();
  // The headers are understood by meaning: the store's name names the row, the scene makes unlimited codes.
  await expect(ui.kind('Unlimited mini program code')).toBeChecked();
  await expect(ui.column('Scene')).toHaveValue('3');
  await expect(ui.column('File name')).toHaveValue('1');
  await expect(app.getByText('3 Valid rows')).toBeVisible();
  await ui.chooseFolder.click();
  const outDir = backend.desktop.folder!;

  // The hint says any header will do, and offers the sheet's columns to click into the template.
  await expect(ui.nameTemplate).toHaveAccessibleDescription(
    /or any column header of the sheet\. A \/ makes a subfolder/,
  );
  const columns = app.getByRole('group', { name: 'Add a column:' });
  await expect(columns.getByRole('button')).toHaveText(['{门店编号}', '{门店名称}', '{城市}', '{场景值}']);
  await ui.nameTemplate.fill('');
  await columns.getByRole('button', { name: '{城市}' }).click();
  await expect(ui.nameTemplate).toBeFocused();
  await app.keyboard.type('/');
  await columns.getByRole('button', { name: '{门店名称}' }).click();
  await expect(ui.nameTemplate).toBeFocused();
  await app.keyboard.type('.png');
  await expect(ui.nameTemplate).toHaveValue('{城市}/{门店名称}.png');
  await expect(app.getByText('上海/南京西路店.png')).toBeVisible();
  await expect(app.getByText('北京/五道口店.png')).toBeVisible();

  // A placeholder that is no column is refused at the field, naming the columns there are.
  await ui.nameTemplate.fill('{城市}/{店名}.png');
  await expect(ui.nameTemplate).toHaveAttribute('aria-invalid', 'true');
  await expect(ui.nameTemplate).toHaveAccessibleDescription(
    /unknown placeholder \{店名\}.*Fix: Use the sheet's columns \{门店编号\} \{门店名称\} \{城市\} \{场景值\}/,
  );
  await ui.nameTemplate.fill('{城市}/{门店名称}.png');
  await expect(ui.nameTemplate).not.toHaveAttribute('aria-invalid');

  await ui.checkFirstRow();
  await ui.start.click();
  await expect(ui.summary.getByText('3 Made')).toBeVisible();
  expect((await readdir(outDir)).sort()).toEqual(['results.csv', '上海', '北京']);
  expect((await readdir(join(outDir, '上海'))).sort()).toEqual(['南京西路店.png', '淮海路店.png']);
  expect(await readdir(join(outDir, '北京'))).toEqual(['五道口店.png']);
  expect(qrText(await readPicture(join(outDir, '北京', '五道口店.png')))).toBe(
    'pages/index/index?scene=store=2',
  );
  const results = await readResults(join(outDir, 'results.csv'));
  expect(results.get(2)?.line).toContain('上海/南京西路店.png');
  expect(backend.sandbox.stats().getwxacodeunlimit).toBe(3);
});
