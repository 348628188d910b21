import type { FailureGroup } from '../../../shared/batch';
import type { CodeKind } from '../../../shared/codeRequest';
import { appError, isDailyLimit } from '../../../shared/errors';
import { failFastError } from '../../../shared/errors/failFast';
import { type AppError, Failure } from '../../../shared/result';
import {
  DEFAULT_FAILURE_STREAK_LIMIT,
  DEFAULT_REQUEUE_LIMIT,
  FAIL_FAST_AFTER,
  failFastKey,
  SameErrorStreak,
  slowsDown,
  stopReason,
  tryAgain,
} from './errorPolicy';
import { FailureGroups } from './failureGroups';
import type { QueueItem, RowScheduler } from './scheduler';

// What a batch does when a row fails: tries the row again later, fails it alone, or pauses or stops
// the whole batch because every later row would fail too. Apart from the job, so these rules change
// here while running rows, progress and results change in batchJob.ts. Which error is which is
// errorPolicy.ts; this keeps the streaks of failures and acts on the batch.

/** The batch options that say what failing rows do. */
export interface WhenRowsFail {
  /** How long every call waits when WeChat's rate limit outlasts the client's retries; default 30 s. */
  rateLimitPauseMs?: number;
  /** Times a row whose failure may pass (-1, 45009, network) goes back in the queue; default 3. */
  requeueLimit?: number;
  /** The batch stops after this many tries in a row fail, whatever the rows; default 25. */
  failureStreakLimit?: number;
  /**
   * What WeChat's daily cap on limited and square codes (45009) does: 'pause' (the app: Resume
   * tomorrow) or 'stop' (the CLI: the journal keeps the place for --resume). Default 'pause'.
   */
  onDailyLimit?: 'pause' | 'stop';
  /**
   * What the same error coming back for rows in a row (a page not published, a token refused) does:
   * 'pause' (the app: fix it, then Resume) or 'stop' (the CLI: --resume goes on). Default 'pause'.
   */
  onFailFast?: 'pause' | 'stop';
}

/** What failing rows may do to their batch. */
export interface FailingBatch {
  /** The rows waiting their turn: a failed row may go back among them. */
  readonly queue: Pick<RowScheduler, 'push' | 'putBack' | 'pauseWanted' | 'stopping'>;
  pause(): void;
  stop(reason: AppError): void;
  /** WeChat's rate limit outlasted the client's retries: every call waits `pauseMs`. */
  slowDown(pauseMs: number): void;
  /** The row at `index` of the plan failed for good. */
  failRow(index: number, error: AppError): void;
  /** The row at `index`, failed before, goes back to the queue: it has no outcome yet. */
  forgetRow(index: number): void;
}

export class RowFailures {
  private failed = 0;
  private streak = 0;
  private readonly sameError = new SameErrorStreak<{ item: QueueItem; error: AppError }>();
  private readonly groups = new FailureGroups();
  /** Why the batch paused by itself (WeChat's daily cap, the same error row after row); cleared by resume. */
  private pausedBy?: AppError;
  /** The fail-fast error the batch paused for: rows in flight meeting it go back to the queue. */
  private pausedFor?: string;

  constructor(
    private readonly kind: CodeKind,
    private readonly options: WhenRowsFail,
    private readonly batch: FailingBatch,
  ) {}

  /** Rows failed for good. */
  get count(): number {
    return this.failed;
  }

  /** Why the batch paused by itself, while it is paused or pausing. */
  get pauseReason(): AppError | undefined {
    return this.pausedBy && this.batch.queue.pauseWanted ? this.pausedBy : undefined;
  }

  /** The failed rows grouped by kind of error, the most frequent first. */
  list(): FailureGroup[] {
    return this.groups.list();
  }

  /** A row got its code: any streak of failures ends. */
  codeReceived(): void {
    this.streak = 0;
    this.sameError.reset();
  }

  /** The user resumed: the reason of a pause is gone, and the streak starts over. */
  resumed(): void {
    this.pausedBy = undefined;
    this.pausedFor = undefined;
    this.sameError.reset();
  }

