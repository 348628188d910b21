import {
  type BatchColumn,
  EXCEL_MAX_ROWS,
  MAX_CELL_CHARACTERS,
  MAX_COLUMNS,
  MAX_ROWS,
  MAX_SHEET_FILE_BYTES,
} from '../batch';
import type { CodeKind } from '../codeRequest';
import type { AppError, Localized } from '../result';

// What the app says about a spreadsheet it cannot read: the file's kind, its size, its limits.
// Each names the file by its base name or as the user gave it, and the fix.

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

function fileError(message: Localized, hint: Localized): AppError {
  return { code: 'field', field: 'file', message, hint, retryable: false };
}

const SPLIT_HINT: Localized = {
  en: `Split it into files of at most ${count(MAX_ROWS)} rows and run them one after another (codes already made come from the library at no cost).`,
  zh: `请拆分为每个不超过 ${count(MAX_ROWS)} 行的多个文件，依次运行（已生成的码从码库取得，不耗额度）。`,
};

export function fileTooLarge(name: string, bytes: number): AppError {
  return fileError(
    {
      en: `${name} is ${count(Math.ceil(bytes / MB))} MB; a batch reads files up to ${count(MAX_SHEET_FILE_BYTES / MB)} MB.`,
      zh: `${name} 大小为 ${count(Math.ceil(bytes / MB))} MB，批量生成最多读取 ${count(MAX_SHEET_FILE_BYTES / MB)} MB 的文件。`,
    },
    SPLIT_HINT,
  );
}

/** `part` is what the user would recognise (XLSX_PARTS): the first worksheet, or the workbook's texts. */
export function unpacksTooLarge(name: string, part: Localized, maxBytes: number): AppError {
  return fileError(
    {
      en: `${name}: ${part.en} takes more than ${count(maxBytes / MB)} MB once unpacked (a .xlsx is compressed); a batch reads at most that much of a workbook.`,
      zh: `${name}：${part.zh}解压后超过 ${count(maxBytes / MB)} MB（.xlsx 是压缩文件），批量最多读取这么多。`,
    },
    {
      en: `Save the sheet as “CSV UTF-8” (a CSV is read in chunks, up to ${count(MAX_ROWS)} rows), or copy only the rows and columns the batch needs into a new workbook.`,
      zh: `请把工作表另存为“CSV UTF-8”（CSV 分块读取，最多 ${count(MAX_ROWS)} 行），或只把批量需要的行和列复制到新工作簿。`,
    },
  );
}

export function tooManyRows(name: string): AppError {
  return fileError(
    {
      en: `${name} has more than ${count(MAX_ROWS)} rows; a batch takes at most ${count(MAX_ROWS)}.`,
      zh: `${name} 超过 ${count(MAX_ROWS)} 行，一个批次最多 ${count(MAX_ROWS)} 行。`,
    },
    SPLIT_HINT,
  );
}

