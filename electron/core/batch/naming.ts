import { NAME_PLACEHOLDERS } from '../../../shared/batch';
import {
  byteLength,
  MAX_FILE_NAME_BYTES,
  reservedOnWindows,
  safeFileSegment,
  safeFileStem,
  UNSAFE_IN_FILE_NAME,
} from '../../../shared/fileName';
import { type AppError, Failure } from '../../../shared/result';
import type { ColumnMapping } from './mapping';
import type { PlannedRow } from './plan';

export { NAME_PLACEHOLDERS };

type Placeholder = (typeof NAME_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{([^{}]*)\}/g;
const EXTENSION = '.png';
/** Room for the -2, -3 … a clashing name gets: a batch has at most 100,000 rows. */
const CLASH_SUFFIX_BYTES = '-100000'.length;
/** The stem's share of the name: the extension and a clash suffix must still fit (see MAX_FILE_NAME_BYTES). */
const MAX_STEM_BYTES = MAX_FILE_NAME_BYTES - EXTENSION.length - CLASH_SUFFIX_BYTES;
/** One placeholder's value, so a long path leaves room for the others. */
const MAX_VALUE_BYTES = 120;

/** `{row}-{name}.png` when the sheet has a name column, else `{row}.png`. */
export function defaultNameTemplate(mapping: ColumnMapping): string {
  return mapping.name !== undefined ? '{row}-{name}.png' : '{row}.png';
}

/**
 * Refuses a template no row could make a valid name from: an unknown placeholder, a character no
 * file system takes in its own text, a device name Windows keeps (`CON.png`), or own text too long.
 * Values from the sheet are repaired instead (see fileNames): those are not the user's to retype.
 */
export function checkNameTemplate(template: string): void {
  for (const [, word] of template.matchAll(PLACEHOLDER)) {
    if (!NAME_PLACEHOLDERS.includes(word as Placeholder)) throw new Failure(unknownPlaceholder(word ?? ''));
  }
  const stem = template.replace(/\.png$/i, '');
  const literal = stem.replace(PLACEHOLDER, '');
  const unsafe = Array.from(literal).find((char) => UNSAFE_IN_FILE_NAME.test(char));
  if (unsafe !== undefined) throw new Failure(unsafeInTemplate(unsafe));
  const [beforeFirstValue = ''] = stem.split('{');
  if (reservedOnWindows(beforeFirstValue) && (beforeFirstValue.includes('.') || beforeFirstValue === stem)) {
    throw new Failure(reservedTemplate(beforeFirstValue.split('.')[0] ?? ''));
  }
  if (byteLength(literal) > MAX_STEM_BYTES) throw new Failure(templateTooLong(byteLength(literal)));
}

/**
 * The output file name of every row, in row order, so a resumed batch names each row as before.
 * Each value is made safe for any file system; every name fits the file system's 255 bytes with
 * the temp name it is written through; names that clash (ignoring case, as Windows and macOS do)
 * get -2, -3, … in row order.
 */
export function fileNames(rows: readonly PlannedRow[], template: string): string[] {
  checkNameTemplate(template);
  const stemTemplate = template.replace(/\.png$/i, '');
  const taken = new Set<string>();
  return rows.map((row) => {
    const values = placeholderValues(row);
    const rendered = stemTemplate.replace(PLACEHOLDER, (_, word: Placeholder) => {
      const value = values[word];
      return value ? safeFileSegment(value, MAX_VALUE_BYTES) : '';
    });
    // Separators left dangling by an empty value go, e.g. '7-' for '{row}-{name}' without a name.
    const trimmed = rendered.replace(/^[-_. ]+|[-_. ]+$/g, '');
    const stem = trimmed ? safeFileStem(trimmed, MAX_STEM_BYTES) : `row-${row.row}`;
    let name = `${stem}${EXTENSION}`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}-${n}${EXTENSION}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

function placeholderValues(row: PlannedRow): Record<Placeholder, string> {
  const { request } = row;
  const common = { row: String(row.row), name: row.name };
  if (request.kind === 'unlimited') return { ...common, page: request.page, scene: request.scene, path: '' };
  return { ...common, page: request.path.split('?')[0] ?? '', scene: '', path: request.path };
}

function templateError(message: AppError['message'], hint: AppError['hint']): AppError {
  return { code: 'field', field: 'nameTemplate', message, hint, retryable: false };
}

function unknownPlaceholder(word: string): AppError {
  const known = NAME_PLACEHOLDERS.map((p) => `{${p}}`).join(' ');
  return templateError(
    {
      en: `The file name template has an unknown placeholder {${word}}.`,
      zh: `文件名模板中有未知的占位符 {${word}}。`,
    },
    {
      en: `Use only ${known}, e.g. {row}-{name}.png.`,
      zh: `只能使用 ${known}，例如 {row}-{name}.png。`,
    },
  );
}

function unsafeInTemplate(char: string): AppError {
  const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  const shown = /[\p{Cc}\p{Cf}]/u.test(char) ? code : `'${char}'`;
  return templateError(
    {
      en: `The file name template contains ${shown}, which a file name cannot hold.`,
      zh: `文件名模板含有 ${shown}，文件名中不能有这个字符。`,
    },
    {
      en: 'Use - or _ instead, e.g. {row}-{name}.png; every file goes into the chosen folder.',
      zh: '请改用 - 或 _，例如 {row}-{name}.png；所有文件都放在所选文件夹中。',
    },
  );
}

function reservedTemplate(word: string): AppError {
  return templateError(
    {
      en: `The file name template starts with ${word}, a name Windows keeps for a device, whatever follows it.`,
      zh: `文件名模板以 ${word} 开头，这是 Windows 保留的设备名，后面接什么都不行。`,
    },
    {
      en: `Put something before it, e.g. {row}-${word}.png.`,
      zh: `请在它前面加上内容，例如 {row}-${word}.png。`,
    },
  );
}

function templateTooLong(bytes: number): AppError {
  return templateError(
    {
      en: `The file name template's own text is ${bytes} bytes; a file name may have at most ${MAX_STEM_BYTES} before .png.`,
      zh: `文件名模板本身的文字有 ${bytes} 字节，文件名在 .png 之前最多 ${MAX_STEM_BYTES} 字节。`,
    },
    {
      en: 'Shorten it (a Chinese character takes 3 bytes); the placeholders add each row’s values.',
      zh: '请缩短（一个汉字占 3 字节）；占位符会填入每行的值。',
    },
  );
}
