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
/** A placeholder's value for one row: a built-in one or a cell of the sheet. */
type ValueOf = (row: PlannedRow) => string;

/** One part of a template between slashes: a folder, or the file name when it is the last one. */
interface Segment {
  text: string;
  values: Map<string, ValueOf>;
}

const PLACEHOLDER = /\{([^{}]*)\}/g;
/** A '/' outside a placeholder: `{城市}/{门店名称}` has two segments, `{a/b}` one. */
const FOLDER_SEPARATOR = /\/(?![^{}]*\})/;
const EXTENSION = '.png';
/** Room for the -2, -3 … a clashing name gets: a batch has at most 100,000 rows. */
const CLASH_SUFFIX_BYTES = '-100000'.length;
/** The stem's share of the name: the extension and a clash suffix must still fit (see MAX_FILE_NAME_BYTES). */
const MAX_STEM_BYTES = MAX_FILE_NAME_BYTES - EXTENSION.length - CLASH_SUFFIX_BYTES;
/** One placeholder's value, so a long path leaves room for the others. */
const MAX_VALUE_BYTES = 120;
/** Columns named in the unknown-placeholder error: a wide sheet would bury the fix. */
const SHOWN_COLUMNS = 20;

/** `{row}-{name}.png` when the sheet has a name column, else `{row}.png`. */
export function defaultNameTemplate(mapping: ColumnMapping): string {
  return mapping.name !== undefined ? '{row}-{name}.png' : '{row}.png';
}

/**
 * Refuses a template no row could make a valid name from: a placeholder that is neither built in
 * nor a header of the sheet, a folder that is empty or only dots (`..` would leave the output
 * folder), a character no file system takes in its own text, a device name Windows keeps
 * (`CON.png`, a folder `CON`), or own text too long for one name. Values from the sheet are repaired
 * instead (see fileNames): those are not the user's to retype.
 */
export function checkNameTemplate(template: string, headers: readonly string[]): void {
  parseTemplate(template, headers);
}

/**
 * The output file name of every row, in row order, so a resumed batch names each row as before.
 * A `/` in the template makes subfolders; a value never does (its `/` becomes `_`), and a folder
 * whose values are all blank is left out. Each value is made safe for any file system; every name
 * fits the file system's 255 bytes with the temp name it is written through; names that clash
 * (ignoring case, as Windows and macOS do) get -2, -3, … in row order, and folders that differ only
 * in case are spelled as the first row spelled them.
 */
export function fileNames(
  rows: readonly PlannedRow[],
  template: string,
  headers: readonly string[],
): string[] {
  const segments = parseTemplate(template, headers);
  const fileSegment = segments.at(-1)!;
  const folderSegments = segments.slice(0, -1);
  const folderSpelling = new Map<string, string>();
  const taken = new Set<string>();
  return rows.map((row) => {
    let folder = '';
    for (const segment of folderSegments) {
      const child = folderName(render(segment, row));
      if (!child) continue;
      const path = folder ? `${folder}/${child}` : child;
      folder = folderSpelling.get(path.toLowerCase()) ?? path;
      folderSpelling.set(folder.toLowerCase(), folder);
    }
    const rendered = render(fileSegment, row);
    const stem = rendered ? safeFileStem(rendered, MAX_STEM_BYTES) : `row-${row.row}`;
    const inFolder = (file: string) => (folder ? `${folder}/${file}` : file);
    let name = inFolder(`${stem}${EXTENSION}`);
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = inFolder(`${stem}-${n}${EXTENSION}`);
    taken.add(name.toLowerCase());
    return name;
  });
}

function parseTemplate(template: string, headers: readonly string[]): Segment[] {
  const stem = template.replace(/\.png$/i, '');
  const texts = stem.split(FOLDER_SEPARATOR);
  return texts.map((text, index) => {
    const values = new Map<string, ValueOf>();
    for (const [, word = ''] of text.matchAll(PLACEHOLDER)) {
      const value = placeholderValue(word, headers);
      if (!value) throw new Failure(unknownPlaceholder(word, headers));
      values.set(word, value);
    }
    checkSegment(text, index === texts.length - 1);
    return { text, values };
  });
}

function checkSegment(text: string, isFile: boolean): void {
  const literal = text.replace(PLACEHOLDER, '');
  if (text.trim() === '') throw new Failure(emptySegment());
  if (literal === text && /^[. ]+$/.test(text)) throw new Failure(dotsSegment(text.trim()));
  const unsafe = Array.from(literal).find((char) => UNSAFE_IN_FILE_NAME.test(char));
  if (unsafe !== undefined) throw new Failure(unsafeInTemplate(unsafe));
  const [beforeFirstValue = ''] = text.split('{');
  if (reservedOnWindows(beforeFirstValue) && (beforeFirstValue.includes('.') || beforeFirstValue === text)) {
    throw new Failure(reservedTemplate(beforeFirstValue.split('.')[0] ?? '', isFile));
  }
  if (byteLength(literal) > MAX_STEM_BYTES) throw new Failure(templateTooLong(byteLength(literal)));
}

