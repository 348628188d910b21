import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdir, readdir, readFile, realpath, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { BATCH_CONCURRENCY, BATCH_PACE, type BatchProgress, type BatchState } from '../../../shared/batch';
import { appError, isDailyLimit, WECHAT_ERRORS } from '../../../shared/errors';
import {
  batchElsewhere,
  fileTaken,
  folderTaken,
  notKeptSummary,
  resultsNotWritten,
  streakError,
} from '../../../shared/errors/batch';
import { type AppError, Failure } from '../../../shared/result';
import { type CodeAccount, CodeMaker, type MadeCode } from '../codes/codeMaker';
import { writeFileAtomic } from '../storage/atomicFile';
import { takeFile } from '../storage/claims';
import type { Library } from '../storage/library';
import { sweepTemps } from '../storage/tempFiles';
import { cancelled } from '../wechat/abortable';
import { type BatchManifest, batchFolder, batchId, Journal, removeBatch, unreceivedCodes } from './journal';
import { defaultNameTemplate, fileNames } from './naming';
import type { BatchPlan } from './plan';
import { RateLimiter } from './rateLimiter';
import { type RowOutcome, writeResultsCsv } from './results';
import { writeZip } from './zip';

export interface BatchOutput {
  /** The folder the PNGs go to; created when missing. */
  dir: string;
  /** Placeholders {row} {name} {page} {scene} {path}; default `{row}-{name}.png` or `{row}.png`. */
  nameTemplate?: string;
  /** A ZIP of the PNGs and the results CSV, written when every row has been tried. */
  zipFile?: string;
  /** Default `<dir>/results.csv`. */
  resultsFile?: string;
}

export interface BatchJobOptions {
  plan: BatchPlan;
  /** Its appId must be the plan's owner: the library files codes under it. */
  account: CodeAccount;
  library: Library;
  /** The app's own maker, so a code the form is making at the same moment is made once. */
  maker?: CodeMaker;
  /** Where `batches/<id>/` journals live (the app's data folder). */
  dataDir: string;
  output: BatchOutput;
  /** Codes requested at the same time; default 4. */
  concurrency?: number;
  /** Pace of API calls; default 5,000 a minute (WeChat's limit for unlimited codes); 0 for none. */
  ratePerMinute?: number;
  /** Skip the rows an earlier run of the same batch finished. */
  resume?: boolean;
  /** Language of the results CSV's messages. */
  language?: 'en' | 'zh';
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
}

export type { BatchProgress, BatchState };

export interface BatchSummary {
  id: string;
  progress: BatchProgress;
  /** Every spreadsheet row, invalid ones included, in row order. */
  outcomes: RowOutcome[];
  cancelled: boolean;
  /** What stopped the batch before every row was tried (a rejected AppSecret, a full disk, …). */
  stoppedBy?: AppError;
  /** '' when it could not be written (outputError says why). */
  resultsFile: string;
  zipFile?: string;
  /** The ZIP or results CSV could not be written; the PNGs are in the folder all the same. */
  outputError?: AppError;
  /** Codes written to the output folder that could not be kept in the library (a full disk). */
  notKept?: AppError;
}

export interface Slowdown {
  pauseMs: number;
  callsPerMinute?: number;
}

export interface BatchEvents {
  progress: [BatchProgress];
  row: [RowOutcome];
  state: [BatchState];
  slowdown: [Slowdown];
}

interface QueueItem {
  index: number;
  requeued: number;
}

/** Errors that every later row would meet too: the batch stops rather than failing them one by one. */
const WHOLE_BATCH_ERRCODES = new Set([40013, 40125, 40164, 40243, 45029, 48001, 61007]);
const WHOLE_BATCH_CODES = new Set(['no-secret', 'keychain-unavailable', 'keychain-locked', 'file']);
const RATE_LIMIT_ERRCODES = new Set([45009, 45011]);
const PROGRESS_EVERY_MS = 250;
/** Kept with a batch: the names of its results CSV and ZIP (see ownOutputNames). */
const OUTPUT_NAMES = 'outputs.json';
const RATE_WINDOW_MS = 10_000;