export function beyondExcel(name: string): AppError {
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

export function tooManyColumns(name: string, row: number): AppError {
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

export function cellTooLong(name: string, row: number, column: number): AppError {
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

/** The parts of a .xlsx a size limit names, as the user would recognise them. */
export const XLSX_PARTS = {
  firstSheet: { en: 'the first worksheet', zh: '第一个工作表' },
  sharedStrings: { en: 'the text the sheets share', zh: '工作簿共享文本' },
  workbook: { en: 'the list of sheets', zh: '工作表目录' },
} satisfies Record<string, Localized>;

/** A file of a kind a batch does not read. */
export function sheetNotSupported(file: string, extension: string): AppError {
  const oldExcel = extension === '.xls';
  return {
    code: 'field',
    field: 'file',
    message: {
      en: `${file} is not a .xlsx, .csv or Unicode text (.txt) file.`,
      zh: `${file} 不是 .xlsx、.csv 或 Unicode 文本（.txt）文件。`,
    },
    hint: oldExcel
      ? {
          en: 'Open it in Excel and save it as “Excel Workbook (.xlsx)” or “CSV UTF-8”.',
          zh: '请在 Excel 中打开，另存为“Excel 工作簿 (.xlsx)”或“CSV UTF-8”。',
        }
      : {
          en: 'Give a spreadsheet saved as .xlsx or .csv, with one code per row.',
          zh: '请提供另存为 .xlsx 或 .csv 的表格，每行一个码。',
        },
    retryable: false,
  };
}

export function sheetUnreadable(file: string, detail: string): AppError {
  return {
    code: 'field',
    field: 'file',
    message: { en: `Could not read ${file}: ${detail}`, zh: `无法读取 ${file}：${detail}` },
    hint: {
      en: 'Check that the file exists and opens in Excel; save it again as .xlsx or CSV UTF-8 if it does not.',
      zh: '请确认文件存在且能用 Excel 打开；如不能，请重新另存为 .xlsx 或 CSV UTF-8。',
    },
    retryable: false,
  };
}

export function sheetHeaderOnly(name: string): AppError {
  return {
    code: 'field',
    field: 'file',
    message: {
      en: `${name} has a header row but no rows under it.`,
      zh: `${name} 只有表头，下面没有任何行。`,
    },
    hint: {
      en: 'Put one code per row under the header, then import it again.',
      zh: '请在表头下每行填写一个码，然后重新导入。',
    },
    retryable: false,
  };
}

export function sheetEmpty(file: string): AppError {
  return {
    code: 'field',
    field: 'file',
    message: { en: `${file} has no rows.`, zh: `${file} 中没有任何行。` },
    hint: {
      en: 'Put a header row (such as path, name) first and one code per row under it.',
      zh: '请在第一行写表头（如 路径、文件名），其下每行一个码。',
    },
    retryable: false,
  };
}

/** The page sends at most one byte past the limit of a larger file, so the size itself is not told. */
export function droppedTooLarge(name: string): AppError {
  const limit = `${MAX_SHEET_FILE_BYTES / 2 ** 20} MB`;
  return {
    code: 'field',
    field: 'file',
    message: {
      en: `${name} is larger than the ${limit} a batch reads.`,
      zh: `${name} 超过了批量生成读取的大小上限 ${limit}。`,
    },
    hint: {
      en: 'Split it into smaller sheets, or save it as .xlsx, which is much smaller than CSV.',
      zh: '请拆分为多个较小的表格，或另存为体积小得多的 .xlsx。',
    },
    retryable: false,
  };
}

// Which column holds what: a column the user named that is not there, one the kind needs.

const shownHeaders = (headers: readonly string[]) =>
  headers.map((h, i) => (h ? `“${h}”` : `#${i + 1}`)).join(', ');

export function noSuchColumn(column: BatchColumn, wanted: string, headers: readonly string[]): AppError {
  return {
    code: 'field',
    field: column,
    message: {
      en: `There is no column “${wanted}” for ${column}.`,
      zh: `没有名为“${wanted}”的列可用作 ${column}。`,
    },
    hint: {
      en: `Use one of the headers ${shownHeaders(headers)}, or a column number from 1 to ${headers.length}.`,
      zh: `请使用表头 ${shownHeaders(headers)} 之一，或 1 到 ${headers.length} 的列号。`,
    },
    retryable: false,
  };
}

const HEADER_EXAMPLES: Record<BatchColumn, string> = {
  path: 'path / 路径 / 页面路径 / 链接',
  scene: 'scene / 场景 / 场景值',
  page: 'page / 页面',
  name: 'name / 名称 / 门店名称',
  width: 'width / 宽度',
  color: 'color / 颜色',
};

export function missingColumn(kind: CodeKind, column: BatchColumn, headers: readonly string[]): AppError {
  return {
    code: 'field',
    field: column,
    message: {
      en: `${kind} codes need a ${column} column, and none of the headers ${shownHeaders(headers)} was taken for it.`,
      zh: `${kind} 类型的码需要 ${column} 列，但表头 ${shownHeaders(headers)} 中没有可用的。`,
    },
    hint: {
      en: `Name that column ${HEADER_EXAMPLES[column]}, or choose it for ${column} by hand (CLI: --column ${column}=HEADER).`,
      zh: `请把该列的表头改为 ${HEADER_EXAMPLES[column]}，或手动指定该列（命令行：--column ${column}=表头）。`,
    },
    retryable: false,
  };
}
