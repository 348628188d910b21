import { gridTooDense, sheetCellTooLarge } from '../../../shared/errors/printSheet';
import { MIN_PRINT_CM } from '../../../shared/print/physicalSize';
import type { SheetGrid } from '../../../shared/print/sheetGrid';
import { Failure } from '../../../shared/result';

// Where the codes of a print sheet go on real paper: as many columns and rows of a given cell as
// fit, or a grid the user asked for with the largest cell that fits it. Sizes in points (1/72 in).

export type Paper = 'A4' | 'A3' | 'Letter';

export const PT_PER_MM = 72 / 25.4;
/** Paper in points, portrait (PRINT.md). */
export const PAPER_PT: Record<Paper, { width: number; height: number }> = {
  A4: { width: 210 * PT_PER_MM, height: 297 * PT_PER_MM },
  A3: { width: 297 * PT_PER_MM, height: 420 * PT_PER_MM },
  Letter: { width: 612, height: 792 },
};

export interface SheetOptions {
  paper: Paper;
  landscape?: boolean;
  /** Blank paper round the edge: sheets of labels leave at least 5 mm. */
  marginMm?: number;
  /** Between neighbouring codes, where the cut marks go. */
  gapMm?: number;
  cutMarks?: boolean;
  /** Exactly these columns and rows per page, the codes as large as they fit; else the codes' own size. */
  grid?: SheetGrid;
  /** Black as pure K (C0 M0 Y0 K100) for print shops: images in DeviceCMYK, cut marks in K only. */
  cmyk?: boolean;
}

export interface SheetLayout {
  page: { width: number; height: number };
  columns: number;
  rows: number;
  pages: number;
  /** Where each code goes, in points from the page's top-left corner. */
  cells: { page: number; x: number; y: number; width: number; height: number }[];
}

export const SHEET_DEFAULTS = { marginMm: 10, gapMm: 6, cutMarks: true };

/** The page in points, and the room inside its margins and the gap, in millimetres. */
function paperRoom(options: SheetOptions) {
  const { marginMm, gapMm } = { ...SHEET_DEFAULTS, ...options };
  const portrait = PAPER_PT[options.paper];
  const page = options.landscape ? { width: portrait.height, height: portrait.width } : portrait;
  const room = {
    width: page.width / PT_PER_MM - 2 * marginMm,
    height: page.height / PT_PER_MM - 2 * marginMm,
  };
  return { page, room, gapMm };
}

/**
 * How much to scale a cell of `cellMm` so that `grid` of them fills the room on the paper: the
 * largest that fits both across and down (a label under the code makes the cell taller than wide).
 */
export function gridScale(cellMm: { width: number; height: number }, grid: SheetGrid, options: SheetOptions) {
  const { room, gapMm } = paperRoom(options);
  const across = (room.width - (grid.columns - 1) * gapMm) / grid.columns;
  const down = (room.height - (grid.rows - 1) * gapMm) / grid.rows;
  const scale = Math.min(across / cellMm.width, down / cellMm.height);
  if (!(cellMm.width * scale >= MIN_PRINT_CM * 10)) {
    const cm = Math.max(0, (cellMm.width * scale) / 10);
    throw new Failure(gridTooDense(`${grid.columns} × ${grid.rows}`, cm, MIN_PRINT_CM, options.paper));
  }
  return scale;
}

/** The grid for `count` codes of `cellMm` on the paper: as many columns and rows as fit, centred. */
export function layOutSheet(
  count: number,
  cellMm: { width: number; height: number },
  options: SheetOptions,
): SheetLayout {
  const { page, room, gapMm } = paperRoom(options);
  const fits = (roomMm: number, cell: number) => Math.floor((roomMm + gapMm + 1e-6) / (cell + gapMm));
  let columns = fits(room.width, cellMm.width);
  let rows = fits(room.height, cellMm.height);
  if (columns < 1 || rows < 1) {
    throw new Failure(
      sheetCellTooLarge(
        `${cellMm.width.toFixed(0)} × ${cellMm.height.toFixed(0)}`,
        `${room.width.toFixed(0)} × ${room.height.toFixed(0)}`,
        options.paper,
      ),
    );
  }
  // A grid asked for is kept even where rounding would let one more column fit.
  if (options.grid)
    [columns, rows] = [Math.min(columns, options.grid.columns), Math.min(rows, options.grid.rows)];
  const cell = { width: cellMm.width * PT_PER_MM, height: cellMm.height * PT_PER_MM };
  const gap = gapMm * PT_PER_MM;
  const perPage = columns * rows;
  const left = (page.width - (columns * cell.width + (columns - 1) * gap)) / 2;
  const top = (page.height - (rows * cell.height + (rows - 1) * gap)) / 2;
  const cells = Array.from({ length: count }, (_, i) => {
    const onPage = i % perPage;
    return {
      page: Math.floor(i / perPage),
      x: left + (onPage % columns) * (cell.width + gap),
      y: top + Math.floor(onPage / columns) * (cell.height + gap),
      ...cell,
    };
  });
  return { page, columns, rows, pages: Math.max(1, Math.ceil(count / perPage)), cells };
}