  rowFailed(item: QueueItem, caught: unknown): void {
    const { queue } = this.batch;
    const error = caught instanceof Failure ? caught.error : appError('internal', { detail: String(caught) });
    // A stop interrupted the row: it is simply not run, and a resumed batch picks it up.
    if (error.code === 'cancelled' && queue.stopping) return;
    // On limited and square codes 45009 is the daily cap rather than the per-minute limit.
    if (isDailyLimit(error.errcode, this.kind)) {
      this.dailyLimitReached(item, error);
      return;
    }
    if (slowsDown(error)) this.batch.slowDown(this.options.rateLimitPauseMs ?? 30_000);
    // Counts tries that will come back too: with the network down, rows would otherwise cycle for long.
    this.streak++;
    const key = failFastKey(error);
    if (key !== undefined && key === this.pausedFor && queue.pauseWanted) {
      // In flight when the batch paused for this very error: it waits for the fix with the others.
      queue.putBack([{ index: item.index, requeued: item.requeued, retriedAfterPause: true }]);
      return;
    }
    // A row tried again after such a pause that fails the same way is its own (a typo in its page):
    // it fails alone, or Resume would pause again on the same rows for ever.
    const sameInARow = item.retriedAfterPause && key !== undefined ? 0 : this.sameError.note(error);
    if (sameInARow >= FAIL_FAST_AFTER && !queue.stopping) {
      this.failFast(item, error, sameInARow, key!);
      return;
    }
    const streakLimit = this.options.failureStreakLimit ?? DEFAULT_FAILURE_STREAK_LIMIT;
    const retry = {
      requeued: item.requeued,
      requeueLimit: this.options.requeueLimit ?? DEFAULT_REQUEUE_LIMIT,
      streak: this.streak,
      streakLimit,
    };
    if (tryAgain(error, retry)) {
      queue.push({ index: item.index, requeued: item.requeued + 1 });
      return;
    }
    this.failed++;
    this.groups.add(error);
    if (!item.retriedAfterPause) this.sameError.keep({ item, error });
    this.batch.failRow(item.index, error);
    const reason = stopReason(error, this.streak, streakLimit);
    if (reason) this.batch.stop(reason);
  }

  /**
   * Every later call would meet the cap until tomorrow: the row is not failed but stays to do, and
   * the batch pauses (or stops) at once, rows in flight finishing, instead of trying row after row.
   */
  private dailyLimitReached(item: QueueItem, error: AppError): void {
    this.batch.queue.push({ index: item.index, requeued: item.requeued });
    if (this.options.onDailyLimit === 'stop') this.batch.stop(error);
    else this.pauseFor(error);
  }

  /**
   * The same error came back for rows in a row: every later row would meet it. The batch pauses (or
   * stops) saying why and how to fix it, and the rows of the streak go back to the head of the
   * queue, to be tried again first once the cause is fixed, rather than staying failed.
   */
  private failFast(item: QueueItem, error: AppError, rows: number, key: string): void {
    const streak = this.sameError.takeBack();
    for (const back of streak) {
      this.failed--;
      this.groups.remove(back.error);
      this.batch.forgetRow(back.item.index);
    }
    // First in line once resumed: whether the fix worked shows at once.
    const again = [...streak.map((back) => back.item), item];
    this.batch.queue.putBack(again.map((row) => ({ ...row, retriedAfterPause: true })));
    const then = this.options.onFailFast ?? 'pause';
    const reason = failFastError(error, rows, then);
    if (then === 'stop') {
      this.batch.stop(reason);
      return;
    }
    this.pauseFor(reason);
    if (this.batch.queue.pauseWanted) this.pausedFor = key;
  }

  /** Pauses, with the reason in the progress from its first report on. */
  private pauseFor(reason: AppError): void {
    this.pausedBy = reason;
    this.batch.pause();
    if (!this.batch.queue.pauseWanted) this.pausedBy = undefined;
  }
}
