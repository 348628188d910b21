import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_CELL_CHARACTERS,
  MAX_COLUMNS,
  MAX_SHEET_FILE_BYTES as MAX_FILE_BYTES,
  MAX_ROWS,
} from '../../../shared/batch';
import { failureOf } from '../../testing/assertions';
import { giantCell, rowFlood, sheetBomb } from '../../testing/hostileSheets';
import { tempFolderFor } from '../../testing/tempFolder';
import { readSpreadsheet } from './spreadsheet';

let dir: string;
beforeEach(async (test) => {
  dir = await tempFolderFor(test, 'sheet');
});

describe('readSpreadsheet: CSV', () => {
  it('reads a GBK file with Chinese headers; row numbers are the ones Excel shows; blank rows are skipped', async () => {
    const file = join(dir, 'stores.csv');
    const text =
      '路径,文件名,宽度\r\npages/index/index?id=1, 上海店 ,300\r\n,,\r\npages/index/index?id=2,"北京,朝阳",\r\n';
    await writeFile(file, iconv.encode(text, 'gbk'));
    const sheet = await readSpreadsheet(file);
    expect(sheet).toMatchObject({ format: 'csv', encoding: 'gb18030', headers: ['路径', '文件名', '宽度'] });
    expect([...sheet.rows]).toEqual([
      { number: 2, cells: ['pages/index/index?id=1', '上海店', '300'] },
      { number: 4, cells: ['pages/index/index?id=2', '北京,朝阳', ''] },
    ]);
    expect(sheet.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads UTF-8 with a BOM, semicolons, a cell over two lines and mixed line endings', async () => {
    const file = join(dir, 'channels.csv');
    const text = 'scene;name\nshop=1;"two\nlines"\r\nshop=2;渠道\n';
    await writeFile(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const sheet = await readSpreadsheet(file);
    expect(sheet.encoding).toBe('utf-8-bom');
    expect(sheet.headers).toEqual(['scene', 'name']);
    expect([...sheet.rows]).toEqual([
      { number: 2, cells: ['shop=1', 'two\nlines'] },
      { number: 3, cells: ['shop=2', '渠道'] },
    ]);
  });

  it('reads Excel “Unicode text” (.txt: UTF-16LE with a BOM, tab-separated) and UTF-16 without a BOM', async () => {
    const text = '路径\t文件名\r\npages/index/index?id=1\t上海店\r\npages/index/index?id=2\t北京“朝阳”店\r\n';
    const variants: Array<[string, Buffer, string]> = [
      ['unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]), 'utf-16le'],
      ['le.csv', iconv.encode(text, 'utf-16le'), 'utf-16le'],
      ['be.tsv', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]), 'utf-16be'],
      ['be.txt', iconv.encode(text, 'utf-16be'), 'utf-16be'],
    ];
    for (const [name, bytes, encoding] of variants) {
      const file = join(dir, name);
      await writeFile(file, bytes);
      const sheet = await readSpreadsheet(file);
      expect(sheet).toMatchObject({ format: 'csv', encoding, headers: ['路径', '文件名'] });
      expect([...sheet.rows]).toEqual([
        { number: 2, cells: ['pages/index/index?id=1', '上海店'] },
        { number: 3, cells: ['pages/index/index?id=2', '北京“朝阳”店'] },
      ]);
    }
  });

  it('says “no rows” for a sheet with a header and nothing under it', async () => {
    const file = join(dir, 'header-only.csv');
    await writeFile(file, '路径,文件名\r\n,\r\n');
    const failure = await failureOf(readSpreadsheet(file));
    expect(failure.error).toMatchObject({ code: 'field', field: 'file' });
    expect(failure.error.message.en).toBe('header-only.csv has a header row but no rows under it.');
    expect(failure.error.hint.zh).toContain('每行填写一个码');
  });

  it('bounds rows, columns and cell length, naming the cell and the fix', async () => {
    const rows = join(dir, 'rows.csv');
    await writeFile(rows, `path\n${'pages/index/index\n'.repeat(MAX_ROWS + 1)}`);
    const tooMany = await failureOf(readSpreadsheet(rows));
    expect(tooMany.error.message.en).toBe(
      'rows.csv has more than 1,000,000 rows; a batch takes at most 1,000,000.',
    );
    expect(tooMany.error.hint.en).toContain('Split it into files of at most 1,000,000 rows');
    await writeFile(rows, `path\n${'pages/index/index\n'.repeat(MAX_ROWS)}`);
    expect((await readSpreadsheet(rows)).rows).toHaveLength(MAX_ROWS);

    const wide = join(dir, 'wide.csv');
    await writeFile(wide, `path${',x'.repeat(MAX_COLUMNS)}\npages/index/index\n`);
    expect((await failureOf(readSpreadsheet(wide))).error.message.en).toBe(
      'Row 1 of wide.csv has a cell beyond column DX; a batch reads at most 128 columns.',
    );

    const long = join(dir, 'long.csv');
    await writeFile(
      long,
      `path,name\npages/index/index,ok\npages/index/index,${'长'.repeat(MAX_CELL_CHARACTERS + 1)}\n`,
    );
    const cell = await failureOf(readSpreadsheet(long));
    expect(cell.error).toMatchObject({ code: 'field', field: 'file' });
    expect(cell.error.message.en).toBe(
      'Cell B3 of long.csv holds more than 4,096 characters; no field of a code is longer than 1,024.',
    );
    expect(cell.error.hint.zh).toContain('B3');
  });

  it('refuses a file over 32 MB by its size, before reading it', async () => {
    const file = join(dir, 'huge.csv');
    await writeFile(file, Buffer.alloc(33 * 1024 * 1024, 0x61));
    const failure = await failureOf(readSpreadsheet(file));
    expect(failure.error).toMatchObject({ code: 'field', field: 'file' });
    expect(failure.error.message.en).toBe('huge.csv is 33 MB; a batch reads files up to 32 MB.');
  });

  // A FIFO's size is 0 whatever comes through it, as is a file's that is still being written.
  it.skipIf(process.platform !== 'linux')(
    'stops reading a FIFO that brings more than 32 MB, with the same error',
    async () => {
      const fifo = join(dir, 'pipe.csv');
      execFileSync('mkfifo', [fifo]);
      const bytes = MAX_FILE_BYTES + 4 * 1024 * 1024;
      const writer = spawn('sh', [
        '-c',
        'yes "pages/index/index,shop" | head -c "$1" > "$2"',
        'sh',
        `${bytes}`,
        fifo,
      ]);
      const exited = once(writer, 'close');
      const failure = await failureOf(readSpreadsheet(fifo));
      await exited;
      expect(failure.error).toMatchObject({ code: 'field', field: 'file' });
      expect(failure.error.message.en).toBe('pipe.csv is 33 MB; a batch reads files up to 32 MB.');
    },
  );

  it('refuses .xls and empty files with the fix', async () => {
    const xls = join(dir, 'old.xls');
    await writeFile(xls, 'x');
    const old = await failureOf(readSpreadsheet(xls));
    expect(old.error).toMatchObject({ code: 'field', field: 'file' });
    expect(old.error.hint.en).toContain('.xlsx');
    const empty = join(dir, 'empty.csv');
    await writeFile(empty, '\n\n');
    expect((await failureOf(readSpreadsheet(empty))).error.message.en).toContain('has no rows');
    expect((await failureOf(readSpreadsheet(join(dir, 'missing.csv')))).error.message.en).toContain(
      'Could not read',
    );
  });
});

describe('readSpreadsheet: xlsx', () => {
  it('reads the first worksheet as text: numbers, formulas, rich text; blank rows skipped', async () => {
    const file = join(dir, 'stores.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('门店');
    sheet.addRow(['场景值', '名称', '颜色']);
    sheet.addRow([1024, '上海店', '#ff0000']);
    sheet.addRow([]);
    sheet.addRow([
      { formula: '"id="&"7"', result: 'id=7' },
      { richText: [{ text: 'Bei' }, { text: 'jing' }] },
      null,
    ]);
    workbook.addWorksheet('other').addRow(['not read']);
    await workbook.xlsx.writeFile(file);
    const read = await readSpreadsheet(file);
    expect(read).toMatchObject({ format: 'xlsx', headers: ['场景值', '名称', '颜色'] });
    expect([...read.rows]).toEqual([
      { number: 2, cells: ['1024', '上海店', '#ff0000'] },
      { number: 4, cells: ['id=7', 'Beijing'] },
    ]);
  });

  it('reads booleans and rich text trimmed as a whole', async () => {
    const file = join(dir, 'flags.xlsx');
    const workbook = new ExcelJS.Workbook();
    const first = workbook.addWorksheet('门店');
    first.addRow(['path', 'transparent', 'name']);
    first.addRow(['pages/a', true, { richText: [{ text: '  上海' }, { text: '店 ' }] }]);
    await workbook.xlsx.writeFile(file);
    const read = await readSpreadsheet(file);
    expect(read.headers).toEqual(['path', 'transparent', 'name']);
    expect([...read.rows]).toEqual([{ number: 2, cells: ['pages/a', 'true', '上海店'] }]);
  });

  it('stops a 3.7 MB workbook that unpacks to a gigabyte, whether its size is declared or hidden', async () => {
    for (const [name, bytes] of [
      ['bomb.xlsx', sheetBomb()],
      ['declared.xlsx', sheetBomb({ honest: true })],
    ] as const) {
      expect(bytes.length).toBeLessThan(4 * 1024 * 1024);
      const file = join(dir, name);
      await writeFile(file, bytes);
      const failure = await failureOf(readSpreadsheet(file));
      expect(failure.error).toMatchObject({ code: 'field', field: 'file' });
      expect(failure.error.message.en).toBe(
        `${name}: the first worksheet takes more than 48 MB once unpacked (a .xlsx is compressed); a batch reads at most that much of a workbook.`,
      );
      expect(failure.error.hint.en).toContain('CSV UTF-8');
    }
  });

  it('stops a 0.7 MB workbook whose one cell unpacks to 734 MB, and names a long cell that fits', async () => {
    const giant = join(dir, 'giant.xlsx');
    const bytes = giantCell();
    expect(bytes.length).toBeLessThan(1024 * 1024);
    await writeFile(giant, bytes);
    expect((await failureOf(readSpreadsheet(giant))).error.message.en).toBe(
      'giant.xlsx: the text the sheets share takes more than 32 MB once unpacked (a .xlsx is compressed); a batch reads at most that much of a workbook.',
    );
    const long = join(dir, 'long.xlsx');
    await writeFile(long, giantCell(2));
    expect((await failureOf(readSpreadsheet(long))).error.message.en).toBe(
      'Cell B2 of long.xlsx holds more than 4,096 characters; no field of a code is longer than 1,024.',
    );
  });

  it('stops a small workbook of millions of real rows at the row limit', async () => {
    const file = join(dir, 'flood.xlsx');
    await writeFile(file, rowFlood());
    expect((await failureOf(readSpreadsheet(file))).error.message.en).toBe(
      'flood.xlsx has more than 100,000 rows; a batch takes at most 100,000.',
    );
  });

  it('says so when a .xlsx file is not a workbook', async () => {
    const file = join(dir, 'fake.xlsx');
    await writeFile(file, 'path\npages/index/index\n');
    const failure = await failureOf(readSpreadsheet(file));
    expect(failure.error).toMatchObject({ code: 'field', field: 'file' });
    expect(failure.error.message.en).toContain('Could not read');
  });
});
