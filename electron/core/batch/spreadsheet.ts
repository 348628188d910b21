import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { MAX_SHEET_FILE_BYTES } from '../../../shared/batch';
import {
  sheetEmpty,
  sheetHeaderOnly,
  sheetNotSupported,
  sheetUnreadable,
} from '../../../shared/errors/sheet';
import { Failure } from '../../../shared/result';
import { decodeText, type TextEncoding } from './encoding';
import { csvFileRows, csvTextRows } from './csvReader';
import { fileTooLarge } from './sheetLimits';
import type { SheetRow } from './sheetRow';
import { type RowList, SpillList } from './spillList';
import { xlsxRows } from './xlsxReader';
import { NotAZip } from './zipEntries';

export type { SheetRow } from './sheetRow';

export interface Sheet {
  file: string;
  format: 'csv' | 'xlsx';
  /** For CSV: how the text was stored (detected, never asked). */
  encoding?: TextEncoding;
  headers: string[];
  /** Rows under the header; rows with every cell blank are left out. On disk, not in memory (see spillList.ts). */
  rows: RowList<SheetRow>;
  /** SHA-256 of the file's bytes: names the batch's journal together with its settings. */
  contentHash: string;
}

/** Delimited text: CSV, and the tab-separated "Unicode text" (.txt) Excel saves in UTF-16. */
const TEXT_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);

/**
 * Reads the first worksheet of a .xlsx file or a CSV in any encoding Excel writes, within the
 * limits of sheetLimits.ts: a file past one of them ends in an error naming it and the fix. A CSV
 * is read in chunks and its rows go to disk as they are parsed, so none of it is held in memory.
 */
export async function readSpreadsheet(file: string): Promise<Sheet> {
  checkSheetExtension(file);
  if (extname(file).toLowerCase() === '.xlsx') return sheetFromBytes(file, await readBounded(file));
  const rows = new SheetRows(file);
  const { encoding, contentHash } = await csvFileRows(file, rows.add);
  return { file, format: 'csv', encoding, contentHash, ...rows.done() };
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
  const rows = new SheetRows(file);
  if (extname(file).toLowerCase() !== '.xlsx') {
    const { text, encoding } = decodeText(bytes);
    await csvTextRows(file, text, rows.add);
    return { file, format: 'csv', encoding, contentHash, ...rows.done() };
  }
  try {
    await xlsxRows(file, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), rows.add);
    return { file, format: 'xlsx', contentHash, ...rows.done() };
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

/** The first row is the header (the readers leave out rows with no text); a sheet needs rows under it. */
class SheetRows {
  private headers?: string[];
  private readonly rows = new SpillList<SheetRow>();

  constructor(private readonly file: string) {}

  readonly add = (row: SheetRow): void => {
    if (this.headers) this.rows.push(row);
    else this.headers = row.cells;
  };

  done(): { headers: string[]; rows: RowList<SheetRow> } {
    if (!this.headers) throw new Failure(sheetEmpty(this.file));
    if (this.rows.length === 0) throw new Failure(sheetHeaderOnly(basename(this.file)));
    return { headers: this.headers, rows: this.rows };
  }
}
