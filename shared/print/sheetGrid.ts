import { gridInvalid } from '../errors/printSheet';
import { Failure } from '../result';

// A print sheet laid out as columns × rows rather than at a code size: the code's size follows from
// the paper. Shared so the CLI, the batch form and History's sheet dialog accept the same grids.

export interface SheetGrid {
  columns: number;
  rows: number;
}

/** 20 × 20 on A3 is already 1 cm codes: past that nothing scans. */
export const GRID_MAX = 20;

const inBounds = (n: number) => Number.isInteger(n) && n >= 1 && n <= GRID_MAX;

/** A grid as numbers, checked: a Failure naming the field and the fix when either is out of 1..20. */
export function checkGrid(grid: SheetGrid): SheetGrid {
  if (!inBounds(grid.columns) || !inBounds(grid.rows)) {
    throw new Failure(gridInvalid(`${grid.columns}x${grid.rows}`, GRID_MAX));
  }
  return grid;
}

/** `3x4`, `3×4` or `3*4` (columns first), as the CLI takes it. */
export function parseGrid(raw: string): SheetGrid {
  const match = /^\s*(\d{1,3})\s*[x×*X]\s*(\d{1,3})\s*$/.exec(raw);
  if (!match) throw new Failure(gridInvalid(raw, GRID_MAX));
  return checkGrid({ columns: Number(match[1]), rows: Number(match[2]) });
}
