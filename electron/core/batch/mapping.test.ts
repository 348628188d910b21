import { describe, expect, it } from 'vitest';
import { Failure } from '../../../shared/result';
import { checkMapping, guessKind, guessMapping, overrideMapping } from './mapping';

function failureOf(run: () => unknown): Failure {
  try {
    run();
  } catch (caught) {
    if (caught instanceof Failure) return caught;
    throw caught;
  }
  throw new Error('expected a Failure');
}

describe('guessMapping', () => {
  it('knows English headers in any case and spacing', () => {
    expect(guessMapping(['Path', 'File Name', 'WIDTH', 'line_color', 'notes'])).toEqual({
      path: 0,
      name: 1,
      width: 2,
      color: 3,
    });
    expect(guessMapping(['scene', 'page', 'name', 'colour'])).toEqual({
      scene: 0,
      page: 1,
      name: 2,
      color: 3,
    });
  });

  it('knows Chinese headers, and headers that name both ways', () => {
    expect(guessMapping(['页面路径', '名称', '宽度', '线条颜色'])).toEqual({
      path: 0,
      name: 1,
      width: 2,
      color: 3,
    });
    expect(guessMapping(['场景值', '页面', '文件名', '颜色'])).toEqual({
      scene: 0,
      page: 1,
      name: 2,
      color: 3,
    });
    expect(guessMapping(['门店', '场景值 (scene)', 'Page（页面）'])).toEqual({ name: 0, scene: 1, page: 2 });
  });

  it('knows a store sheet’s headers by meaning: the store names the row, a link is its path', () => {
    for (const header of ['名称', '店名', '门店', '门店名称', 'title', 'Store', 'Store Name']) {
      expect(guessMapping(['门店编号', header, '城市']), header).toEqual({ name: 1 });
    }
    for (const header of ['场景', '场景值'])
      expect(guessMapping(['城市', header]), header).toEqual({ scene: 1 });
    for (const header of ['路径', '链接', '页面路径'])
      expect(guessMapping([header]), header).toEqual({ path: 0 });
    expect(guessMapping(['页面', '场景值', '门店名称', '城市'])).toEqual({ page: 0, scene: 1, name: 2 });
  });

  it('leaves a store’s number, city and notes out: they are not the store’s name', () => {
    expect(guessMapping(['门店编号', '城市', '备注', 'store id'])).toEqual({});
  });

  it('takes the first matching column for each thing', () => {
    expect(guessMapping(['路径', 'path'])).toEqual({ path: 0 });
  });
});

describe('guessKind', () => {
  it('is unlimited with a scene column, limited with a path column, unknown with both or neither', () => {
    expect(guessKind({ scene: 0, page: 1 })).toBe('unlimited');
    expect(guessKind({ path: 0 })).toBe('limited');
    expect(guessKind({ path: 0, scene: 1 })).toBeUndefined();
    expect(guessKind({ name: 0 })).toBeUndefined();
  });
});

describe('overrideMapping', () => {
  const headers = ['门店编号', '链接', 'name'];

  it('maps by header text or 1-based column number, and unmaps with an empty choice', () => {
    const guessed = guessMapping(headers);
    expect(guessed).toEqual({ path: 1, name: 2 });
    expect(overrideMapping(headers, guessed, { scene: '门店编号', path: '2', name: '' })).toEqual({
      scene: 0,
      path: 1,
    });
  });

  it('names the headers there are when a choice matches none', () => {
    const failure = failureOf(() => overrideMapping(headers, {}, { scene: 'store' }));
    expect(failure.error).toMatchObject({ code: 'field', field: 'scene' });
    expect(failure.error.message.en).toBe('There is no column “store” for scene.');
    expect(failure.error.hint.en).toContain('“门店编号”, “链接”, “name”');
  });
});

describe('checkMapping', () => {
  it('asks for the column a kind needs', () => {
    const failure = failureOf(() => checkMapping('unlimited', { path: 0 }, ['path']));
    expect(failure.error.field).toBe('scene');
    expect(failure.error.hint.en).toContain('--column scene=HEADER');
    expect(() => checkMapping('qrcode', { path: 0 }, ['path'])).not.toThrow();
  });
});
