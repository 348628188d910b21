import { type BatchPrint, printsAnything } from '../../../shared/batchPrint';
import { BatchPrinter, checkBatchPrint } from '../../core/batch/batchPrint';
import type { Sheet } from '../../core/batch/spreadsheet';
import type { PlanChoice } from './batchLaunch';

// The Print part's options for a batch from the app, for Start and for the first-row check alike:
// checked against the sheet's columns (labels, a poster's placeholders), the logo and poster read,
// all before any call; and the width WeChat is asked for, so the first row's code is the very one
// Start then copies from the library.

export interface Printing {
  /** The plan's choice, its width set by the printed size or the poster's slot. */
  choice: PlanChoice;
  /** Absent when the options print nothing beyond the PNGs. */
  printer?: BatchPrinter;
}

export async function printingFor(
  print: BatchPrint | undefined,
  sheet: Sheet,
  choice: PlanChoice,
): Promise<Printing> {
  if (!printsAnything(print)) return { choice };
  const printer = await BatchPrinter.open(print, sheet.headers, choice.kind);
  // The printed size decides the width; without one, a poster's slot does.
  const width = checkBatchPrint(print, sheet.headers).requestWidth ?? printer.poster?.requestWidth;
  const sized =
    width === undefined ? choice : { ...choice, style: { ...choice.style, width: String(width) } };
  return { choice: sized, printer };
}
