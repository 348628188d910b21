import { randomUUID } from 'node:crypto';
import type { BatchSummaryView, BatchUpdate } from '../../shared/batch';
import { appError } from '../../shared/errors';
import { Failure } from '../../shared/result';
import type { BatchJob } from '../core/batch/batchJob';
import type { Services } from '../services';
import { jobUnknown } from './batchErrors';
import { batchUpdate, summaryView } from './batchViews';

interface Run {
  jobId: string;
  job: BatchJob;
  accountId: string;
  fileName: string;
  skippedRows: number;
  outDir: string;
  /** Set once the job has finished. */
  summary?: BatchSummaryView;
}

export type RunInfo = Omit<Run, 'jobId' | 'job' | 'summary'>;

/**
 * The app's one batch at a time: runs it, sends its progress to the page, records the Num-Used
 * WeChat reported on the account at the end, and remembers the last run so the view can re-open it.
 */
export class BatchRunner {
  private run?: Run;

  constructor(private readonly services: Pick<Services, 'notify' | 'accounts'>) {}

  /** Whether a batch is running now; with `batchId`, whether that one is. */
  isRunning(batchId?: string): boolean {
    const run = this.run;
    return !!run && !run.summary && (batchId === undefined || run.job.id === batchId);
  }

  /** Starts the job; resolves once it is under way, or fails with what kept it from starting (its folder, …). */
  async start(job: BatchJob, info: RunInfo): Promise<BatchUpdate> {
    if (this.isRunning()) throw new Error('BatchRunner.start: one batch at a time');
    const run: Run = { jobId: randomUUID(), job, ...info };
    const previous = this.run;
    this.run = run;
    job.on('progress', (progress) => {
      // The last update carries the summary; the job's own 'finished' has none yet.
      if (progress.state !== 'finished') this.services.notify('batch:progress', this.update(run));
    });
    const underWay = new Promise<void>((resolve) => job.once('state', () => resolve()));
    const outcome = job.run();
    let failedToStart: unknown;
    const ended = outcome.then(
      (summary) => this.finish(run, summaryView(summary, run.outDir)),
      (cause: unknown) => {
        if (job.state === 'idle') failedToStart = cause;
        else return this.finish(run, stoppedSummary(run.outDir, cause));
      },
    );
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

  /** The running or last batch. */
  status(): BatchUpdate | null {
    return this.run ? this.update(this.run) : null;
  }

  outDir(jobId: string): string {
    return this.find(jobId).outDir;
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
    return batchUpdate(run, progress, run.summary);
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