/**
 * Runs a planned batch: bounded concurrency under a rate limiter, every finished row journaled
 * after its code is in the library and its file is written, so a crash or kill loses nothing and a
 * resumed run spends no quota twice. Progress comes as events; pause, resume and cancel are methods.
 */
export class BatchJob extends EventEmitter<BatchEvents> {
  readonly id: string;
  private readonly names: string[];
  private readonly outDir: string;
  private readonly maker: CodeMaker;
  private readonly limiter: RateLimiter;
  private readonly outcomes = new Map<number, RowOutcome>();
  private readonly queue: QueueItem[] = [];
  private queueHead = 0;
  private journal?: Journal;
  /** Names in the output folder when the run started: a row's file among them may be another batch's. */
  private present = new Set<string>();
  private notKept: { count: number; error?: AppError } = { count: 0 };
  /** Codes an earlier run of this batch may have paid for without receiving (it was killed mid-call). */
  private unreceived = 0;
  private currentState: BatchState = 'idle';
  private inFlight = 0;
  private pauseWanted = false;
  private stopping = false;
  private cancelled = false;
  private skipZip = false;
  private stoppedBy?: AppError;
  /** Why the batch paused by itself (WeChat's daily cap); cleared by resume(). */
  private pausedBy?: AppError;
  private failureStreak = 0;
  private numUsed?: number;
  private counts = { done: 0, failed: 0, fromLibrary: 0 };
  private finishedTimes: number[] = [];
  private finishedThisRun = 0;
  private lastProgressAt = 0;
  private startedAt?: number;
  private endedAt?: number;
  private waiters: (() => void)[] = [];
  /** Aborts waits (rate limiter, pauses) when the batch stops. */
  private readonly stopController = new AbortController();
  /** Aborts calls in flight: only on a cancel that abandons them. */
  private readonly callController = new AbortController();

  constructor(private readonly options: BatchJobOptions) {
    super();
    const { plan, output } = options;
    if (options.account.appId !== plan.owner) {
      throw new Error('BatchJob: the account must be the one the batch was planned for');
    }
    this.outDir = resolve(output.dir);
    const nameTemplate = output.nameTemplate ?? defaultNameTemplate(plan.mapping);
    this.names = fileNames(plan.rows, nameTemplate);
    this.maker = options.maker ?? new CodeMaker(options.library);
    this.limiter = new RateLimiter(this.ratePerMinute);
    this.id = batchId({
      input: plan.sheet.contentHash,
      kind: plan.kind,
      mapping: plan.mapping,
      style: plan.style,
      owner: plan.owner,
      outDir: this.outDir,
      nameTemplate,
    });
  }

  private get concurrency(): number {
    return this.options.concurrency ?? BATCH_CONCURRENCY.default;
  }

  private get ratePerMinute(): number {
    return this.options.ratePerMinute ?? BATCH_PACE.default;
  }

  get state(): BatchState {
    return this.currentState;
  }

  /** Finish the rows in flight, then start no more until `resume()`. */
  pause(): void {
    if (this.currentState !== 'running') return;
    this.pauseWanted = true;
    this.setState(this.inFlight > 0 ? 'pausing' : 'paused');
  }

  resume(): void {
    if (this.currentState !== 'paused' && this.currentState !== 'pausing') return;
    this.pauseWanted = false;
    this.pausedBy = undefined;
    this.setState('running');
    this.wake();
  }

  /**
   * Starts no more rows. Calls in flight finish and are kept (a limited code WeChat has made costs
   * quota whether or not its image arrives), unless `abandonInFlight`. `skipZip` leaves the ZIP out
   * (the app is quitting: a large one could outlast the wait, and Continue makes it at the end).
   */
  cancel(options: { abandonInFlight?: boolean; skipZip?: boolean } = {}): void {
    if (options.abandonInFlight) this.callController.abort();
    if (options.skipZip) this.skipZip = true;
    if (this.stopping) return;
    this.cancelled = true;
    this.stop();
  }

