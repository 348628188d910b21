/** One row of a spreadsheet under its header, as both the CSV and the .xlsx readers give it. */
export interface SheetRow {
  /** The row number a spreadsheet program shows for it (the header is usually row 1). */
  number: number;
  /** Trimmed cell texts; a blank cell is ''. */
  cells: string[];
}
