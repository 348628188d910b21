import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { MAX_CELL_CHARACTERS, MAX_COLUMNS, MAX_SHEET_FILE_BYTES } from '../../../shared/batch';
import {
  sheetEmpty,
  sheetHeaderOnly,
  sheetNotSupported,
  sheetUnreadable,
} from '../../../shared/errors/sheet';
import { Failure } from '../../../shared/result';
import { decodeText, type TextEncoding } from './encoding';
import { cellTooLong, fileTooLarge, RowBounds } from './sheetLimits';
import type { SheetRow } from './sheetRow';
import { xlsxRows } from './xlsxReader';
import { NotAZip } from './zipEntries';

export type { SheetRow } from './sheetRow';

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

/** Delimited text: CSV, and the tab-separated "Unicode text" (.txt) Excel saves in UTF-16. */
const TEXT_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);

/**
 * Reads the first worksheet of a .xlsx file or a CSV in any encoding Excel writes, within the
 * limits of sheetLimits.ts: a file past one of them ends in an error naming it and the fix.
 */
export async function readSpreadsheet(file: string): Promise<Sheet> {
  checkSheetExtension(file);
  return sheetFromBytes(file, await readBounded(file));
}

/** Refuses, with the fix, a file whose extension is none of the kinds the batch reads. */
function checkSheetExtension(file: string): void {
  const extension = extname(file).toLowerCase();
  if (extension !== '.xlsx' && !TEXT_EXTENSIONS.has(extension))
    throw new Failure(sheetNotSupported(file, extension));
}

/**
 * Reads `bytes` as the spreadsheet `file` would be, before they are in it: a dropped sheet is
 * parsed before it is kept, so one that cannot be read leaves nothing behind. The caller bounds
 * the bytes by MAX_SHEET_FILE_BYTES.
 */
export async function sheetFromBytes(file: string, bytes: Uint8Array): Promise<Sheet> {
  checkSheetExtension(file);
  const contentHash = createHash('sha256').update(bytes).digest('hex');
  if (extname(file).toLowerCase() !== '.xlsx') {
    const { text, encoding } = decodeText(bytes);
    return { file, format: 'csv', encoding, contentHash, ...withHeader(file, csvRows(file, text)) };
  }
  try {
    return {
      file,
      format: 'xlsx',
      contentHash,
      ...withHeader(
        file,
        await xlsxRows(file, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
      ),
    };
  } catch (cause) {
    if (cause instanceof NotAZip) throw new Failure(sheetUnreadable(file, cause.message));
    throw cause;
  }
}

/**
 * The file's bytes, refused by its size before any is read. A FIFO, or a file still being written,
 * can hold more than its size said, so no more than one byte past the limit is ever read.
 */
async function readBounded(file: string): Promise<Buffer> {
  try {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      if (size > MAX_SHEET_FILE_BYTES) throw fileTooLarge(file, size);
      // `end` is inclusive: MAX_SHEET_FILE_BYTES + 1 bytes at most.
      const chunks = await handle.createReadStream({ end: MAX_SHEET_FILE_BYTES, autoClose: false }).toArray();
      const bytes = Buffer.concat(chunks);
      if (bytes.length > MAX_SHEET_FILE_BYTES) throw fileTooLarge(file, bytes.length);
      return bytes;
    } finally {
      await handle.close();
    }
  } catch (cause) {
    if (cause instanceof Failure) throw cause;
    throw new Failure(sheetUnreadable(file, cause instanceof Error ? cause.message : String(cause)));
  }
}

/** Each record is checked as it is parsed and only rows with text are kept, so a flood stops early. */
function csvRows(file: string, text: string): SheetRow[] {
  const bounds = new RowBounds(file);
  const rows: SheetRow[] = [];
  let number = 0;
  try {
    parse(text, {
      delimiter: guessDelimiter(text),
      // Files edited by hand mix line endings, and stray quotes inside a cell are common.
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      // A record longer than a full row of the longest cells is cut short while it is read.
      max_record_size: MAX_CELL_CHARACTERS * MAX_COLUMNS,
      on_record: (cells: string[]) => {
        const row = { number: ++number, cells: cells.map((c) => c.trim()) };
        if (row.cells.some((cell) => cell !== '')) {
          bounds.add(row.number, row.cells);
          rows.push(row);
        }
        return null;
      },
    });
  } catch (cause) {
    if (cause instanceof Failure) throw cause;
    const { code, column } = cause as { code?: string; column?: number };
    if (code === 'CSV_MAX_RECORD_SIZE') throw cellTooLong(file, number + 1, column ?? 0);
    throw new Failure(sheetUnreadable(file, cause instanceof Error ? cause.message : String(cause)));
  }
  return rows;
}

/** Excel writes ';' where ',' is the decimal mark and tabs for "text" exports; the header shows which. */
function guessDelimiter(text: string): string {
  const end = text.search(/[\r\n]/);
  const header = end < 0 ? text : text.slice(0, end);
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

/** The first row is the header (the readers leave out rows with no text); a sheet needs rows under it. */
function withHeader(file: string, rows: SheetRow[]): { headers: string[]; rows: SheetRow[] } {
  const [header, ...data] = rows;
  if (!header) throw new Failure(sheetEmpty(file));
  if (data.length === 0) throw new Failure(sheetHeaderOnly(basename(file)));
  return { headers: header.cells, rows: data };
}
