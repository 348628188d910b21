import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { type AppError, Failure } from '../../../shared/result';
import { decodeText, type TextEncoding } from './encoding';

export interface SheetRow {
  /** The row number a spreadsheet program shows for it (the header is usually row 1). */
  number: number;
  /** Trimmed cell texts; a blank cell is ''. */
  cells: string[];
}

export interface Sheet {
  file: string;
  format: 'csv' | 'xlsx';
  /** For CSV: how the text was stored (detected, never asked). */
  encoding?: TextEncoding;
  headers: string[];
  /** Rows under the header; rows with every cell blank are left out. */
  rows: SheetRow[];
  /** SHA-256 of the file's bytes: names the batch's journal together with its settings. */
  contentHash: string;
}

/** Reads the first worksheet of a .xlsx file or a CSV in any encoding Excel writes. */
export async function readSpreadsheet(file: string): Promise<Sheet> {
  const extension = extname(file).toLowerCase();
  if (extension !== '.csv' && extension !== '.xlsx') throw new Failure(unsupported(file, extension));
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (cause) {
    throw new Failure(unreadable(file, cause instanceof Error ? cause.message : String(cause)));
  }
  const contentHash = createHash('sha256').update(bytes).digest('hex');
  if (extension === '.csv') {
    const { text, encoding } = decodeText(bytes);
    return { file, format: 'csv', encoding, contentHash, ...withHeader(file, csvRows(file, text)) };
  }
  return { file, format: 'xlsx', contentHash, ...withHeader(file, await xlsxRows(file)) };
}

function csvRows(file: string, text: string): SheetRow[] {
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: guessDelimiter(text),
      // Files edited by hand mix line endings, and stray quotes inside a cell are common.
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
    });
  } catch (cause) {
    throw new Failure(unreadable(file, cause instanceof Error ? cause.message : String(cause)));
  }
  return records.map((cells, index) => ({ number: index + 1, cells: cells.map((c) => c.trim()) }));
}

/** Excel writes ';' where ',' is the decimal mark and tabs for "text" exports; the header shows which. */
function guessDelimiter(text: string): string {
  const end = text.search(/[\r\n]/);
  const header = end < 0 ? text : text.slice(0, end);
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

/** Streamed, so a 50,000-row workbook does not become 50,000 row objects at once. */
async function xlsxRows(file: string): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    for await (const worksheet of workbook) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const cells: string[] = [];
        // `text` is what Excel shows: a formula's result, a rich text's characters, a number as typed.
        row.eachCell({ includeEmpty: true }, (cell, column) => {
          cells[column - 1] = cell.text.trim();
        });
        rows.push({ number: row.number, cells: Array.from(cells, (c) => c ?? '') });
      }
      break;
    }
  } catch (cause) {
    if (cause instanceof Failure) throw cause;
    throw new Failure(unreadable(file, cause instanceof Error ? cause.message : String(cause)));
  }
  return rows;
}

/** The first row with any text is the header; blank rows anywhere are skipped. */
function withHeader(file: string, rows: SheetRow[]): { headers: string[]; rows: SheetRow[] } {
  const filled = rows.filter((row) => row.cells.some((cell) => cell !== ''));
  const [header, ...data] = filled;
  if (!header) throw new Failure(empty(file));
  return { headers: header.cells, rows: data };
}

function unsupported(file: string, extension: string): AppError {
  const oldExcel = extension === '.xls';
  return {
    code: 'field',
    field: 'file',
    message: {
      en: `${file} is not a .csv or .xlsx file.`,
      zh: `${file} 不是 .csv 或 .xlsx 文件。`,
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

function unreadable(file: string, detail: string): AppError {
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

function empty(file: string): AppError {
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
