import { randomUUID } from 'node:crypto';
import type { BatchSummaryView, BatchUpdate } from '../../../shared/batch';
import { appError } from '../../../shared/errors';
import { batchRunning, jobUnknown } from '../../../shared/errors/batch';
import { Failure } from '../../../shared/result';
import type { BatchJob } from '../../core/batch/batchJob';
import { logBatch } from '../../core/batch/batchLog';
import type { AccountStore } from '../../core/storage/accounts';
import type { ErrorLog } from '../../core/storage/errorLog';
import type { Notify } from '../desktop/desktop';
import { batchUpdate, summaryView } from './batchViews';

interface Run {
  jobId: string;
  job: BatchJob;
  accountId: string;
  fileName: string;
  skippedRows: number;
  outDir: string;
  /** Updates made so far: each one carries the next number, so the page can drop one that arrives late. */
  updates: number;
  /** Resolves once the job has ended and its summary is set. */
  ended?: Promise<void>;
  /** Set once the job has finished. */
  summary?: BatchSummaryView;
}

export type RunInfo = Omit<Run, 'jobId' | 'job' | 'updates' | 'ended' | 'summary'>;

/**
 * The app's one batch at a time: runs it, sends its progress to the page, records the Num-Used
 * WeChat reported on the account at the end, and remembers the last run so the view can re-open it.
 */
export class BatchRunner {
  private run?: Run;
  /** A start, continue or discard is under way (see `claim`). */
  private claimed = false;
  /** The app is quitting: no batch starts any more. */
  private closing = false;

  constructor(private readonly services: { notify: Notify; accounts: AccountStore; log: ErrorLog }) {}

  /** Whether a batch is running now; with `batchId`, whether that one is. */
  isRunning(batchId?: string): boolean {
    const run = this.run;
    return !!run && !run.summary && (batchId === undefined || run.job.id === batchId);
  }

  /**
   * Runs `step` (a start, a continue or a discard) holding the one batch slot, taken before its
   * first await: another of them meanwhile is refused with `batchRunning`, so two clicks cannot
   * start a batch twice and a discard cannot remove the journal a continue is reading.
   */
  async claim<T>(step: () => Promise<T>): Promise<T> {
    if (this.claimed || this.closing) throw batchRunning();
    this.claimed = true;
    try {
      return await step();
    } finally {
      this.claimed = false;
    }
  }

  /** Starts the job; resolves once it is under way, or fails with what kept it from starting (its folder, …). */
  async start(job: BatchJob, info: RunInfo): Promise<BatchUpdate> {
    if (this.isRunning() || this.closing) throw batchRunning();
    const run: Run = { jobId: randomUUID(), job, ...info, updates: 0 };
    const previous = this.run;
    this.run = run;
    job.on('progress', (progress) => {
      // The last update carries the summary; the job's own 'finished' has none yet.
      if (progress.state !== 'finished') this.services.notify('batch:progress', this.update(run));
    });
    const underWay = new Promise<void>((resolve) => job.once('state', () => resolve()));
    const outcome = job.run();
    let failedToStart: unknown;
    const ended = outcome.then<void, void>(
      (summary) => {
        logBatch(this.services.log, summary);
        return this.finish(run, summaryView(summary, run.outDir));
      },
      (cause: unknown) => {
        if (job.state === 'idle') failedToStart = cause;
        else {
          const stopped = stoppedSummary(run.outDir, cause);
          this.services.log.failed('batch', stopped.stoppedBy!, { cause, facts: { batch: job.id } });
          return this.finish(run, stopped);
        }
      },
    );
    run.ended = ended;
    await Promise.race([underWay, ended]);
    if (failedToStart !== undefined) {
      this.run = previous;
      throw failedToStart;
    }
    return this.update(run);
  }

  pause(jobId: string): BatchUpdate {
    const run = this.find(jobId);
    run.job.pause();
    return this.update(run);
  }

  resume(jobId: string): BatchUpdate {
    const run = this.find(jobId);
    run.job.resume();
    return this.update(run);
  }

  /** Starts no more rows; the ones in flight finish and are kept (a made limited code has cost quota). */
  cancel(jobId: string): BatchUpdate {
    const run = this.find(jobId);
    run.job.cancel();
    return this.update(run);
  }

  /**
   * For quitting: starts no batch any more, cancels the running one (its calls in flight finish and
   * are kept: WeChat may have charged for them) and resolves once it has ended, its journal and
   * results written, or after `timeoutMs` at the latest.
   */
  async shutdown(timeoutMs: number): Promise<void> {
    this.closing = true;
    const run = this.run;
    if (!run?.ended || run.summary) return;
    run.job.cancel({ skipZip: true });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([run.ended, late]);
    clearTimeout(timer);
  }

  /** The running or last batch. */
  status(): BatchUpdate | null {
    return this.run ? this.update(this.run) : null;
  }

  /** What "Show in folder" selects: the results CSV once written, else the output folder itself. */
  shownPath(jobId: string): string {
    const run = this.find(jobId);
    return run.summary?.resultsFile || run.outDir;
  }

  private find(jobId: string): Run {
    if (this.run?.jobId === jobId) return this.run;
    throw jobUnknown();
  }

  private async finish(run: Run, summary: BatchSummaryView): Promise<void> {
    run.summary = summary;
    const { numUsed } = run.job.progress();
    if (numUsed !== undefined) {
      // The quota shown for the account stays right even if this fails; the next code records it again.
      await this.services.accounts.recordNumUsed(run.accountId, numUsed).catch(() => {});
    }
    this.services.notify('batch:progress', this.update(run));
  }

  private update(run: Run): BatchUpdate {
    const progress = run.summary ? { ...run.job.progress(), state: 'finished' as const } : run.job.progress();
    run.updates++;
    return batchUpdate({ ...run, sequence: run.updates }, progress, run.summary);
  }
}

/** A job that failed after it started (its journal could not be written, …): every row left is not run. */
function stoppedSummary(outDir: string, cause: unknown): BatchSummaryView {
  return {
    outDir,
    resultsFile: '',
    cancelled: false,
    stoppedBy: cause instanceof Failure ? cause.error : appError('internal'),
    problemRows: [],
  };
}
