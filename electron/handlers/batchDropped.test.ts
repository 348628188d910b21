// A spreadsheet dropped onto the window: the page sends its bytes and name, main keeps them in the
// data folder and reads them exactly as a sheet chosen in the open dialog.
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SHEET_FILE_BYTES } from '../../shared/batch';
import { SANDBOX_ACCOUNT } from '../app/services';
import { batchFolder, Journal } from '../core/batch/journal';
import { type TempFolder, tempFolder } from '../testing/tempFolder';
import { chooseFolder, openTestApp, succeeded, type TestApp } from '../testing/testApp';

let app: TestApp;
let folder: TempFolder;
let dir: string;
beforeAll(async () => {
  app = await openTestApp();
  folder = await tempFolder('dropped');
  dir = folder.path;
});
afterAll(async () => {
  await app.close();
  await folder.remove();
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

  it('refuses an old .xls with the fix, and a file over 32 MB before writing anything', async () => {
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
      bytes: new Uint8Array(MAX_SHEET_FILE_BYTES + 1),
    });
    expect(huge.ok || huge.error).toMatchObject({
      field: 'file',
      message: {
        en: 'huge.csv is larger than the 32 MB a batch reads.',
        zh: 'huge.csv 超过了批量生成读取的大小上限 32 MB。',
      },
    });
    expect(await readdir(join(app.dataDir, 'dropped'))).toEqual(before);
  });

  it('keeps nothing of a drop it cannot read: not a sheet, not a workbook, or too large', async () => {
    const fresh = await openTestApp();
    try {
      const refused = [
        { name: 'notes.doc', bytes: new Uint8Array(1024).fill(1) },
        // Under the limit but not a ZIP: refused as unreadable, after reading, before keeping.
        { name: 'stores.xlsx', bytes: new Uint8Array(20 * 2 ** 20).fill(2) },
        { name: 'big.csv', bytes: new Uint8Array(MAX_SHEET_FILE_BYTES + 1).fill(3) },
      ];
      for (const drop of refused) {
        const result = await fresh.call('batch:openDropped', drop);
        expect(result.ok || result.error).toMatchObject({ code: 'field', field: 'file' });
      }
      expect(existsSync(join(fresh.dataDir, 'dropped'))).toBe(false);
    } finally {
      await fresh.close();
    }
  });

  it('keeps a sheet named like a Windows device under a name Windows accepts, its extension whole', async () => {
    const bytes = new Uint8Array(Buffer.from('path\npages/a/a\n'));
    expect(succeeded(await app.call('batch:openDropped', { name: 'CON.csv', bytes })).fileName).toBe(
      '_CON.csv',
    );
    expect(succeeded(await app.call('batch:openDropped', { name: 'nul.txt', bytes })).fileName).toBe(
      '_nul.txt',
    );
    // 60 Chinese characters are 180 bytes: the name is cut, the .csv that says how to read it is not.
    const long = `${'门'.repeat(60)}.csv`;
    const kept = succeeded(await app.call('batch:openDropped', { name: long, bytes })).fileName;
    expect(kept).toBe(`${'门'.repeat(40)}.csv`);
  });

  it('forgets at start the dropped sheets no unfinished batch reads, and keeps the ones that do', async () => {
    const first = await openTestApp();
    const drop = (name: string, text: string) =>
      first.call('batch:openDropped', { name, bytes: new Uint8Array(Buffer.from(text)) });
    succeeded(await drop('continued.csv', 'path\npages/a/a\n'));
    succeeded(await drop('abandoned.csv', 'path\npages/b/b\n'));
    const kept = async () => {
      const root = join(first.dataDir, 'dropped');
      const folders = existsSync(root) ? await readdir(root) : [];
      return (await Promise.all(folders.map((f) => readdir(join(root, f))))).flat().sort();
    };
    expect(await kept()).toEqual(['abandoned.csv', 'continued.csv']);
    // A batch from continued.csv stopped before its end (as a crash or Cancel leaves it).
    const [folder] = (await readdir(join(first.dataDir, 'dropped'))).filter((f) =>
      existsSync(join(first.dataDir, 'dropped', f, 'continued.csv')),
    );
    const input = join(first.dataDir, 'dropped', folder!, 'continued.csv');
    const journal = await Journal.open(
      batchFolder(first.dataDir, 'stopped'),
      { id: 'stopped', input, outDir: dir, startedAt: new Date().toISOString(), rows: 1, settings: {} },
      false,
    );
    await journal.close();

    const restarted = await openTestApp({ dataDir: first.dataDir });
    try {
      expect(await kept()).toEqual(['continued.csv']);
      expect(succeeded(await restarted.call('batch:unfinished'))).toMatchObject([
        { fileName: 'continued.csv' },
      ]);
      // Once no batch needs it either, the next start forgets it too.
      await rm(batchFolder(first.dataDir, 'stopped'), { recursive: true });
      await openTestApp({ dataDir: first.dataDir }).then((again) => again.sandbox.close());
      expect(await kept()).toEqual([]);
    } finally {
      await restarted.close();
      await first.close();
    }
  });

  it('asks before spending on a dropped sheet, naming the file, the code type, the rows and the folder', async () => {
    // A compromised page can fabricate a drop and start it: the user must see what they would pay for.
    const dropped = succeeded(
      await app.call('batch:openDropped', {
        name: 'fabricated.csv',
        bytes: new Uint8Array(Buffer.from('path\npages/q/a\npages/q/b\n')),
      }),
    );
    const planned = succeeded(
      await app.call('batch:plan', {
        sheetId: dropped.sheetId,
        accountId: SANDBOX_ACCOUNT.id,
        kind: 'qrcode',
        mapping: dropped.mapping,
        style: { width: 280, envVersion: 'release' },
      }),
    );
    const out = join(dir, 'fabricated');
    const before = app.sandbox.stats().createwxaqrcode;
    app.desktop.answer = 'cancel';
    const refused = await app.call('batch:start', {
      planId: planned.planId,
      folderGrant: await chooseFolder(app, out),
      nameTemplate: planned.nameTemplate,
      zip: false,
      concurrency: 1,
      ratePerMinute: 0,
    });
    expect(refused.ok || refused.error).toMatchObject({ code: 'cancelled' });
    expect(app.desktop.asked.at(-1)).toMatchObject({
      message:
        'This batch makes 2 new square QR codes from “fabricated.csv” (2 rows), spending 2 of the 100,000 lifetime quota.',
      detail: expect.stringMatching(
        `^Saved to: ${out}\n[^]*If you did not start this batch, choose Cancel\\.$`,
      ),
    });
    expect(app.sandbox.stats().createwxaqrcode).toBe(before);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a payload that is not a file’s bytes', async () => {
    const sent = await app.call('batch:openDropped', { name: 'a.csv', path: '/etc/passwd' });
    expect(sent.ok).toBe(false);
  });
});
