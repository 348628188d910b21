import { join } from 'node:path';
import { tempFolder } from '../electron/testing/tempFolder';
import { expect, test } from './fixtures';
import { batchView, writeGbkCsv } from './harness/batch';
import { shoot } from './harness/screenshots';
import { studio } from './harness/studio';

test.use({ sandboxOptions: { numUsed: 1233 } });

test('screenshots of Batch', async ({ app, backend }) => {
  const input = await tempFolder('batch-shots');
  const inputDir = input.path;
  try {
    // One code made by hand first, so WeChat has reported Num-Used and the quota guard can say what is left.
    const ui = studio(app);
    await ui.path.fill('pages/index/index');
    await ui.generate();
    await expect(app.getByText('Num-Used 1,234 / 100,000')).toBeVisible();

    const sheet = join(inputDir, '春季门店海报.csv');
    await writeGbkCsv(sheet, [
      ['页面路径', '门店名称', '宽度'],
      ['pages/shop/index?id=101', '南京西路店', ''],
      ['pages/shop/index?id=102', '淮海中路店', ''],
      ['pages/shop/index?id=103', '陆家嘴店', '640'],
      ['pages/shop/index?id=104&scancode_time=1', '徐家汇店', ''],
      ['pages/shop/index?id=105', '五角场店', '2000'],
      ['pages/shop/index?id=101', '南京西路店（二楼）', ''],
      ['pages/shop/index?id=106', '静安寺店', ''],
      ['pages/shop/index?id=107', '中山公园店', ''],
    ]);
    const batch = batchView(app);
    await batch.tab.click();
    backend.desktop.spreadsheet = sheet;
    await batch.importButton.click();
    await expect(app.getByText('GBK (GB18030)')).toBeVisible();
    await batch.column('File name').selectOption('门店名称');
    await batch.column('Width').selectOption('宽度');
    await expect(app.getByText('2 Bad rows')).toBeVisible();
    await expect(batch.badRows.getByRole('row')).toHaveCount(3);
    await batch.chooseFolder.click();
    await expect(
      app.getByText(
        'This batch will spend 5 new codes of the 100,000 lifetime quota; about 98,766 remain (Num-Used 1,234).',
      ),
    ).toBeVisible();
    // The folder button scrolled the setup down; the picture starts at the spreadsheet.
    await batch.importButton.scrollIntoViewIfNeeded();
    await shoot(app, 'batch-check');

    // The batch's own settings: WeChat's defaults, changed here for this batch only.
    await batch.settings.getByRole('radio', { name: 'Trial' }).check();
    await batch.settings.getByRole('textbox', { name: 'Line color (hex)' }).fill('#1a4d8f');
    await batch.settings.scrollIntoViewIfNeeded();
    await shoot(app, 'batch-settings');

    await app.getByRole('combobox', { name: 'Language' }).selectOption('zh');
    await expect(app.getByText('GBK (GB18030)')).toBeVisible();
    await expect(app.getByRole('button', { name: '先生成第一个码检查' })).toBeEnabled();
    await shoot(app, 'batch-chinese');
    await app.getByRole('combobox', { name: '语言' }).selectOption('en');

    // The first row made and shown before Start.
    await batch.checkFirstRow();
    await batch.firstRow.scrollIntoViewIfNeeded();
    await shoot(app, 'batch-first-row');

    // One row refused by WeChat, so the finished batch shows a problem row with its fix.
    await fetch(`${backend.sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ faults: [{ endpoint: 'getwxacode', kind: 'errcode', errcode: 40097 }] }),
    });
    await batch.zip.check();
    await batch.start.click();
    await expect(batch.summary).toContainText('Finished with problems:');
    await expect(
      batch.problemRows.getByRole('row', { name: /failed WeChat error 40097/ }).first(),
    ).toBeVisible();
    await shoot(app, 'batch-done');
  } finally {
    await input.remove();
  }
});
