// What the window does as a desktop app beyond its forms: files dropped onto it, the view it
// reopens on, and views the main process asks for (from the menu or a clicked notification).
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { expect, test } from './fixtures';
import { batchView } from './harness/batch';
import { dropFiles } from './harness/drop';

const stores = iconv.encode(
  '页面路径,文件名\r\npages/shop/index?id=1,一号店\r\npages/shop/index?id=2,二号店\r\n',
  'gbk',
);

test('a spreadsheet dropped onto the window opens in Batch, read as Import would read it', async ({
  app,
  backend,
}) => {
  const ui = batchView(app);
  await expect(app.getByRole('tab', { name: 'Make a code' })).toHaveAttribute('aria-selected', 'true');

  await dropFiles(app, [{ name: '门店.csv', bytes: stores, type: 'text/csv' }]);

  await expect(ui.tab).toHaveAttribute('aria-selected', 'true');
  await expect(app.getByText('门店.csv', { exact: true })).toBeVisible();
  await expect(app.getByText('GBK (GB18030)')).toBeVisible();
  await expect(ui.sample.getByRole('cell', { name: '二号店' })).toBeVisible();
  await expect(ui.column('Page path')).toHaveValue('0');
  await expect(app.getByText('2 Valid rows')).toBeVisible();
  // The app kept the dropped bytes in its data folder; the page sent no path.
  const [folder] = await readdir(join(backend.dataDir, 'dropped'));
  expect(existsSync(join(backend.dataDir, 'dropped', folder!, '门店.csv'))).toBe(true);
});

test('a picture or an old .xls dropped onto the window is not opened', async ({ app, backend }) => {
  await dropFiles(app, [
    { name: 'logo.png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47]), type: 'image/png' },
    { name: 'old.xls', bytes: Buffer.from([0xd0, 0xcf]), type: 'application/vnd.ms-excel' },
  ]);
  await expect(app.getByRole('tab', { name: 'Make a code' })).toHaveAttribute('aria-selected', 'true');
  expect(existsSync(join(backend.dataDir, 'dropped'))).toBe(false);
});

test('the window reopens on the view it was left on', async ({ app }) => {
  const history = app.getByRole('tab', { name: 'History' });
  await history.click();
  await expect(history).toHaveAttribute('aria-selected', 'true');
  await app.reload();
  await expect(history).toHaveAttribute('aria-selected', 'true');
  await app.getByRole('tab', { name: 'Make a code' }).click();
  await app.reload();
  await expect(app.getByRole('tab', { name: 'Make a code' })).toHaveAttribute('aria-selected', 'true');
});

test('the main process shows a view when the menu or a batch notification asks', async ({ app, bridge }) => {
  bridge.send('app:show-view', { view: 'batch' });
  await expect(batchView(app).tab).toHaveAttribute('aria-selected', 'true');
  bridge.send('app:show-view', { view: 'history' });
  await expect(app.getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true');
});
