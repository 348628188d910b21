import { SHEET_MARGIN_MAX_MM, type SheetChoice, type SheetPaper } from '../../../shared/print/sheetChoice';
import { GRID_MAX } from '../../../shared/print/sheetGrid';
import { wholeNumber } from '../batch/batchRules';

// A print sheet's options as the fields hold them, typed text included, and what is sent to main:
// the batch's Print part and History's Print sheet… dialog share both.

export type SheetSizing = 'size' | 'grid';

export interface SheetDraft {
  paper: SheetPaper;
  landscape: boolean;
  sizing: SheetSizing;
  /** '4cm', '40mm', '1.5in'; blank in a batch: the printed size, else 4 cm. */
  size: string;
  columns: string;
  rows: string;
  cutMarks: boolean;
  cmyk: boolean;
  /** Millimetres of blank paper round the page. */
  margin: string;
}

export const GRID_LIMITS = { min: 1, max: GRID_MAX, default: 3 };
export const MARGIN_LIMITS = { min: 0, max: SHEET_MARGIN_MAX_MM, default: 10 };

export const NEW_SHEET_DRAFT: SheetDraft = {
  paper: 'A4',
  landscape: false,
  sizing: 'size',
  size: '4cm',
  columns: '3',
  rows: '4',
  cutMarks: true,
  cmyk: false,
  margin: '10',
};

/**
 * What main is sent; undefined while a grid's columns or rows are not a whole number from 1 to 20,
 * or the margin not one from 0 to 50.
 */
export function sheetChoiceOf(draft: SheetDraft): SheetChoice | undefined {
  const size = draft.size.trim();
  let sizing: Pick<SheetChoice, 'size' | 'grid'> = size ? { size } : {};
  if (draft.sizing === 'grid') {
    const columns = wholeNumber(draft.columns, GRID_LIMITS);
    const rows = wholeNumber(draft.rows, GRID_LIMITS);
    if (columns === undefined || rows === undefined) return undefined;
    sizing = { grid: { columns, rows } };
  }
  const marginMm = wholeNumber(draft.margin, MARGIN_LIMITS);
  if (marginMm === undefined) return undefined;
  return {
    paper: draft.paper,
    ...(draft.landscape ? { landscape: true } : {}),
    ...sizing,
    ...(draft.cutMarks ? {} : { cutMarks: false }),
    ...(draft.cmyk ? { cmyk: true } : {}),
    ...(marginMm !== MARGIN_LIMITS.default ? { marginMm } : {}),
  };
}
