import { MAX_ROWS } from '../../../shared/batch';
import { nameHash } from './nameHash';

// The rows an earlier run of a batch finished, as its journal says, in five bytes a spreadsheet row
// (a 500,000-row batch resumed keeps 2.5 MB here instead of an object and a file name per row).

const FINISHED = 1;
const FROM_LIBRARY = 2;

export class FinishedRows {
  /** By spreadsheet row: FINISHED, and FROM_LIBRARY when its code came from the library. */
  private flags = new Uint8Array(0);
  /** By spreadsheet row: a hash of the file name it was written under. */
  private files = new Uint32Array(0);
  private count = 0;

  /** Rows finished. */
  get size(): number {
    return this.count;
  }

  add(row: number, file: string, fromLibrary: boolean): void {
    // A journal names spreadsheet rows: a number past any sheet's is not one (a damaged line).
    if (!Number.isInteger(row) || row < 0 || row > MAX_ROWS + 1) return;
    if (row >= this.flags.length) this.grow(row + 1);
    if (!(this.flags[row]! & FINISHED)) this.count++;
    this.flags[row] = FINISHED | (fromLibrary ? FROM_LIBRARY : 0);
    this.files[row] = nameHash(file) % 2 ** 32;
  }

  has(row: number): boolean {
    return ((this.flags[row] ?? 0) & FINISHED) !== 0;
  }

  /**
   * Whether `row` was finished under the name `file`: undefined when it was not (or under another
   * name), else whether its code came from the library. The name is compared by a 32-bit hash: a
   * batch's names are fixed by its id (template, sheet), so a row finished under another name is
   * already a rare case (a naming rule changed between versions), and the file must be in the
   * output folder under the name asked for besides.
   */
  finishedAs(row: number, file: string): boolean | undefined {
    if (!this.has(row) || this.files[row] !== nameHash(file) % 2 ** 32) return undefined;
    return (this.flags[row]! & FROM_LIBRARY) !== 0;
  }

  /** Rows finished, in row order. */
  *rows(): Generator<number> {
    for (let row = 0; row < this.flags.length; row++) if (this.flags[row]! & FINISHED) yield row;
  }

  private grow(least: number): void {
    const size = Math.min(MAX_ROWS + 2, Math.max(least, this.flags.length * 2, 1024));
    const flags = new Uint8Array(size);
    flags.set(this.flags);
    const files = new Uint32Array(size);
    files.set(this.files);
    this.flags = flags;
    this.files = files;
  }
}
