import { MAX_ROWS } from '../../../shared/batch';
import { nameHash } from './nameHash';

// The rows an earlier run of a batch finished, as its journal says, in five bytes a spreadsheet row
// (a 500,000-row batch resumed keeps 2.5 MB here instead of an object and a file name per row).
// Row numbers count blank rows too (a CSV's empty records, an .xlsx row's own number), so a sheet
// may number its rows past MAX_ROWS although it holds no more than that: those few rows are kept
// in a map rather than stretching the arrays to the largest number a file could claim.

/** Row numbers kept in the arrays; any above go to the map. */
const DENSE_ROWS = MAX_ROWS + 2;

const FINISHED = 1;
const FROM_LIBRARY = 2;

export class FinishedRows {
  /** By spreadsheet row: FINISHED, and FROM_LIBRARY when its code came from the library. */
  private flags = new Uint8Array(0);
  /** By spreadsheet row: a hash of the file name it was written under. */
  private files = new Uint32Array(0);
  /** Rows numbered from DENSE_ROWS up: their flags and file-name hash. */
  private beyond = new Map<number, { flags: number; file: number }>();
  private count = 0;

  /** Rows finished. */
  get size(): number {
    return this.count;
  }

  add(row: number, file: string, fromLibrary: boolean): void {
    // A journal names spreadsheet rows: anything else is not one (a damaged line).
    if (!Number.isSafeInteger(row) || row < 0) return;
    if (!this.has(row)) this.count++;
    const flags = FINISHED | (fromLibrary ? FROM_LIBRARY : 0);
    const hash = nameHash(file) % 2 ** 32;
    if (row >= DENSE_ROWS) {
      this.beyond.set(row, { flags, file: hash });
      return;
    }
    if (row >= this.flags.length) this.grow(row + 1);
    this.flags[row] = flags;
    this.files[row] = hash;
  }

  has(row: number): boolean {
    return (this.flagsOf(row) & FINISHED) !== 0;
  }

  private flagsOf(row: number): number {
    return row >= DENSE_ROWS ? (this.beyond.get(row)?.flags ?? 0) : (this.flags[row] ?? 0);
  }

  /**
   * Whether `row` was finished under the name `file`: undefined when it was not (or under another
   * name), else whether its code came from the library. The name is compared by a 32-bit hash: a
   * batch's names are fixed by its id (template, sheet), so a row finished under another name is
   * already a rare case (a naming rule changed between versions), and the file must be in the
   * output folder under the name asked for besides.
   */
  finishedAs(row: number, file: string): boolean | undefined {
    if (!this.has(row)) return undefined;
    const hash = row >= DENSE_ROWS ? this.beyond.get(row)?.file : this.files[row];
    if (hash !== nameHash(file) % 2 ** 32) return undefined;
    return (this.flagsOf(row) & FROM_LIBRARY) !== 0;
  }

  /** Rows finished, in row order. */
  *rows(): Generator<number> {
    for (let row = 0; row < this.flags.length; row++) if (this.flags[row]! & FINISHED) yield row;
    yield* [...this.beyond.keys()].sort((a, b) => a - b);
  }

  private grow(least: number): void {
    const size = Math.min(DENSE_ROWS, Math.max(least, this.flags.length * 2, 1024));
    const flags = new Uint8Array(size);
    flags.set(this.flags);
    const files = new Uint32Array(size);
    files.set(this.files);
    this.flags = flags;
    this.files = files;
  }
}
