import { basename } from 'node:path';
import { MAX_CELL_CHARACTERS, MAX_COLUMNS, MAX_ROWS } from '../../../shared/batch';
import * as sheet from '../../../shared/errors/sheet';
import { Failure, type Localized } from '../../../shared/result';

// What a spreadsheet may hold, checked while it is read, so a hostile or broken file ends in a clear
// error within seconds and a bounded amount of memory instead of hours and gigabytes.

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

/** The sheet's limit errors as thrown while it is read, naming the file by its base name. */
export const fileTooLarge = (file: string, bytes: number): Failure =>
  new Failure(sheet.fileTooLarge(basename(file), bytes));
export const unpacksTooLarge = (file: string, part: Localized, maxBytes: number): Failure =>
  new Failure(sheet.unpacksTooLarge(basename(file), part, maxBytes));
export const tooManyRows = (file: string): Failure => new Failure(sheet.tooManyRows(basename(file)));
export const beyondExcel = (file: string): Failure => new Failure(sheet.beyondExcel(basename(file)));
export const tooManyColumns = (file: string, row: number): Failure =>
  new Failure(sheet.tooManyColumns(basename(file), row));
export const cellTooLong = (file: string, row: number, column: number): Failure =>
  new Failure(sheet.cellTooLong(basename(file), row, column));

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
