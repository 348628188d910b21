import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CodeRequest } from '../../../shared/codeRequest';
import { DEFAULT_STYLE } from '../../../shared/codeRequest';
import { MAX_FILE_NAME_BYTES } from '../../../shared/fileName';
import { Failure } from '../../../shared/result';
import { tempFolderFor } from '../../testing/tempFolder';
import { writeFileAtomic } from '../storage/atomicFile';
import { checkNameTemplate, defaultNameTemplate, fileNames } from './naming';
import type { PlannedRow } from './plan';

const limited = (row: number, path: string, name = ''): PlannedRow => ({
  row,
  name,
  key: String(row),
  cells: [],
  request: { kind: 'limited', path, envVersion: 'release', ...DEFAULT_STYLE } satisfies CodeRequest,
});
const unlimited = (row: number, scene: string, page: string): PlannedRow => ({
  row,
  name: '',
  key: String(row),
  cells: [],
  request: { kind: 'unlimited', scene, page, checkPath: true, envVersion: 'release', ...DEFAULT_STYLE },
});

const withCells = (row: PlannedRow, cells: string[]): PlannedRow => ({ ...row, cells });

describe('fileNames', () => {
  it('fills the placeholders with values made safe for any file system', () => {
    const rows = [limited(2, 'pages/shop/index?id=7', '上海/浦东店'), limited(3, 'pages/a?x=1', 'a:b*c')];
    expect(fileNames(rows, '{row}-{name}.png', [])).toEqual(['2-上海_浦东店.png', '3-a_b_c.png']);
    expect(fileNames(rows, '{page}_{path}', [])).toEqual([
      'pages_shop_index_pages_shop_index_id=7.png',
      'pages_a_pages_a_x=1.png',
    ]);
    expect(fileNames([unlimited(5, 'id=42', '')], 'code-{scene}-{page}.png', [])).toEqual(['code-id=42.png']);
  });

  it('gives clashing names -2, -3 … in row order, ignoring case', () => {
    const rows = [
      limited(2, 'a', 'Shop'),
      limited(3, 'b', 'shop'),
      limited(4, 'c', 'SHOP'),
      limited(5, 'd', 'shop-2'),
    ];
    expect(fileNames(rows, '{name}.png', [])).toEqual([
      'Shop.png',
      'shop-2.png',
      'SHOP-3.png',
      'shop-2-2.png',
    ]);
  });

  it('drops separators an empty value leaves, and falls back to the row number', () => {
    const rows = [limited(7, 'a'), limited(8, 'b', 'con')];
    expect(fileNames(rows, '{row}-{name}.png', [])).toEqual(['7.png', '8-con.png']);
    expect(fileNames(rows, '{name}.png', [])).toEqual(['row-7.png', '_con.png']);
  });

  it('keeps every name within 255 bytes with its temp name, long Chinese names and clashes included, and writes them', async (test) => {
    const long = '上海浦东新区陆家嘴环路一千号国金中心商场'.repeat(10);
    const rows = [limited(2, 'a', long), limited(3, 'b', long), limited(4, 'c', 'x'.repeat(400))];
    const names = fileNames(rows, '{row}-{name}-{path}.png', []);
    for (const name of names) expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(names[0]).toMatch(/^2-上海浦东/);
    const clash = fileNames(rows.slice(0, 2), '{name}.png', []);
    expect(clash[1]).toMatch(/-2\.png$/);
    expect(Buffer.byteLength(clash[1]!)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    const dir = await tempFolderFor(test, 'names');
    for (const name of [...names, ...clash]) await writeFileAtomic(join(dir, name), 'png');
    expect((await readdir(dir)).sort()).toEqual([...names, ...clash].sort());
  });

  it('allows the bytes a name and its temp name fit in, whatever the pid; the temp name is what overflows', async (test) => {
    const dir = await tempFolderFor(test, 'names');
    const longest = `${'a'.repeat(MAX_FILE_NAME_BYTES - 4)}.png`;
    await writeFileAtomic(join(dir, longest), 'png');
    expect(await readdir(dir)).toEqual([longest]);
    // A name whose temp name (19 bytes and this process's pid longer) is 256 bytes: refused.
    const tooLong = 255 - 19 - String(process.pid).length + 1;
    await expect(writeFileAtomic(join(dir, `${'b'.repeat(tooLong - 4)}.png`), 'png')).rejects.toThrow(
      /name too long/,
    );
  });

  it('cuts a long name between characters as shown: never half an emoji or a joined sequence', () => {
    const family = '👨\u200d👩\u200d👧';
    for (const name of ['😀'.repeat(200), family.repeat(40), `a${'𠀀'.repeat(100)}`]) {
      const [file] = fileNames([limited(2, 'a', name)], '{name}.png', []);
      expect(file).not.toMatch(/[\ud800-\udfff](?<![\ud800-\udbff][\udc00-\udfff])(?![\udc00-\udfff])/);
      expect(Buffer.from(file!, 'utf8').toString('utf8')).toBe(file);
      const stem = file!.replace(/\.png$/, '');
      expect(name.startsWith(stem)).toBe(true);
      if (name.startsWith(family)) expect(stem.length % family.length).toBe(0);
    }
    expect(fileNames([limited(2, 'a', 'ab\ud800cd')], '{name}.png', [])).toEqual(['ab_cd.png']);
  });

  it('repairs device names Windows keeps, with any extension, and trailing dots and spaces', () => {
    const rows = [
      limited(2, 'a', 'CON.txt'),
      limited(3, 'b', 'lpt1 .zip'),
      limited(4, 'c', 'nul'),
      limited(5, 'd', 'shop. . '),
      limited(6, 'e', 'console'),
      limited(7, 'f', 'a\u202egnp.exe'),
    ];
    expect(fileNames(rows, '{name}.png', [])).toEqual([
      '_CON.txt.png',
      '_lpt1 .zip.png',
      '_nul.png',
      'shop.png',
      'console.png',
      'a_gnp.exe.png',
    ]);
  });

  it.each([
    ['CON.png', 'starts with CON, a name Windows keeps for a device'],
    ['con.{row}.png', 'starts with con, a name Windows keeps'],
    ['NUL', 'starts with NUL'],
    ['codes\\{row}.png', "contains '\\', which a file name cannot hold"],
    ['../{row}.png', 'has a folder “..”'],
    ['codes/../../{row}.png', 'has a folder “..”'],
    ['./{row}.png', 'has a folder “.”'],
    ['/etc/{row}.png', 'an empty folder or file name'],
    ['codes//{row}.png', 'an empty folder or file name'],
    ['{row}/.png', 'an empty folder or file name'],
    ['CON/{row}.png', 'A folder in the file name template starts with CON'],
    [`${'码'.repeat(80)}/{row}.png`, 'own text is 240 bytes'],
    ['{row}:{name}.png', "contains ':'"],
    ['{row}\u0007.png', 'contains U+0007'],
    ['{row}\u202e.png', 'contains U+202E'],
    [`${'码'.repeat(80)}{row}.png`, 'own text is 240 bytes; a file name may have at most 215 before .png'],
  ])('refuses the template %j, which no row could make a valid name from', (template, said) => {
    let caught: unknown;
    try {
      checkNameTemplate(template, []);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Failure);
    expect((caught as Failure).error).toMatchObject({ code: 'field', field: 'nameTemplate' });
    expect((caught as Failure).error.message.en).toContain(said);
  });

  it('accepts a device name that is only part of the name', () => {
    expect(() => checkNameTemplate('CON-{row}.png', [])).not.toThrow();
    expect(fileNames([limited(2, 'a')], 'CON-{row}.png', [])).toEqual(['CON-2.png']);
  });

  it('names files after any column of the sheet, its headers in Chinese', () => {
    const headers = ['门店编号', '门店名称', '城市', 'scene'];
    const rows = [
      withCells(limited(2, 'a', ''), ['S001', '南京西路店', '上海', 'id=1']),
      withCells(limited(3, 'b', ''), ['S002', '五道口店', '北京', 'id=2']),
    ];
    expect(fileNames(rows, '{门店名称}.png', headers)).toEqual(['南京西路店.png', '五道口店.png']);
    expect(fileNames(rows, '{城市}-{门店编号}.png', headers)).toEqual(['上海-S001.png', '北京-S002.png']);
    // Neither case nor the spaces around a header matter.
    expect(fileNames(rows, '{ SCENE }-{row}.png', headers)).toEqual(['id=1-2.png', 'id=2-3.png']);
  });

  it('makes subfolders from /, each folder made safe, a value never making one', () => {
    const headers = ['城市', '门店名称', '区'];
    const rows = [
      withCells(limited(2, 'a'), ['上海', '南京西路店', '静安/黄浦']),
      withCells(limited(3, 'b'), ['上海', '南京西路店', '静安']),
      withCells(limited(4, 'c'), ['..', 'a:b', 'CON']),
      withCells(limited(5, 'd'), ['', '无城市店', '']),
      withCells(limited(6, 'e'), ['shop.png', 'x', '']),
    ];
    expect(fileNames(rows, '{城市}/{门店名称}.png', headers)).toEqual([
      '上海/南京西路店.png',
      '上海/南京西路店-2.png',
      'code/a_b.png',
      '无城市店.png',
      'shop_png/x.png',
    ]);
    expect(fileNames(rows, 'codes/{城市}/{区}/{row}.png', headers)).toEqual([
      'codes/上海/静安_黄浦/2.png',
      'codes/上海/静安/3.png',
      'codes/code/_CON/4.png',
      'codes/5.png',
      'codes/shop_png/6.png',
    ]);
  });

  it('spells folders that differ only in case as the first row did, and finds clashes across them', () => {
    const rows = [
      withCells(limited(2, 'a'), ['Shanghai', 'A']),
      withCells(limited(3, 'b'), ['SHANGHAI', 'a']),
    ];
    expect(fileNames(rows, '{city}/{store}.png', ['city', 'store'])).toEqual([
      'Shanghai/A.png',
      'Shanghai/a-2.png',
    ]);
    const nested = [...rows, withCells(limited(4, 'c'), ['shanghai', 'b'])];
    expect(fileNames(nested, '{city}/{store}/{row}.png', ['city', 'store'])).toEqual([
      'Shanghai/A/2.png',
      'Shanghai/A/3.png',
      'Shanghai/b/4.png',
    ]);
  });

  it('keeps every folder and file name within the bytes one name may have', () => {
    const long = '上海浦东新区陆家嘴环路一千号国金中心商场'.repeat(10);
    const rows = [withCells(limited(2, 'a', long), [long, long])];
    const [name] = fileNames(rows, '{a}-{b}/{b}-{a}/{name}-{a}.png', ['a', 'b']);
    const parts = name!.split('/');
    expect(parts).toHaveLength(3);
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
  });

  it('refuses a placeholder that is no column, listing the sheet’s columns in both languages', () => {
    let caught: unknown;
    try {
      checkNameTemplate('{城市}/{店铺}.png', ['门店编号', '门店名称', '城市']);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Failure);
    const { message, hint } = (caught as Failure).error;
    expect(message.en).toContain('unknown placeholder {店铺}');
    expect(message.zh).toContain('未知的占位符 {店铺}');
    expect(hint.en).toContain(
      "the sheet's columns {门店编号} {门店名称} {城市} or {row} {name} {page} {scene} {path}",
    );
    expect(hint.zh).toContain('表格的列 {门店编号} {门店名称} {城市}');
  });

  it('refuses an unknown placeholder with the list of known ones', () => {
    let caught: unknown;
    try {
      fileNames([limited(2, 'a')], '{store}.png', []);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Failure);
    expect((caught as Failure).error.message.en).toContain('{store}');
    expect((caught as Failure).error.hint.en).toContain('{row} {name} {page} {scene} {path}');
  });

  it('defaults to {row}-{name}.png with a name column, else {row}.png', () => {
    expect(defaultNameTemplate({ path: 0, name: 1 })).toBe('{row}-{name}.png');
    expect(defaultNameTemplate({ scene: 0 })).toBe('{row}.png');
  });
});
