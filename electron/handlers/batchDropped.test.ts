// A spreadsheet dropped onto the window: the page sends its bytes and name, main keeps them in the
// data folder and reads them exactly as a sheet chosen in the open dialog.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DROPPED_SHEET_BYTES } from '../../shared/batch';
import { openTestApp, succeeded, type TestApp } from './testing';

let app: TestApp;
let dir: string;
beforeAll(async () => {
  app = await openTestApp();
  dir = await mkdtemp(join(tmpdir(), 'wxacode-dropped-'));
});
afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

const gbkStores = iconv.encode('场景值,名称\r\nid=1,一号店\r\nid=2,二号店\r\n', 'gbk');

describe('batch:openDropped', () => {
  it('reads a dropped GBK CSV as the open dialog would, under the name it had', async () => {
    const dropped = succeeded(
      await app.call('batch:openDropped', { name: '门店.csv', bytes: new Uint8Array(gbkStores) }),
    );
    const file = join(dir, '门店.csv');
    await writeFile(file, gbkStores);
    app.desktop.spreadsheet = file;
    const chosen = succeeded(await app.call('batch:open'))!;
    const { sheetId: _a, ...droppedView } = dropped;
    const { sheetId: _b, ...chosenView } = chosen;
    expect(droppedView).toEqual(chosenView);
    expect(droppedView).toMatchObject({
      fileName: '门店.csv',
      encoding: 'gb18030',
      rowCount: 2,
      kind: 'unlimited',
    });
    // Kept in the data folder, so a batch made from it can be continued after a crash.
    const [folder] = await readdir(join(app.dataDir, 'dropped'));
    expect(await readFile(join(app.dataDir, 'dropped', folder!, '门店.csv'))).toEqual(gbkStores);
  });

  it('keeps a name that tries to climb out of the data folder inside it', async () => {
    const sheet = succeeded(
      await app.call('batch:openDropped', {
        name: '../../../outside.csv',
        bytes: new Uint8Array(Buffer.from('path\npages/a/a\n')),
      }),
    );
    expect(sheet.fileName).toBe('outside.csv');
    expect(existsSync(join(app.dataDir, '..', 'outside.csv'))).toBe(false);
  });

  it('refuses an old .xls with the fix, and a file over 50 MB before writing anything', async () => {
    const xls = await app.call('batch:openDropped', {
      name: 'stores.xls',
      bytes: new Uint8Array([0xd0, 0xcf]),
    });
    expect(xls.ok || xls.error).toMatchObject({
      field: 'file',
      hint: { en: expect.stringContaining('Excel Workbook (.xlsx)'), zh: expect.stringContaining('.xlsx') },
    });
    const before = await readdir(join(app.dataDir, 'dropped'));
    const huge = await app.call('batch:openDropped', {
      name: 'huge.csv',
      bytes: new Uint8Array(MAX_DROPPED_SHEET_BYTES + 1),
    });
    expect(huge.ok || huge.error).toMatchObject({
      field: 'file',
      message: {
        en: 'huge.csv is larger than the 50 MB a dropped spreadsheet may be.',
        zh: 'huge.csv 超过了拖入表格的大小上限 50 MB。',
      },
    });
    expect(await readdir(join(app.dataDir, 'dropped'))).toEqual(before);
  });

  it('refuses a payload that is not a file’s bytes', async () => {
    const sent = await app.call('batch:openDropped', { name: 'a.csv', path: '/etc/passwd' });
    expect(sent.ok).toBe(false);
  });
});
