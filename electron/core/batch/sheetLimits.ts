import { basename } from 'node:path';
import { MAX_SHEET_FILE_BYTES } from '../../../shared/batch';
import { type AppError, Failure, type Localized } from '../../../shared/result';

// What a spreadsheet may hold, checked while it is read, so a hostile or broken file ends in a clear
// error within seconds and a bounded amount of memory instead of hours and gigabytes.

/**
 * Rows under the header. A batch of limited or square codes can never spend more than WeChat's
 * 100,000 lifetime quota, and 100,000 unlimited codes take 20 minutes at WeChat's 5,000 a minute;
 * the app keeps a few planned batches in memory, so a larger sheet is better split into several.
 */
export const MAX_ROWS = 100_000;
/** A batch reads at most six kinds of column; 128 leaves room for exports with many other columns. */
export const MAX_COLUMNS = 128;
/** No valid field is longer than 1,024 characters; 4,096 leaves room for a name or a note. */
export const MAX_CELL_CHARACTERS = 4096;
/**
 * What one part of a .xlsx may unpack to: its first worksheet's XML (100,000 rows of ten cells as
 * Excel writes them are about 38 MB) and the workbook's shared strings (every distinct text of
 * every sheet). A .xlsx is a ZIP: a few MB can unpack to gigabytes. Reading 48 MB of XML takes
 * about a second on a laptop, so a file past the limit ends in seconds.
 */
export const MAX_SHEET_XML_BYTES = 48 * 1024 * 1024;
export const MAX_SHARED_STRINGS_BYTES = 32 * 1024 * 1024;
/** workbook.xml and its relationships only name the sheets. */
export const MAX_WORKBOOK_XML_BYTES = 4 * 1024 * 1024;

const MB = 1024 * 1024;
const count = (n: number) => n.toLocaleString('en-US');

/** The column letters Excel shows: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function fileError(message: Localized, hint: Localized): Failure {
  const error: AppError = { code: 'field', field: 'file', message, hint, retryable: false };
  return new Failure(error);
}

const SPLIT_HINT: Localized = {
  en: `Split it into files of at most ${count(MAX_ROWS)} rows and run them one after another (codes already made come from the library at no cost).`,
  zh: `请拆分为每个不超过 ${count(MAX_ROWS)} 行的多个文件，依次运行（已生成的码从码库取得，不耗额度）。`,
};

export function fileTooLarge(file: string, bytes: number): Failure {
  const name = basename(file);
  return fileError(
    {
      en: `${name} is ${count(Math.ceil(bytes / MB))} MB; a batch reads files up to ${count(MAX_SHEET_FILE_BYTES / MB)} MB.`,
      zh: `${name} 大小为 ${count(Math.ceil(bytes / MB))} MB，批量生成最多读取 ${count(MAX_SHEET_FILE_BYTES / MB)} MB 的文件。`,
    },
    SPLIT_HINT,
  );
}

/** `part` is what the user would recognise: the first worksheet, or the workbook's texts. */
export function unpacksTooLarge(file: string, part: Localized, maxBytes: number): Failure {
  const name = basename(file);
  return fileError(
    {
      en: `${name}: ${part.en} takes more than ${count(maxBytes / MB)} MB once unpacked (a .xlsx is compressed); a batch of ${count(MAX_ROWS)} rows needs far less.`,
      zh: `${name}：${part.zh}解压后超过 ${count(maxBytes / MB)} MB（.xlsx 是压缩文件），远超 ${count(MAX_ROWS)} 行批量所需。`,
    },
    {
      en: 'Copy only the rows and columns the batch needs into a new workbook, or save the sheet as “CSV UTF-8”.',
      zh: '请只把批量需要的行和列复制到新工作簿，或把工作表另存为“CSV UTF-8”。',
    },
  );
}

export function tooManyRows(file: string): Failure {
  const name = basename(file);
  return fileError(
    {
      en: `${name} has more than ${count(MAX_ROWS)} rows; a batch takes at most ${count(MAX_ROWS)}.`,
      zh: `${name} 超过 ${count(MAX_ROWS)} 行，一个批次最多 ${count(MAX_ROWS)} 行。`,
    },
    SPLIT_HINT,
  );
}

/** Excel's own limit: no workbook it writes has more rows, blank or formatted ones included. */
export const EXCEL_MAX_ROWS = 1_048_576;

export function beyondExcel(file: string): Failure {
  const name = basename(file);
  return fileError(
    {
      en: `${name}: the first worksheet has more than ${count(EXCEL_MAX_ROWS)} rows, more than Excel itself allows; the file was not made by Excel or is damaged.`,
      zh: `${name}：第一个工作表超过 ${count(EXCEL_MAX_ROWS)} 行，超出 Excel 本身的上限；该文件不是 Excel 生成的，或已损坏。`,
    },
    {
      en: 'Copy the rows with codes into a new workbook and save it as .xlsx or “CSV UTF-8”.',
      zh: '请把含有码的行复制到新工作簿，另存为 .xlsx 或“CSV UTF-8”。',
    },
  );
}

export function tooManyColumns(file: string, row: number): Failure {
  const name = basename(file);
  return fileError(
    {
      en: `Row ${row} of ${name} has a cell beyond column ${columnLetters(MAX_COLUMNS - 1)}; a batch reads at most ${MAX_COLUMNS} columns.`,
      zh: `${name} 第 ${row} 行在 ${columnLetters(MAX_COLUMNS - 1)} 列之后还有内容，批量生成最多读取 ${MAX_COLUMNS} 列。`,
    },
    {
      en: 'Delete the columns the batch does not need (path, scene, page, name, width, color are the ones it reads).',
      zh: '请删除批量不需要的列（它只读取 路径、场景、页面、文件名、宽度、颜色）。',
    },
  );
}

export function cellTooLong(file: string, row: number, column: number): Failure {
  const name = basename(file);
  const cell = `${columnLetters(column)}${row}`;
  return fileError(
    {
      en: `Cell ${cell} of ${name} holds more than ${count(MAX_CELL_CHARACTERS)} characters; no field of a code is longer than 1,024.`,
      zh: `${name} 的单元格 ${cell} 超过 ${count(MAX_CELL_CHARACTERS)} 个字符，码的任何字段都不超过 1,024 个字符。`,
    },
    {
      en: `Shorten cell ${cell} or clear it; if it is not meant to be there, the file may have been damaged.`,
      zh: `请缩短或清空单元格 ${cell}；如它本不该有这些内容，文件可能已损坏。`,
    },
  );
}

/** A sheet whose rows arrive one at a time: each is checked the moment it arrives. */
export class RowBounds {
  private rows = 0;

  constructor(private readonly file: string) {}

  /** Checks one non-blank row, the header included; throws the error that names the fix. */
  add(number: number, cells: readonly string[]): void {
    // The header is checked like any row before a single row under it is read.
    if (this.rows++ > MAX_ROWS) throw tooManyRows(this.file);
    if (cells.length > MAX_COLUMNS) throw tooManyColumns(this.file, number);
    const long = cells.findIndex((cell) => cell.length > MAX_CELL_CHARACTERS);
    if (long >= 0) throw cellTooLong(this.file, number, long);
  }
}