  progress(): BatchProgress {
    const now = performance.now();
    while (this.finishedTimes.length > 0 && this.finishedTimes[0]! < now - RATE_WINDOW_MS) {
      this.finishedTimes.shift();
    }
    const total = this.options.plan.rows.length;
    const remaining = total - this.counts.done - this.counts.failed;
    const elapsed = ((this.endedAt ?? now) - (this.startedAt ?? now)) / 1000;
    // While running, the recent pace (it changes with slowdowns and pauses); at the end, the whole run's.
    const codesPerSecond =
      this.endedAt !== undefined
        ? elapsed > 0
          ? this.finishedThisRun / elapsed
          : 0
        : Math.min(RATE_WINDOW_MS / 1000, elapsed) > 0.5
          ? this.finishedTimes.length / Math.min(RATE_WINDOW_MS / 1000, elapsed)
          : 0;
    const moving = this.currentState === 'running' && codesPerSecond > 0;
    return {
      state: this.currentState,
      total,
      done: this.counts.done,
      failed: this.counts.failed,
      remaining,
      fromLibrary: this.counts.fromLibrary,
      codesPerSecond,
      ...(moving ? { secondsLeft: remaining / codesPerSecond } : {}),
      ...(this.limiter.callsPerMinute !== undefined ? { callsPerMinute: this.limiter.callsPerMinute } : {}),
      ...(this.numUsed !== undefined ? { numUsed: this.numUsed } : {}),
      ...(this.unreceived > 0 ? { unreceived: this.unreceived } : {}),
      ...(this.pausedBy && this.pauseWanted ? { pausedBy: this.pausedBy } : {}),
    };
  }

  async run(): Promise<BatchSummary> {
    if (this.currentState !== 'idle') throw new Error('BatchJob.run: a job runs once');
    const { plan } = this.options;
    if (!plan.quota.enough) {
      throw new Failure(
        appError('quota', { needed: plan.quota.newCodes, remaining: plan.quota.remaining ?? 0 }),
      );
    }
    const folder = batchFolder(this.options.dataDir, this.id);
    const manifest: BatchManifest = {
      id: this.id,
      input: resolve(plan.sheet.file),
      outDir: this.outDir,
      startedAt: new Date().toISOString(),
      rows: plan.rows.length,
      settings: {
        kind: plan.kind,
        mapping: plan.mapping,
        style: plan.style,
        owner: plan.owner,
        output: this.options.output,
        // Not part of the id: a continued batch runs at the pace it was started with, whatever it is.
        concurrency: this.concurrency,
        ratePerMinute: this.ratePerMinute,
      },
    };
    const resume = this.options.resume ?? false;
    // The folder first: a start refused because another batch writes there must not have emptied
    // (or removed) this batch's journal of an unfinished run.
    const releaseFolder = await this.takeOutputFolder(manifest.input);
    const batchExisted = await stat(folder).then(
      () => true,
      () => false,
    );
    let createdOutDir: string | undefined;
    try {
      this.journal = await Journal.open(folder, manifest, resume);
    } catch (cause) {
      await releaseFolder();
      throw cause;
    }
    try {
      createdOutDir = await mkdir(this.outDir, { recursive: true }).catch((cause) => {
        throw new Failure(appError('file', { path: this.outDir, detail: String(cause?.message ?? cause) }));
      });
      await sweepTemps(this.outDir);
      this.present = new Set(await readdir(this.outDir));
      this.unreceived = await unreceivedCodes(this.journal.unansweredCalls, this.options.library);
      await this.queueUnfinished(this.journal);
    } catch (cause) {
      // Never started: nothing of it is left behind, neither an empty folder nor a batch to continue.
      await this.journal.close();
      await releaseFolder();
      if (createdOutDir) await rmdir(this.outDir).catch(() => {});
      if (!resume && !batchExisted) await removeBatch(folder);
      throw cause;
    }

    this.startedAt = performance.now();
    if (!this.stopping) this.setState('running');
    const ticker = setInterval(() => this.emitProgress(true), 1000);
    ticker.unref();
    try {
      let summary: BatchSummary;
      try {
        try {
          const workers = Math.max(1, Math.min(this.concurrency, this.queue.length || 1));
          await Promise.all(Array.from({ length: workers }, () => this.work()));
          this.endedAt = performance.now();
        } finally {
          clearInterval(ticker);
        }
        // Still holding the journal: a resume elsewhere must not start while results and ZIP are written.
        summary = await this.writeOutputs();
      } finally {
        await this.journal.close();
      }
      if (plan.rows.length > 0 && this.counts.done === plan.rows.length) await removeBatch(folder);
      this.setState('finished');
      return summary;
    } finally {
      await releaseFolder();
    }
  }

