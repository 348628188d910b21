import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { type TempFolder, tempFolder } from '../electron/testing/tempFolder';
import { expect, test } from './fixtures';
import { batchView } from './harness/batch';
import { historyView } from './harness/history';
import { shoot } from './harness/screenshots';
import { studio } from './harness/studio';

// Issue 8: History remembers what a batch's codes were made for. A code found by a cell of its row,
// listed under its campaign, picked several at a time and saved under the batch's own names.

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const STORES = [
  ['id=101', '南京西路店', '上海'],
  ['id=102', '淮海中路店', '上海'],
  ['id=103', '春熙路店', '成都'],
  ['id=104', '解放碑店', '重庆'],
];
const NAMES = ['2-南京西路店.png', '3-淮海中路店.png', '4-春熙路店.png', '5-解放碑店.png'];

let input: TempFolder;
test.beforeEach(async () => {
  input = await tempFolder('campaign-input');
});
test.afterEach(() => input.remove());

async function pngsIn(folder: string): Promise<string[]> {
  const files = (await readdir(folder)).filter((f) => f.endsWith('.png')).sort();
  for (const file of files) expect((await readFile(join(folder, file))).subarray(0, 8)).toEqual(PNG);
  return files;
}

test('a batch’s codes are found by a cell, filtered by campaign, picked several at a time, saved under the batch’s names, zipped and deleted', async ({
  app,
  backend,
}) => {
  // A batch, then History's every step: on this shared machine more than the default half-minute.
  test.setTimeout(120_000);
  // A code made by hand: it belongs to no campaign.
  const form = studio(app);
  await form.path.fill('pages/index/index');
  await form.generate();

  const sheet = join(input.path, '春季门店.csv');
  await writeFile(sheet, ['场景值,门店,城市', ...STORES.map((r) => r.join(','))].join('\n'));
  const batch = batchView(app);
  await batch.tab.click();
  backend.desktop.spreadsheet = sheet;
  await batch.importButton.click();
  await batch.chooseFolder.click();

  // The campaign is the sheet's name unless the user names it; an overlong one is refused at the field.
  const campaign = app.getByRole('textbox', { name: 'Campaign' });
  await expect(campaign).toHaveValue('春季门店');
  await campaign.fill('春'.repeat(101));
  await expect(campaign).toHaveAttribute('aria-invalid', 'true');
  await expect(campaign).toHaveAccessibleDescription(
    /Campaign is 101 characters long; at most 100 fit\..*Shorten/,
  );
  await campaign.fill('春季海报');
  await expect(campaign).not.toHaveAttribute('aria-invalid');
  // The first row is made and seen before Start (by the form's path): it takes its row's origin too.
  await batch.checkFirstRow();
  await batch.start.click();
  await expect(batch.summary).toContainText('Finished');

  const history = historyView(app);
  await history.tab.click();
  await expect(history.codes).toHaveCount(5);

  // A store's name is a cell of its row, not part of the code's page or scene: found all the same.
  await history.search.fill('南京西路');
  await expect(history.codes).toHaveCount(1);
  await expect(history.codes.first()).toHaveAccessibleName(/^南京西路店 Home page .*id=101$/);
  await history.search.fill('上海');
  await expect(history.codes).toHaveCount(2);
  await history.search.fill('');

  const campaignFilter = app.getByRole('combobox', { name: 'Filter by campaign' });
  await campaignFilter.selectOption({ label: '春季海报 (4)' });
  await expect(history.codes).toHaveCount(4);
  await expect(app.getByText('4 codes', { exact: true })).toBeVisible();

  // Click, then Shift-click: a range of three. Ctrl/Cmd-A: every code shown.
  await history.codes.nth(0).click();
  await history.codes.nth(2).click({ modifiers: ['Shift'] });
  await expect(app.getByText('3 selected')).toBeVisible();
  await expect(history.list.locator('[role="option"][aria-selected="true"]')).toHaveCount(3);
  await expect(app.getByText(/^春季门店\.csv, row [2-5]$/)).toBeVisible();
  await shoot(app, 'history-campaign');
  await history.codes.nth(1).click({ modifiers: ['ControlOrMeta'] });
  await expect(app.getByText('2 selected')).toBeVisible();
  // The keys: Home picks the first alone, Shift+Down extends, Space takes the current one out again.
  const picked = history.list.locator('[role="option"][aria-selected="true"]');
  await app.keyboard.press('Home');
  await expect(picked).toHaveCount(1);
  await app.keyboard.press('Shift+ArrowDown');
  await app.keyboard.press('Shift+ArrowDown');
  await expect(app.getByText('3 selected')).toBeVisible();
  await app.keyboard.press(' ');
  await expect(app.getByText('2 selected')).toBeVisible();
  await app.keyboard.press('ControlOrMeta+a');
  await expect(app.getByText('4 selected')).toBeVisible();

  // Main asks for the folder; each file takes the name the batch gave it.
  const saved = join(input.path, 'saved');
  await mkdir(saved);
  backend.desktop.folder = saved;
  await app.getByRole('button', { name: 'Save to folder…' }).click();
  await expect(app.getByText(`Saved 4 files in ${saved}`)).toBeVisible();
  expect(await pngsIn(saved)).toEqual(NAMES);

  // Again into the same folder: nothing is overwritten, the new files are numbered.
  await app.getByRole('button', { name: 'Save to folder…' }).click();
  await expect(app.getByText(`Saved 4 files in ${saved}`)).toBeVisible();
  await expect.poll(async () => (await pngsIn(saved)).length).toBe(8);
  expect(await pngsIn(saved)).toContain('2-南京西路店 (2).png');

  const zipped = join(input.path, 'zipped');
  await mkdir(zipped);
  backend.desktop.folder = zipped;
  await app.getByRole('button', { name: 'Save as ZIP…' }).click();
  await expect(app.getByText(/^Saved .*\.zip$/)).toBeVisible();
  const [zip] = await readdir(zipped);
  const entries = unzipSync(await readFile(join(zipped, zip!)));
  expect(Object.keys(entries).sort()).toEqual(NAMES);
  for (const png of Object.values(entries)) expect(Buffer.from(png.subarray(0, 8))).toEqual(PNG);

  // The campaign's one batch, saved again whole under its names.
  await app.getByRole('combobox', { name: 'Filter by batch' }).selectOption({ index: 1 });
  await expect(history.codes).toHaveCount(4);
  const again = join(input.path, 'again');
  await mkdir(again);
  backend.desktop.folder = again;
  await app.getByRole('button', { name: 'Save batch to folder…' }).click();
  await expect(app.getByText(`Saved 4 files in ${again}`)).toBeVisible();
  expect(await pngsIn(again)).toEqual(NAMES);

  // Delete two picked codes, after a confirmation in place.
  await history.codes.nth(0).click();
  await history.codes.nth(1).click({ modifiers: ['ControlOrMeta'] });
  await app.getByRole('button', { name: 'Delete 2…' }).click();
  await app.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(history.codes).toHaveCount(2);
  await campaignFilter.selectOption('');
  await expect(history.codes).toHaveCount(3);
});
