import type { AppError } from '../../../shared/result';
import type { ErrorLog } from '../storage/errorLog';
import type { BatchSummary } from './batchJob';
import { countOutcomes } from './results';

/** Row numbers listed per kind of failure; the results CSV has every one. */
const LISTED_ROWS = 20;

interface Group {
  error: AppError;
  rows: number[];
}

/** Rows that failed the same way (same code, errcode and field) make one group, in row order. */
function failureGroups(summary: Pick<BatchSummary, 'outcomes'>): Group[] {
  const groups = new Map<string, Group>();
  const add = (error: AppError, row: number) => {
    const key = `${error.code}|${error.errcode ?? ''}|${error.field ?? ''}|${error.message.en}`;
    const group = groups.get(key) ?? { error, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  };
  for (const outcome of summary.outcomes) {
    if (outcome.error && (outcome.status === 'failed' || outcome.status === 'not-run')) {
      add(outcome.error, outcome.row);
    }
    for (const problem of outcome.status === 'invalid' ? (outcome.problems ?? []) : []) {
      const { message, hint } = problem;
      add({ code: 'field', field: problem.column ?? problem.field, message, hint }, outcome.row);
    }
  }
  return [...groups.values()];
}

/**
 * A finished batch in the support log: nothing when every row was made; otherwise its totals, what
 * stopped it, and one line per kind of failure with how many rows and which — not a line per row.
 */
export function logBatch(
  log: ErrorLog,
  summary: Pick<BatchSummary, 'id' | 'outcomes' | 'cancelled' | 'stoppedBy' | 'outputError'>,
): void {
  const { rows, done, failed, invalid, notRun } = countOutcomes(summary.outcomes);
  const totals = { done, failed, invalid, notRun };
  if (done === rows && !summary.stoppedBy && !summary.outputError) return;
  const batch = summary.id;
  log.note('batch', { batch, ...totals, cancelled: summary.cancelled });
  if (summary.stoppedBy) log.failed('batch', summary.stoppedBy, { facts: { batch, stoppedTheBatch: true } });
  if (summary.outputError) log.failed('batch', summary.outputError, { facts: { batch, output: true } });
  for (const { error, rows } of failureGroups(summary)) {
    log.failed('batch', error, { facts: { batch, count: rows.length, rows: rows.slice(0, LISTED_ROWS) } });
  }
}