  /**
   * One batch at a time writes into a folder: two at once could replace each other's files. The
   * lock lives in the data folder, keyed by the folder, so nothing extra lands among the user's files.
   */
  private async takeOutputFolder(input: string): Promise<() => Promise<void>> {
    // One folder reached by two spellings (a link, another case on Windows and macOS) is one lock.
    const real = await realpath(this.outDir).catch(() => this.outDir);
    const same = process.platform === 'win32' || process.platform === 'darwin' ? real.toLowerCase() : real;
    const key = createHash('sha256').update(same).digest('hex').slice(0, 32);
    const lock = await takeFile(join(this.options.dataDir, 'folders', key), {
      about: { batch: this.id, input, outDir: this.outDir },
    });
    if (lock.taken) return lock.release;
    if (lock.holder.about?.batch === this.id) throw batchElsewhere(input, lock.holder);
    throw folderTaken(this.outDir, lock.holder);
  }

  /** Rows an earlier run finished count as done when their file is still there; the rest are queued. */
  private async queueUnfinished(journal: Journal): Promise<void> {
    const { present } = this;
    this.options.plan.rows.forEach((row, index) => {
      const entry = journal.finished.get(row.row);
      const file = this.names[index]!;
      if (entry && entry.file === file && present.has(file)) {
        this.counts.done++;
        this.outcomes.set(row.row, {
          row: row.row,
          status: 'done',
          file,
          fromLibrary: entry.fromLibrary,
          ...(row.sameAs !== undefined ? { sameAs: row.sameAs } : {}),
        });
      } else {
        this.queue.push({ index, requeued: 0 });
      }
    });
  }

  private async work(): Promise<void> {
    for (;;) {
      if (this.stopping) return;
      if (this.pauseWanted || (this.queueHead >= this.queue.length && this.inFlight > 0)) {
        // Paused, or waiting for rows in flight that may come back to the queue.
        await this.changed();
        continue;
      }
      const item = this.queue[this.queueHead];
      if (!item) return;
      this.queueHead++;
      this.inFlight++;
      try {
        await this.runRow(item);
      } finally {
        this.inFlight--;
        if (this.inFlight === 0 && this.currentState === 'pausing') this.setState('paused');
        this.wake();
      }
    }
  }

  private async runRow(item: QueueItem): Promise<void> {
    const { plan, account, library } = this.options;
    const row = plan.rows[item.index]!;
    const file = this.names[item.index]!;
    let called = false;
    try {
      if (!library.find(account.appId, row.request)) await this.limiter.acquire(this.stopController.signal);
      const made = await this.maker.make(account, row.request, {
        signal: this.callController.signal,
        beforeCall: async () => {
          // Stopped while waiting on another process's claim: no call after the user stopped.
          if (this.stopping) throw cancelled();
          await this.journal!.recordCall(row.row, row.key);
          called = true;
        },
      });
      if (!made.fromLibrary) {
        this.limiter.passed();
        const reported = made.entry.numUsed;
        if (reported !== undefined) this.numUsed = Math.max(this.numUsed ?? 0, reported);
      }
      if (made.notKept) this.notKept = { count: this.notKept.count + 1, error: made.notKept };
      await this.writeRowFile(file, made);
      await this.journal!.record({ row: row.row, file, fromLibrary: made.fromLibrary });
      this.failureStreak = 0;
      this.counts.done++;
      if (made.fromLibrary) this.counts.fromLibrary++;
      this.finishedTimes.push(performance.now());
      this.finishedThisRun++;
      this.finish({
        row: row.row,
        status: 'done',
        file,
        fromLibrary: made.fromLibrary,
        ...(row.sameAs !== undefined ? { sameAs: row.sameAs } : {}),
      });
    } catch (caught) {
      // WeChat answered without a code (or the network failed): nothing is left unreceived. A call
      // abandoned by the job's own abort was never answered: it stays unanswered, reported on resume.
      const abandoned = this.callController.signal.aborted && isCancelled(caught);
      if (called && !abandoned) await this.journal!.recordAnswered(row.row).catch(() => {});
      this.failed(item, caught);
    }
  }

