import { describe, expect, it } from 'vitest';
import type { CodeRequest } from '../../../shared/codeRequest';
import { DEFAULT_STYLE } from '../../../shared/codeRequest';
import { Failure } from '../../../shared/result';
import { defaultNameTemplate, fileNames } from './naming';
import type { PlannedRow } from './plan';

const limited = (row: number, path: string, name = ''): PlannedRow => ({
  row,
  name,
  key: String(row),
  request: { kind: 'limited', path, envVersion: 'release', ...DEFAULT_STYLE } satisfies CodeRequest,
});
const unlimited = (row: number, scene: string, page: string): PlannedRow => ({
  row,
  name: '',
  key: String(row),
  request: { kind: 'unlimited', scene, page, checkPath: true, envVersion: 'release', ...DEFAULT_STYLE },
});

describe('fileNames', () => {
  it('fills the placeholders with values made safe for any file system', () => {
    const rows = [limited(2, 'pages/shop/index?id=7', '上海/浦东店'), limited(3, 'pages/a?x=1', 'a:b*c')];
    expect(fileNames(rows, '{row}-{name}.png')).toEqual(['2-上海_浦东店.png', '3-a_b_c.png']);
    expect(fileNames(rows, '{page}_{path}')).toEqual([
      'pages_shop_index_pages_shop_index_id=7.png',
      'pages_a_pages_a_x=1.png',
    ]);
    expect(fileNames([unlimited(5, 'id=42', '')], 'code-{scene}-{page}.png')).toEqual(['code-id=42.png']);
  });

  it('gives clashing names -2, -3 … in row order, ignoring case', () => {
    const rows = [
      limited(2, 'a', 'Shop'),
      limited(3, 'b', 'shop'),
      limited(4, 'c', 'SHOP'),
      limited(5, 'd', 'shop-2'),
    ];
    expect(fileNames(rows, '{name}.png')).toEqual(['Shop.png', 'shop-2.png', 'SHOP-3.png', 'shop-2-2.png']);
  });

  it('drops separators an empty value leaves, and falls back to the row number', () => {
    const rows = [limited(7, 'a'), limited(8, 'b', 'con')];
    expect(fileNames(rows, '{row}-{name}.png')).toEqual(['7.png', '8-con.png']);
    expect(fileNames(rows, '{name}.png')).toEqual(['row-7.png', '_con.png']);
  });

  it('refuses an unknown placeholder with the list of known ones', () => {
    let caught: unknown;
    try {
      fileNames([limited(2, 'a')], '{store}.png');
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
