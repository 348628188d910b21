import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CodeRequest } from '../../../shared/codeRequest';
import type { Failure } from '../../../shared/result';
import { tempFolderFor } from '../../testing/tempFolder';
import { Library } from '../storage/library';
import { guessMapping } from './mapping';
import { lastNumUsed, planBatch } from './plan';
import type { Sheet } from './spreadsheet';

const OWNER = 'wx0123456789abcdef';
let dir: string;
let library: Library;
beforeEach(async (test) => {
  dir = await tempFolderFor(test, 'plan');
  library = await Library.open(join(dir, 'library'));
});

function sheetOf(headers: string[], ...rows: string[][]): Sheet {
  return {
    file: 'stores.csv',
    format: 'csv',
    encoding: 'utf-8',
    headers,
    rows: rows.map((cells, i) => ({ number: i + 2, cells })),
    contentHash: 'hash',
  };
}

async function store(request: CodeRequest, numUsed?: number) {
  await library.add({
    accountId: 'a',
    appId: OWNER,
    request,
    png: Buffer.from(`png of ${JSON.stringify(request)}`),
    width: 430,
    height: 430,
    numUsed,
  });
}

describe('planBatch', () => {
  it('applies the form styling where a cell is blank, and a row’s own width and colour where given', () => {
    const sheet = sheetOf(
      ['路径', '名称', '宽度', '颜色'],
      ['pages/index/index?id=1', '上海', '', ''],
      ['pages/index/index?id=2', '', '600', '#00ff00'],
    );
    const plan = planBatch({
      sheet,
      mapping: guessMapping(sheet.headers),
      kind: 'limited',
      style: { width: '500', autoColor: true, envVersion: 'trial' },
      owner: OWNER,
      library,
    });
    expect([...plan.invalid]).toEqual([]);
    expect([...plan.rows].map((r) => [r.row, r.name, r.request])).toEqual([
      [
        2,
        '上海',
        {
          kind: 'limited',
          path: 'pages/index/index?id=1',
          envVersion: 'trial',
          width: 500,
          autoColor: true,
          lineColor: { r: 0, g: 0, b: 0 },
          transparent: false,
        },
      ],
      [
        3,
        '',
        {
          kind: 'limited',
          path: 'pages/index/index?id=2',
          envVersion: 'trial',
          width: 600,
          autoColor: false,
          lineColor: { r: 0, g: 255, b: 0 },
          transparent: false,
        },
      ],
    ]);
  });

  it('lists each bad row with the column, the problem and the fix, and keeps the good rows', () => {
    const sheet = sheetOf(
      ['场景值', '页面', '宽度'],
      ['id=1', 'pages/index/index', ''],
      ['', 'pages/index/index', '100'],
      ['门店1', '/pages/shop/index', ''],
    );
    const plan = planBatch({
      sheet,
      mapping: guessMapping(sheet.headers),
      kind: 'unlimited',
      style: {},
      owner: OWNER,
      library,
    });
    expect([...plan.rows].map((r) => r.row)).toEqual([2]);
    expect([...plan.invalid].map((bad) => [bad.row, bad.problems.map((p) => [p.field, p.column])])).toEqual([
      [
        3,
        [
          ['scene', '场景值'],
          ['width', '宽度'],
        ],
      ],
      [
        4,
        [
          ['scene', '场景值'],
          ['page', '页面'],
        ],
      ],
    ]);
    const scene = plan.invalid.at(1)!.problems[0]!;
    expect(scene.message.en).toBe("Scene contains '门', which WeChat does not allow.");
    expect(scene.hint.en).toContain('use a short id');
    expect(plan.invalid.at(1)!.problems[1]!.hint.en).toContain('pages/shop/index');
  });

  it('throws once for styling that would fail every row', () => {
    const sheet = sheetOf(['path'], ['pages/index/index']);
    let caught: unknown;
    try {
      planBatch({
        sheet,
        mapping: { path: 0 },
        kind: 'limited',
        style: { envVersion: 'beta' },
        owner: OWNER,
        library,
      });
    } catch (error) {
      caught = error;
    }
    expect((caught as Failure).error).toMatchObject({ code: 'field', field: 'envVersion' });
  });

  it('counts new codes after repeats within the batch and codes already in the library', async () => {
    const sheet = sheetOf(
      ['path'],
      ['pages/index/index?id=1'],
      ['pages/index/index?id=2'],
      ['pages/index/index?id=1'],
      ['pages/index/index?id=3'],
    );
    const first = planBatch({
      sheet,
      mapping: { path: 0 },
      kind: 'limited',
      style: {},
      owner: OWNER,
      library,
    });
    expect([first.repeats, first.inLibrary, first.quota]).toEqual([
      1,
      0,
      { spends: true, newCodes: 3, enough: true },
    ]);
    expect(first.rows.at(2)).toMatchObject({ row: 4, sameAs: 2 });

    await store(first.rows.at(1)!.request, 99_998);
    const second = planBatch({
      sheet,
      mapping: { path: 0 },
      kind: 'limited',
      style: {},
      owner: OWNER,
      library,
      numUsed: lastNumUsed(library, OWNER),
    });
    expect(second.inLibrary).toBe(1);
    expect(second.quota).toEqual({ spends: true, newCodes: 2, numUsed: 99_998, remaining: 2, enough: true });

    const third = planBatch({
      sheet,
      mapping: { path: 0 },
      kind: 'qrcode',
      style: {},
      owner: OWNER,
      library,
      numUsed: 99_999,
    });
    expect(third.quota).toEqual({ spends: true, newCodes: 3, numUsed: 99_999, remaining: 1, enough: false });

    const other = planBatch({
      sheet,
      mapping: { path: 0 },
      kind: 'limited',
      style: {},
      owner: 'wx1111111111111111',
      library,
    });
    expect(other.inLibrary).toBe(0);
  });

  it('spends no quota on unlimited codes', () => {
    const sheet = sheetOf(['scene'], ['a'], ['b']);
    const plan = planBatch({
      sheet,
      mapping: { scene: 0 },
      kind: 'unlimited',
      style: {},
      owner: OWNER,
      library,
      numUsed: 100_000,
    });
    expect(plan.quota).toEqual({ spends: false, newCodes: 2, enough: true });
  });
});

describe('lastNumUsed', () => {
  it('is the highest Num-Used seen for the owner, in the library or given', async () => {
    expect(lastNumUsed(library, OWNER)).toBeUndefined();
    const request = (path: string): CodeRequest => ({ kind: 'qrcode', path, width: 430 });
    await store(request('a'), 10);
    await store(request('b'), 12);
    await store(request('c'));
    expect(lastNumUsed(library, OWNER)).toBe(12);
    expect(lastNumUsed(library, OWNER, 40)).toBe(40);
    expect(lastNumUsed(library, 'wx1111111111111111', 3)).toBe(3);
  });
});
