import type { PlannedRow } from '../../core/batch/plan';
import { checkLabels, labelForRow } from '../../core/print/labelText';
import type { LibraryEntry } from '../../core/storage/library';

// The label under each code of a sheet made from History: the same placeholders as a batch's file
// names and labels ({name}, {page}, {scene}, {path}, {row}), plus {campaign} and any column of the
// row a batch made the code from ({门店}), so a label reads the same whichever way the sheet is made.

const CAMPAIGN = 'campaign';

/** Every placeholder the picked codes can fill: {campaign} and the columns of their batches' sheets. */
export function historyHeaders(entries: readonly LibraryEntry[]): string[] {
  const columns = new Set<string>();
  for (const entry of entries)
    for (const header of Object.keys(entry.origin?.cells ?? {})) columns.add(header);
  columns.delete(CAMPAIGN);
  return [CAMPAIGN, ...columns];
}

/** The label lines checked against what the codes can fill: a Failure naming the fix otherwise. */
export function checkHistoryLabels(labels: readonly string[], headers: readonly string[]): void {
  checkLabels(labels, headers);
}

/** A code from History as the row a label is filled from; a column its batch lacked is blank. */
function rowOf(entry: LibraryEntry, headers: readonly string[]): PlannedRow {
  const origin = entry.origin;
  return {
    row: origin?.row ?? 0,
    request: entry.request,
    key: entry.key,
    name: origin?.rowName ?? entry.suggestedName.replace(/\.png$/i, ''),
    cells: headers.map((header) => (header === CAMPAIGN ? origin?.campaign : origin?.cells?.[header]) ?? ''),
  };
}

/** The label lines filled in for one code. */
export function labelsFor(
  entry: LibraryEntry,
  labels: readonly string[],
  headers: readonly string[],
): string[] {
  const row = rowOf(entry, headers);
  // A line left blank by a code that has none of its values is dropped rather than printed empty.
  return labels.map((text) => labelForRow(text, row, headers).trim()).filter((line) => line !== '');
}
