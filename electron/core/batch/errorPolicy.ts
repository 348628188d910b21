import { WECHAT_ERRORS } from '../../../shared/errors';
import { streakError } from '../../../shared/errors/batch';
import { type AppError, Failure } from '../../../shared/result';

// Which errors a batch tries again, which fail one row, and which stop the whole batch.

/** Errors that every later row would meet too: the batch stops rather than failing them one by one. */
const WHOLE_BATCH_ERRCODES = new Set([40013, 40125, 40164, 40243, 45029, 48001, 61007]);
const WHOLE_BATCH_CODES = new Set(['no-secret', 'keychain-unavailable', 'keychain-locked', 'file']);
/** WeChat's per-minute limits: the pace slows down. */
const RATE_LIMIT_ERRCODES = new Set([45009, 45011]);

export const DEFAULT_REQUEUE_LIMIT = 3;
export const DEFAULT_FAILURE_STREAK_LIMIT = 25;

/** Busy (-1), rate limits, token trouble and network faults may pass: the row is tried again later. */
export function mayPass(error: AppError): boolean {
  if (error.errcode !== undefined && WECHAT_ERRORS[error.errcode]?.refreshToken) return true;
  return error.retryable === true || error.code === 'network' || error.code === 'timeout';
}

export function stopsBatch(error: AppError): boolean {
  if (error.errcode !== undefined) return WHOLE_BATCH_ERRCODES.has(error.errcode);
  if (error.code === 'token-service') return error.retryable === false;
  return WHOLE_BATCH_CODES.has(error.code);
}

export function slowsDown(error: AppError): boolean {
  return error.errcode !== undefined && RATE_LIMIT_ERRCODES.has(error.errcode);
}

export interface RetryContext {
  /** Times this row came back to the queue already. */
  requeued: number;
  requeueLimit: number;
  /** Tries in a row that failed, this one included. */
  streak: number;
  streakLimit: number;
}

/** A row whose failure may pass goes back in the queue, a few times, unless the batch keeps failing. */
export function tryAgain(
  error: AppError,
  { requeued, requeueLimit, streak, streakLimit }: RetryContext,
): boolean {
  return mayPass(error) && requeued < requeueLimit && streak < streakLimit;
}

/** Why the batch stops after a failed row, if it does. */
export function stopReason(error: AppError, streak: number, streakLimit: number): AppError | undefined {
  if (stopsBatch(error)) return error;
  if (streak >= streakLimit) return streakError(streak, error);
  return undefined;
}

export function isCancelled(caught: unknown): boolean {
  return caught instanceof Failure && caught.error.code === 'cancelled';
}

/**
 * Errors that, when they come back for a few rows in a row, will come back for every row: a page
 * missing from the published version (41030), a token WeChat keeps refusing (40001, 42001, 40014),
 * the reserved-parameter family (85xxx), and the account-wide ones (40125, 40164, 45029, 48001,
 * which stop the batch at the first already). WeChat's daily cap (45009) pauses at the first.
 */
const FAIL_FAST_ERRCODES = new Set([41030, 40001, 42001, 40014, 40125, 40164, 45029, 48001]);
/** Rows in a row failing with one of those errors before the batch pauses (the CLI stops). */
export const FAIL_FAST_AFTER = 3;

/** Which error a failure counts as for failing fast; undefined for one that may be the row's own. */
export function failFastKey(error: AppError): string | undefined {
  const { errcode } = error;
  if (errcode === undefined) return undefined;
  if (FAIL_FAST_ERRCODES.has(errcode) || (errcode >= 85000 && errcode < 86000)) return `wechat:${errcode}`;
  return undefined;
}

/** Tries in a row that failed with the same fail-fast error, and the rows among them that failed for good. */
export class SameErrorStreak<Row> {
  private key?: string;
  private count = 0;
  private rows: Row[] = [];

  /** Counts a failed try; returns how many in a row failed with this error (0 when it does not fail fast). */
  note(error: AppError): number {
    const key = failFastKey(error);
    if (key !== this.key) this.reset();
    this.key = key;
    if (key !== undefined) this.count++;
    return this.count;
  }

  /** A row of the streak that failed for good (not put back in the queue). */
  keep(row: Row): void {
    if (this.key !== undefined) this.rows.push(row);
  }

  /** The streak's rows that failed for good; the streak starts over. */
  takeBack(): Row[] {
    const rows = this.rows;
    this.reset();
    return rows;
  }

  reset(): void {
    this.key = undefined;
    this.count = 0;
    this.rows = [];
  }
}
