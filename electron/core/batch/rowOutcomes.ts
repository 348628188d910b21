import type { AppError } from '../../../shared/result';
import type { BatchPrinter } from './batchPrint';
import type { BatchPlan } from './plan';
import type { RowOutcome } from './results';
import type { RowFeed } from './scheduler';
import { type RowList, SpillList } from './spillList';

// What became of each planned row while a batch runs, in a byte per row: a 500,000-row batch keeps
// half a megabyte here instead of an object per row. Only failed rows keep their error.

const NOT_ENDED = 0;
const MADE = 1;
const FROM_LIBRARY = 2;
const FAILED = 3;

export class RowOutcomes {
  private readonly states: Uint8Array;
  private readonly errors = new Map<number, AppError>();

  constructor(rows: number) {
    this.states = new Uint8Array(rows);
  }

  /** The row at `index` of the plan is done: its file written, its journal entry recorded. */
  done(index: number, fromLibrary: boolean): void {
    this.states[index] = fromLibrary ? FROM_LIBRARY : MADE;
    this.errors.delete(index);
  }

  failed(index: number, error: AppError): void {
    this.states[index] = FAILED;
    this.errors.set(index, error);
  }

  /** The row goes back to the queue: it has no outcome yet. */
  forget(index: number): void {
    this.states[index] = NOT_ENDED;
    this.errors.delete(index);
  }

  /**
   * The rows with no outcome yet, in plan order, read as they are taken: what a batch queues, when
   * `ended` rows (finished by an earlier run) have theirs. A row is read once, even if it ends later.
   */
  notEnded(ended: number): RowFeed {
    const { states } = this;
    let next = 0;
    let left = states.length - ended;
    return {
      get left() {
        return left;
      },
      next: () => {
        while (next < states.length && states[next] !== NOT_ENDED) next++;
        if (next >= states.length) return undefined;
        left--;
        return next++;
      },
    };
  }

  /** The outcome of the row at `index` of the plan, or undefined while it has none. */
  outcome(
    plan: BatchPlan,
    names: RowList<string>,
    index: number,
    printer?: BatchPrinter,
  ): RowOutcome | undefined {
    const state = this.states[index];
    if (state === NOT_ENDED) return undefined;
    const row = plan.rows.at(index)!;
    if (state === FAILED) return { row: row.row, status: 'failed', error: this.errors.get(index)! };
    const file = names.at(index)!;
    return {
      row: row.row,
      status: 'done',
      file,
      ...printer?.filesFor(file),
      fromLibrary: state === FROM_LIBRARY,
      ...(row.sameAs !== undefined ? { sameAs: row.sameAs } : {}),
    };
  }

  /**
   * Every spreadsheet row in row order, written to disk as it goes: invalid ones, finished ones,
   * and the rest as not run. The plan's valid and invalid rows are each in sheet order: merged.
   */
  all(
    plan: BatchPlan,
    names: RowList<string>,
    notRun: AppError,
    printer?: BatchPrinter,
  ): RowList<RowOutcome> {
    const all = new SpillList<RowOutcome>();
    const invalid = plan.invalid[Symbol.iterator]();
    let bad = invalid.next();
    const flushInvalidBefore = (row: number) => {
      while (!bad.done && bad.value.row < row) {
        all.push({ row: bad.value.row, status: 'invalid', problems: bad.value.problems });
        bad = invalid.next();
      }
    };
    let index = 0;
    for (const row of plan.rows) {
      flushInvalidBefore(row.row);
      all.push(
        this.outcome(plan, names, index, printer) ?? {
          row: row.row,
          status: 'not-run',
          file: names.at(index)!,
          error: notRun,
        },
      );
      index++;
    }
    flushInvalidBefore(Number.POSITIVE_INFINITY);
    return all;
  }
}