/**
 * A built-in placeholder, else the sheet's column of that header (as written, then ignoring case
 * and the spaces around it); the built-ins win, so `{name}` stays the name column whatever the headers.
 */
function placeholderValue(word: string, headers: readonly string[]): ValueOf | undefined {
  if (NAME_PLACEHOLDERS.includes(word as Placeholder)) {
    return (row) => builtInValues(row)[word as Placeholder];
  }
  const wanted = word.trim().toLowerCase();
  const exact = headers.indexOf(word);
  const index =
    exact >= 0 ? exact : headers.findIndex((h) => h.trim().toLowerCase() === wanted && wanted !== '');
  return index < 0 ? undefined : (row) => row.cells[index] ?? '';
}

function builtInValues(row: PlannedRow): Record<Placeholder, string> {
  const { request } = row;
  const common = { row: String(row.row), name: row.name };
  if (request.kind === 'unlimited') return { ...common, page: request.page, scene: request.scene, path: '' };
  return { ...common, page: request.path.split('?')[0] ?? '', scene: '', path: request.path };
}

/** A segment filled in for one row, without the separators an empty value leaves ('7-' for '{row}-{name}'). */
function render(segment: Segment, row: PlannedRow): string {
  const rendered = segment.text.replace(PLACEHOLDER, (_, word: string) => {
    const value = segment.values.get(word)!(row);
    return value ? safeFileSegment(value, MAX_VALUE_BYTES) : '';
  });
  return rendered.replace(/^[-_. ]+|[-_. ]+$/g, '');
}

/** A folder never ends in .png, so no folder can take the name a file of the batch needs. */
function folderName(rendered: string): string {
  return rendered ? safeFileStem(rendered, MAX_STEM_BYTES).replace(/\.png$/i, '_png') : '';
}

function templateError(message: AppError['message'], hint: AppError['hint']): AppError {
  return { code: 'field', field: 'nameTemplate', message, hint, retryable: false };
}

function unknownPlaceholder(word: string, headers: readonly string[]): AppError {
  const builtIn = NAME_PLACEHOLDERS.map((p) => `{${p}}`).join(' ');
  const named = headers.filter((h) => h.trim() !== '' && !/[{}]/.test(h));
  const columns = named
    .slice(0, SHOWN_COLUMNS)
    .map((h) => `{${h}}`)
    .join(' ');
  const more = named.length > SHOWN_COLUMNS ? ' …' : '';
  const example = named.length > 0 ? `{${named[0]}}.png` : '{row}-{name}.png';
  return templateError(
    {
      en: `The file name template has an unknown placeholder {${word}}: no column of the sheet has that header.`,
      zh: `文件名模板中有未知的占位符 {${word}}：表格中没有这个表头的列。`,
    },
    columns
      ? {
          en: `Use the sheet's columns ${columns}${more} or ${builtIn}, written exactly as the header, e.g. ${example}.`,
          zh: `请使用表格的列 ${columns}${more} 或 ${builtIn}，与表头写法完全一致，例如 ${example}。`,
        }
      : {
          en: `Use ${builtIn}, e.g. {row}-{name}.png.`,
          zh: `请使用 ${builtIn}，例如 {row}-{name}.png。`,
        },
  );
}

function emptySegment(): AppError {
  return templateError(
    {
      en: 'The file name template has an empty folder or file name: a / at the start, at the end or twice in a row.',
      zh: '文件名模板中有空的文件夹名或文件名：/ 出现在开头、结尾或连续出现。',
    },
    {
      en: 'Put a name between every two /, e.g. {城市}/{row}-{name}.png; everything goes into the chosen folder.',
      zh: '每两个 / 之间都要有名称，例如 {城市}/{row}-{name}.png；所有文件都放在所选文件夹中。',
    },
  );
}

function dotsSegment(dots: string): AppError {
  return templateError(
    {
      en: `The file name template has a folder “${dots}”, which would not be a folder inside the chosen one.`,
      zh: `文件名模板中有文件夹“${dots}”，它不会是所选文件夹中的子文件夹。`,
    },
    {
      en: 'Subfolders can only go inside the chosen folder: name them, e.g. {城市}/{row}-{name}.png, without .. or a leading /.',
      zh: '子文件夹只能建在所选文件夹中：请给它们起名，例如 {城市}/{row}-{name}.png，不要用 .. 或以 / 开头。',
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
      en: 'Use - or _ instead, e.g. {row}-{name}.png; a / makes a subfolder of the chosen folder.',
      zh: '请改用 - 或 _，例如 {row}-{name}.png；/ 会在所选文件夹中建子文件夹。',
    },
  );
}

function reservedTemplate(word: string, isFile: boolean): AppError {
  const where = isFile
    ? { en: 'The file name template starts with', zh: '文件名模板以' }
    : { en: 'A folder in the file name template starts with', zh: '文件名模板中的文件夹以' };
  return templateError(
    {
      en: `${where.en} ${word}, a name Windows keeps for a device, whatever follows it.`,
      zh: `${where.zh} ${word} 开头，这是 Windows 保留的设备名，后面接什么都不行。`,
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
