/**
 * Where a code made by a batch came from, kept with the code so History can find it by the row's
 * name or any of its cells. A code made one at a time has none.
 */
export interface CodeOrigin {
  /** The spreadsheet the batch read (its file name as the user chose it). */
  sourceFile: string;
  /** The campaign the batch belongs to, when the user named one. */
  campaign?: string;
  /** The row's number in the sheet, as a spreadsheet program shows it (the header row is 1). */
  row: number;
  /** The row's name (the file name column, or what stands for it), when the sheet has one. */
  rowName?: string;
  /** The row's cells, by column header. */
  cells?: Record<string, string>;
  /** The batch that made it (BatchJob's id): History lists a campaign's batches and re-exports one. */
  batch?: string;
}
