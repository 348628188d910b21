import { BATCH_COLUMNS, type BatchColumn, type ColumnMapping } from '../../../shared/batch';
import type { CodeKind } from '../../../shared/codeRequest';
import { missingColumn, noSuchColumn } from '../../../shared/errors/sheet';
import { Failure } from '../../../shared/result';

export { BATCH_COLUMNS, type BatchColumn, type ColumnMapping };

/** Header words people write, in English and Chinese, compared without case, spaces, '_' or '-'. */
const HEADER_WORDS: Record<BatchColumn, readonly string[]> = {
  path: ['path', 'pagepath', 'link', '路径', '页面路径', '小程序路径', '链接', '页面链接'],
  scene: ['scene', '场景', '场景值'],
  page: ['page', '页面'],
  // A sheet of stores names each row by its store: that is the name its code is filed under.
  name: [
    'name',
    'filename',
    'file',
    'title',
    'store',
    'storename',
    'shop',
    '文件名',
    '名称',
    '名字',
    '标题',
    '店名',
    '门店',
    '门店名称',
    '店铺',
    '店铺名称',
  ],
  width: ['width', 'size', '宽度', '尺寸'],
  color: ['color', 'colour', 'linecolor', 'linecolour', '颜色', '线条颜色'],
};

const normalized = (header: string): string => header.toLowerCase().replace(/[\s_\-:：]+/g, '');

/** A header like “场景值 (scene)” names its column twice: either part may match. */
function headerWords(header: string): string[] {
  const inside = /[(（]([^)）]*)[)）]/.exec(header)?.[1];
  const outside = header.replace(/[(（][^)）]*[)）]/g, '');
  return [header, outside, inside ?? ''].map(normalized).filter(Boolean);
}

/** The columns the headers name; the first matching column wins for each thing. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  headers.forEach((header, index) => {
    const words = headerWords(header);
    const column = BATCH_COLUMNS.find(
      (c) => mapping[c] === undefined && HEADER_WORDS[c].some((w) => words.includes(w)),
    );
    if (column) mapping[column] = index;
  });
  return mapping;
}

/** The code kind the columns point to, when only one fits: a scene column means unlimited codes. */
export function guessKind(mapping: ColumnMapping): CodeKind | undefined {
  const hasPath = mapping.path !== undefined;
  const hasScene = mapping.scene !== undefined;
  if (hasScene && !hasPath) return 'unlimited';
  if (hasPath && !hasScene) return 'limited';
  return undefined;
}

/**
 * Applies the user's choices over a guessed mapping. Each choice names a column by its header text
 * or its 1-based number, or is '' to leave that thing out.
 */
export function overrideMapping(
  headers: readonly string[],
  mapping: ColumnMapping,
  choices: Partial<Record<BatchColumn, string>>,
): ColumnMapping {
  const result: ColumnMapping = { ...mapping };
  for (const [column, choice] of Object.entries(choices) as [BatchColumn, string][]) {
    const wanted = choice.trim();
    if (wanted === '') {
      delete result[column];
      continue;
    }
    const byName = headers.indexOf(wanted);
    const index = byName >= 0 ? byName : headers.findIndex((h) => normalized(h) === normalized(wanted));
    const number = /^\d+$/.test(wanted) ? Number(wanted) - 1 : -1;
    const found = index >= 0 ? index : number >= 0 && number < headers.length ? number : -1;
    if (found < 0) throw new Failure(noSuchColumn(column, wanted, headers));
    result[column] = found;
  }
  return result;
}

/** The columns a kind cannot do without, checked before any row is looked at. */
export function checkMapping(kind: CodeKind, mapping: ColumnMapping, headers: readonly string[]): void {
  const needed: BatchColumn = kind === 'unlimited' ? 'scene' : 'path';
  if (mapping[needed] === undefined) throw new Failure(missingColumn(kind, needed, headers));
}
