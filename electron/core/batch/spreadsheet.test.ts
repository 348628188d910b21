import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failureOf } from '../testing';
import { readSpreadsheet } from './spreadsheet';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wxacode-sheet-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readSpreadsheet: CSV', () => {
  it('reads a GBK file with Chinese headers; row numbers are the ones Excel shows; blank rows are skipped', async () => {
    const file = join(dir, 'stores.csv');
    const text =
      '路径,文件名,宽度\r\npages/index/index?id=1, 上海店 ,300\r\n,,\r\npages/index/index?id=2,"北京,朝阳",\r\n';
    await writeFile(file, iconv.encode(text, 'gbk'));
    const sheet = await readSpreadsheet(file);
    expect(sheet).toMatchObject({ format: 'csv', encoding: 'gb18030', headers: ['路径', '文件名', '宽度'] });
    expect(sheet.rows).toEqual([
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
    expect(sheet.rows).toEqual([
      { number: 2, cells: ['shop=1', 'two\nlines'] },
      { number: 3, cells: ['shop=2', '渠道'] },
    ]);
  });

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
    expect(read.rows).toEqual([
      { number: 2, cells: ['1024', '上海店', '#ff0000'] },
      { number: 4, cells: ['id=7', 'Beijing'] },
    ]);
  });

  it('says so when a .xlsx file is not a workbook', async () => {
    const file = join(dir, 'fake.xlsx');
    await writeFile(file, 'path\npages/index/index\n');
    const failure = await failureOf(readSpreadsheet(file));
    expect(failure.error).toMatchObject({ code: 'field', field: 'file' });
    expect(failure.error.message.en).toContain('Could not read');
  });
});