  /**
   * Writes a row's PNG, but never over a different image this batch did not make (another batch's,
   * the user's): that row fails, saying so. The same image again (a resumed run) is harmless.
   */
  private async writeRowFile(file: string, made: MadeCode): Promise<void> {
    const path = join(this.outDir, file);
    if (this.present.has(file)) {
      const there = await readFile(path).catch(() => undefined);
      if (there && !there.equals(made.png)) throw new Failure(fileTaken(file, this.outDir));
    }
    await writeFileAtomic(path, made.png);
  }

  private failed(item: QueueItem, caught: unknown): void {
    const error = caught instanceof Failure ? caught.error : appError('internal', { detail: String(caught) });
    // A stop interrupted the row: it is simply not run, and a resumed batch picks it up.
    if (error.code === 'cancelled' && this.stopping) return;
    const row = this.options.plan.rows[item.index]!;
    // On limited and square codes 45009 is the daily cap rather than the per-minute limit.
    if (isDailyLimit(error.errcode, this.options.plan.kind)) {
      this.dailyLimitReached(item, error);
      return;
    }
    if (error.errcode !== undefined && RATE_LIMIT_ERRCODES.has(error.errcode)) {
      const pauseMs = this.options.rateLimitPauseMs ?? 30_000;
      this.limiter.slowDown(pauseMs);
      this.emit('slowdown', { pauseMs, callsPerMinute: this.limiter.callsPerMinute });
    }
    // Counts tries that will come back too: with the network down, rows would otherwise cycle for long.
    this.failureStreak++;
    const streakLimit = this.options.failureStreakLimit ?? 25;
    if (
      mayPass(error) &&
      item.requeued < (this.options.requeueLimit ?? 3) &&
      this.failureStreak < streakLimit
    ) {
      this.queue.push({ index: item.index, requeued: item.requeued + 1 });
      return;
    }
    this.counts.failed++;
    this.finish({ row: row.row, status: 'failed', error });
    if (stopsBatch(error)) this.stop(error);
    else if (this.failureStreak >= streakLimit) this.stop(streakError(this.failureStreak, error));
  }

  /**
   * Every later call would meet the cap until tomorrow: the row is not failed but stays to do, and
   * the batch pauses (or stops) at once, rows in flight finishing, instead of trying row after row.
   */
  private dailyLimitReached(item: QueueItem, error: AppError): void {
    this.queue.push({ index: item.index, requeued: item.requeued });
    if (this.options.onDailyLimit === 'stop') {
      this.stop(error);
      return;
    }
    this.pause();
    if (this.pauseWanted) this.pausedBy = error;
  }

  private finish(outcome: RowOutcome): void {
    this.outcomes.set(outcome.row, outcome);
    this.emit('row', outcome);
    this.emitProgress(false);
  }

  private stop(reason?: AppError): void {
    if (this.stopping) return;
    this.stopping = true;
    if (reason) this.stoppedBy = reason;
    // Cancelled before it ran: run() then only writes the results, every row not run.
    if (this.currentState !== 'idle') this.setState('stopping');
    this.stopController.abort();
    this.wake();
  }

