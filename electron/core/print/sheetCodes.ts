import sharp from 'sharp';
import { sheetSizeOrGrid } from '../../../shared/errors/printSheet';
import type { SheetChoice } from '../../../shared/print/sheetChoice';
import { checkGrid, type SheetGrid } from '../../../shared/print/sheetGrid';
import { Failure } from '../../../shared/result';
import { compose } from './compose';
import type { LabelFont } from './labelFont';
import { labelSizing } from './labelSizing';
import { parsePrintSize } from './physicalSize';
import type { SheetCode, SheetOptions } from './sheet';

// A code as a print sheet takes it, from wherever the sheet is made (the CLI, History): its label
// lines composed under it by the one compositing module, and its printed width.

/** With a grid the codes are laid out at this width, then scaled to fill their cells. */
const GRID_NOMINAL_MM = 10;

export interface SheetSizing {
  /** Each code's printed width before any grid scaling. */
  codeMm: number;
  grid?: SheetGrid;
}

/** Exactly one of a code size or a grid, checked: a Failure naming the fix otherwise. */
export function sheetSizing(choice: {
  size?: string | undefined;
  grid?: SheetGrid | undefined;
}): SheetSizing {
  if ((choice.size === undefined) === (choice.grid === undefined)) {
    throw new Failure(sheetSizeOrGrid(choice.size !== undefined));
  }
  if (choice.grid) return { codeMm: GRID_NOMINAL_MM, grid: checkGrid(choice.grid) };
  return { codeMm: parsePrintSize(choice.size!).cm * 10 };
}

/**
 * The code with `labels` under it, no margin round it (the sheet puts its own gap between cells);
 * the image is wider than the code only if a label is, so its width scales with the code's.
 */
export async function labelledSheetCode(
  png: Buffer,
  labels: readonly string[],
  codeMm: number,
  font: LabelFont | null,
): Promise<SheetCode | undefined> {
  const { width = 0 } = await sharp(png)
    .metadata()
    .catch(() => ({ width: 0 }));
  if (!width) return undefined;
  const { size, gap } = labelSizing(width, labels.length);
  const { png: printed, layout } = await compose(png, {
    font,
    labels: labels.map((text) => ({ text, size })),
    gap,
  });
  return { png: printed, widthMm: (codeMm * layout.width) / width };
}

/**
 * A sheet as the batch or History asks for it, as the sheet's options: A4, portrait, cut marks and
 * the default margin unless the choice says otherwise; `grid` as checked by sheetSizing.
 */
export function sheetOptionsOf(choice: SheetChoice, grid: SheetGrid | undefined): SheetOptions {
  return {
    paper: choice.paper ?? 'A4',
    landscape: choice.landscape ?? false,
    cutMarks: choice.cutMarks ?? true,
    cmyk: choice.cmyk ?? false,
    ...(grid ? { grid } : {}),
    ...(choice.marginMm !== undefined ? { marginMm: choice.marginMm } : {}),
  };
}