  private async writeOutputs(): Promise<BatchSummary> {
    const { plan, output, language = 'en' } = this.options;
    const notRun: AppError = this.stoppedBy ?? appError('cancelled');
    const outcomes: RowOutcome[] = [
      ...plan.invalid.map((bad): RowOutcome => ({ row: bad.row, status: 'invalid', problems: bad.problems })),
      ...plan.rows.map(
        (row, index): RowOutcome =>
          this.outcomes.get(row.row) ?? {
            row: row.row,
            status: 'not-run',
            file: this.names[index],
            error: notRun,
          },
      ),
    ].sort((a, b) => a.row - b.row);
    const own = await this.ownOutputNames(output.zipFile);
    let resultsFile = resolve(output.resultsFile ?? join(this.outDir, own.results));
    let outputError: AppError | undefined;
    try {
      await writeResultsCsv(resultsFile, outcomes, language);
    } catch (caught) {
      outputError = resultsNotWritten(asAppError(caught));
      resultsFile = '';
    }
    let zipFile: string | undefined;
    if (output.zipFile && !this.skipZip) {
      const zipPath = own.zip ? join(this.outDir, own.zip) : output.zipFile;
      try {
        await mkdir(dirname(resolve(zipPath)), { recursive: true });
        const members = outcomes
          .filter((o) => o.status === 'done' && o.file)
          .map((o) => ({ name: o.file!, path: join(this.outDir, o.file!) }));
        const results = resultsFile ? [{ name: basename(resultsFile), path: resultsFile }] : [];
        await writeZip(zipPath, [...members, ...results]);
        zipFile = resolve(zipPath);
      } catch (caught) {
        outputError ??= asAppError(caught);
      }
    }
    return {
      id: this.id,
      progress: { ...this.progress(), state: 'finished' },
      outcomes,
      cancelled: this.cancelled,
      ...(this.stoppedBy ? { stoppedBy: this.stoppedBy } : {}),
      resultsFile,
      ...(zipFile ? { zipFile } : {}),
      ...(outputError ? { outputError } : {}),
      ...(this.notKept.error
        ? { notKept: notKeptSummary(this.notKept.count, this.outDir, this.notKept.error) }
        : {}),
    };
  }

  /**
   * The names this batch writes its results and (a ZIP inside its folder) under: never over another
   * batch's or the user's file already there, which gets this batch's own name instead. Remembered
   * with the batch, so a continued run writes the same files again.
   */
  private async ownOutputNames(zipFile: string | undefined): Promise<{ results: string; zip?: string }> {
    const memo = join(batchFolder(this.options.dataDir, this.id), OUTPUT_NAMES);
    const remembered = await readFile(memo, 'utf8').then(
      (text) => JSON.parse(text) as { results: string; zip?: string },
      () => undefined,
    );
    if (remembered) return remembered;
    // Only a file there is someone's: anything else in the way fails the write, and says so.
    const mine = async (name: string) => {
      const dot = name.lastIndexOf('.');
      const taken =
        this.present.has(name) && (await stat(join(this.outDir, name)).catch(() => undefined))?.isFile();
      return taken ? `${name.slice(0, dot)}-${this.id.slice(0, 8)}${name.slice(dot)}` : name;
    };
    const inside = zipFile !== undefined && dirname(resolve(zipFile)) === this.outDir;
    const names = {
      results: await mine('results.csv'),
      ...(inside ? { zip: await mine(basename(zipFile)) } : {}),
    };
    await writeFileAtomic(memo, JSON.stringify(names)).catch(() => {});
    return names;
  }

  private setState(state: BatchState): void {
    if (this.currentState === state) return;
    this.currentState = state;
    this.emit('state', state);
    this.emitProgress(true);
  }

  private emitProgress(force: boolean): void {
    const now = performance.now();
    if (!force && now - this.lastProgressAt < PROGRESS_EVERY_MS) return;
    this.lastProgressAt = now;
    this.emit('progress', this.progress());
  }

  /** Resolves at the next change a waiting worker cares about: a row finished, resume, stop. */
  private changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const resolve of waiting) resolve();
  }
}

const asAppError = (caught: unknown): AppError =>
  caught instanceof Failure ? caught.error : appError('file', { detail: String(caught) });

/** Busy (-1), rate limits, token trouble and network faults may pass: the row is tried again later. */
function mayPass(error: AppError): boolean {
  if (error.errcode !== undefined && WECHAT_ERRORS[error.errcode]?.refreshToken) return true;
  return error.retryable === true || error.code === 'network' || error.code === 'timeout';
}

function stopsBatch(error: AppError): boolean {
  if (error.errcode !== undefined) return WHOLE_BATCH_ERRCODES.has(error.errcode);
  if (error.code === 'token-service') return error.retryable === false;
  return WHOLE_BATCH_CODES.has(error.code);
}

function isCancelled(caught: unknown): boolean {
  return caught instanceof Failure && caught.error.code === 'cancelled';
}
