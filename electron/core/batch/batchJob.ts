import { EventEmitter, setMaxListeners } from 'node:events';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { BATCH_CONCURRENCY, BATCH_PACE, type BatchProgress, type BatchState } from '../../../shared/batch';
import { batchPrintSchema, printsAnything } from '../../../shared/batchPrint';
import { appError } from '../../../shared/errors';
import { fileTaken, notKeptSummary } from '../../../shared/errors/batch';
import { type AppError, Failure } from '../../../shared/result';
import { type CodeAccount, CodeMaker, type MadeCode } from '../codes/codeMaker';
import { writeFileAtomic } from '../storage/atomicFile';
import type { Library } from '../storage/library';
import { cancelled } from '../wechat/abortable';
import { BatchPrinter } from './batchPrint';
import { startBatch } from './batchStart';
import { isCancelled } from './errorPolicy';
import { type BatchManifest, batchId, type Journal, removeBatch, unreceivedCodes } from './journal';
import { type NamesPresent, NamesPresentBuilder } from './namesPresent';
import { defaultNameTemplate, fileNameList } from './naming';
import { type BatchOutput, writeOutputs } from './outputs';
import type { BatchPlan } from './plan';
import { ProgressMeter, secondsLeft } from './progressMeter';
import { RateLimiter } from './rateLimiter';
import type { RowOutcome } from './results';
import { RowFailures, type WhenRowsFail } from './rowFailures';
import { batchCampaign, rowOrigin } from './rowOrigin';
import { RowOutcomes } from './rowOutcomes';
import { type FreeSlot, type QueueItem, RowScheduler } from './scheduler';
import type { RowList } from './spillList';
import { filesPresent, rowFilePath } from './subfolders';

export type { BatchOutput };

export interface BatchJobOptions extends WhenRowsFail {
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
  /** What the codes are for (History lists them under it); default: the sheet's name. Part of the batch's id. */
  campaign?: string;
  /** Skip the rows an earlier run of the same batch finished. */
  resume?: boolean;
  /** Language of the results CSV's messages. */
  language?: 'en' | 'zh';
}

export type { BatchProgress, BatchState };

export interface BatchSummary {
  id: string;
  progress: BatchProgress;
  /** Every spreadsheet row, invalid ones included, in row order (on disk: see spillList.ts). */
  outcomes: RowList<RowOutcome>;
  cancelled: boolean;
  /** What stopped the batch before every row was tried (a rejected AppSecret, a full disk, …). */
  stoppedBy?: AppError;
  /** '' when it could not be written (outputError says why). */
  resultsFile: string;
  zipFile?: string;
  /** The print sheet PDF, when the print options asked for one. */
  sheetFile?: string;
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

const PROGRESS_EVERY_MS = 250;

/**
 * Runs a planned batch: bounded concurrency under a rate limiter, every finished row journaled
 * after its code is in the library and its file is written, so a crash or kill loses nothing and a
 * resumed run spends no quota twice. Progress comes as events; pause, resume and cancel are methods.
 */
export class BatchJob extends EventEmitter<BatchEvents> {
  readonly id: string;
  readonly campaign: string;
  private readonly names: RowList<string>;
  private readonly outDir: string;
  private readonly maker: CodeMaker;
  private readonly limiter: RateLimiter;
  private readonly scheduler: RowScheduler;
  private readonly meter = new ProgressMeter();
  private readonly outcomes: RowOutcomes;
  private readonly failures: RowFailures;
  private journal?: Journal;
  /** The print options' step (labels, logo, vector file, sheet); absent when the batch has none. */
  private printer?: BatchPrinter;
  /** Names in the output folder when the run started: a row's file among them may be another batch's. */
  private present: NamesPresent = new NamesPresentBuilder().done();
  /** Folders of the rows' files made so far: a subfolder per city is made once, not once per row. */
  private readonly madeFolders = new Set<string>();
  private notKept: { count: number; error?: AppError } = { count: 0 };
  /** Codes an earlier run of this batch may have paid for without receiving (it was killed mid-call). */
  private unreceived = 0;
  private currentState: BatchState = 'idle';
  private cancelled = false;
  private skipZip = false;
  private stoppedBy?: AppError;
  private numUsed?: number;
  private counts = { done: 0, fromLibrary: 0 };
  private lastProgressAt = 0;
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
    // Every row waiting on a call or its turn listens to both: more than Node's default of 10.
    setMaxListeners(0, this.stopController.signal, this.callController.signal);
    this.outDir = resolve(output.dir);
    const nameTemplate = output.nameTemplate ?? defaultNameTemplate(plan.mapping);
    this.names = fileNameList(plan.rows, nameTemplate, plan.sheet.headers);
    this.outcomes = new RowOutcomes(plan.rows.length);
    this.maker = options.maker ?? new CodeMaker(options.library);
    this.limiter = new RateLimiter(this.ratePerMinute);
    this.scheduler = new RowScheduler(
      (item, freeSlot) => this.runRow(item, freeSlot),
      () => {
        if (this.scheduler.inFlight === 0 && this.currentState === 'pausing') this.setState('paused');
      },
    );
    this.failures = new RowFailures(plan.kind, options, {
      queue: this.scheduler,
      pause: () => this.pause(),
      stop: (reason) => this.stop(reason),
      slowDown: (pauseMs) => {
        this.limiter.slowDown(pauseMs);
        this.emit('slowdown', { pauseMs, callsPerMinute: this.limiter.callsPerMinute });
      },
      failRow: (index, error) =>
        this.finish(index, { row: plan.rows.at(index)!.row, status: 'failed', error }),
      forgetRow: (index) => this.outcomes.forget(index),
    });
    this.id = batchId({
      input: plan.sheet.contentHash,
      kind: plan.kind,
      mapping: plan.mapping,
      style: plan.style,
      owner: plan.owner,
      outDir: this.outDir,
      nameTemplate,
      // Absent from batches an older version started, whose id must stay what it was.
      ...(options.campaign !== undefined ? { campaign: options.campaign } : {}),
      // Other labels or another size are other files: another batch, never a continued one.
      // In the schema's key order: the app, the CLI and a continued batch spell the same options alike.
      ...(printsAnything(output.print) ? { print: batchPrintSchema.parse(output.print) } : {}),
    });
    this.campaign = batchCampaign(plan, options.campaign);
  }

  private get concurrency(): number {
    return this.options.concurrency ?? BATCH_CONCURRENCY.default;
  }

  private get ratePerMinute(): number {
    return this.options.ratePerMinute ?? BATCH_PACE.default;
  }

  private get stopping(): boolean {
    return this.scheduler.stopping;
  }

  get state(): BatchState {
    return this.currentState;
  }

  /** Finish the rows in flight, then start no more until `resume()`. */
  pause(): void {
    if (this.currentState !== 'running') return;
    this.scheduler.pause();
    this.setState(this.scheduler.inFlight > 0 ? 'pausing' : 'paused');
  }

  resume(): void {
    if (this.currentState !== 'paused' && this.currentState !== 'pausing') return;
    this.failures.resumed();
    this.setState('running');
    this.scheduler.resume();
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
    const total = this.options.plan.rows.length;
    const failed = this.failures.count;
    const remaining = total - this.counts.done - failed;
    const codesPerSecond = this.meter.speed();
    const left = secondsLeft(remaining, codesPerSecond, this.currentState === 'running');
    const pausedBy = this.failures.pauseReason;
    const failures = this.failures.list();
    return {
      state: this.currentState,
      total,
      done: this.counts.done,
      failed,
      remaining,
      fromLibrary: this.counts.fromLibrary,
      codesPerSecond,
      ...(left !== undefined ? { secondsLeft: left } : {}),
      ...(this.limiter.callsPerMinute !== undefined ? { callsPerMinute: this.limiter.callsPerMinute } : {}),
      ...(this.numUsed !== undefined ? { numUsed: this.numUsed } : {}),
      ...(this.unreceived > 0 ? { unreceived: this.unreceived } : {}),
      ...(pausedBy ? { pausedBy } : {}),
      ...(failures.length > 0 ? { failures } : {}),
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
    // Checked and the logo read before anything is taken or called: a mistake costs nothing.
    const { print } = this.options.output;
    if (printsAnything(print)) this.printer = await BatchPrinter.open(print, plan.sheet.headers, plan.kind);
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
        ...(this.options.campaign !== undefined ? { campaign: this.options.campaign } : {}),
      },
    };
    const { journal, folder, releaseFolder } = await startBatch(
      this.options.dataDir,
      manifest,
      this.options.resume ?? false,
      async (journal) => {
        this.present = await filesPresent(this.outDir, this.names);
        this.unreceived = await unreceivedCodes(journal.unansweredCalls, this.options.library);
        this.options.library.recordBatch({
          batch: this.id,
          campaign: this.campaign,
          sourceFile: basename(plan.sheet.file),
          startedAt: manifest.startedAt,
        });
        this.queueUnfinished(journal);
      },
    );
    this.journal = journal;

    this.meter.start();
    if (!this.stopping) this.setState('running');
    const ticker = setInterval(() => this.emitProgress(true), 1000);
    ticker.unref();
    try {
      let summary: BatchSummary;
      try {
        try {
          await this.scheduler.run(this.concurrency);
          this.meter.end();
        } finally {
          clearInterval(ticker);
        }
        // Still holding the journal: a resume elsewhere must not start while results and ZIP are written.
        summary = await this.summarise();
      } finally {
        await journal.close();
      }
      if (plan.rows.length > 0 && this.counts.done === plan.rows.length) await removeBatch(folder);
      this.setState('finished');
      return summary;
    } finally {
      await releaseFolder();
    }
  }

  /**
   * Rows an earlier run finished count as done when their file is still there; the rest are fed to
   * the scheduler as it starts them, by index, so no object per row waits in memory.
   */
  private queueUnfinished(journal: Journal): void {
    const { present } = this;
    let index = 0;
    // A fresh start has nothing finished: the sheet's rows are not read again for nothing.
    const rows = journal.finished.size > 0 ? this.options.plan.rows : [];
    for (const row of rows) {
      const file = this.names.at(index)!;
      const fromLibrary = journal.finished.finishedAs(row.row, file);
      if (fromLibrary !== undefined && present.has(file)) {
        this.counts.done++;
        this.outcomes.done(index, fromLibrary);
      }
      index++;
    }
    this.scheduler.feedFrom(this.outcomes.notEnded(this.counts.done));
  }

  /**
   * One row: its call and the code kept in the library in a call slot; then, the slot freed for
   * the next row, its file written and its journal entry recorded behind (the scheduler bounds how
   * many rows write behind). The slot is held until the code is committed to the library, not just
   * until WeChat answered: a kill then finds every received code there, and a resumed run pays again
   * only for the calls in flight (at most one per slot), never for the rows writing behind. The
   * flush that keeps the commit through a power cut runs behind too, shared by the rows committing
   * meanwhile: a slot waiting on the disk would hold back the next call for nothing a kill could
   * lose. The row is done once its code is flushed and its file and journal entry are on disk; rows
   * writing together share their flushes (the library's, the folder's, the journal's).
   */
  private async runRow(item: QueueItem, freeSlot: FreeSlot): Promise<void> {
    const { plan, account, library } = this.options;
    const row = plan.rows.at(item.index)!;
    const file = this.names.at(item.index)!;
    let called = false;
    try {
      // The row's one look in the library: handed to the maker, which does not look again.
      const held = { entry: library.findKey(row.key) };
      if (!held.entry) await this.limiter.acquire(this.stopController.signal);
      // Paused while this row waited for its turn: no call goes out after the pause, the row waits too.
      if (this.scheduler.pauseWanted) {
        this.scheduler.putBack([item]);
        return;
      }
      const origin = rowOrigin(plan, row, this.id, this.campaign);
      // The row has its code: any streak of failures ends here, in the order the answers came. Reset
      // when the row ends instead, a row writing behind would wipe out the failures of rows that
      // called after it, and the batch would pause for the same error later than it says. Once only:
      // when the library's commit (or a stored code) gives the code, whichever comes first.
      let hasCode = false;
      const gotCode = () => {
        if (hasCode) return;
        hasCode = true;
        this.failures.codeReceived();
        freeSlot();
      };
      const made = await this.maker.make(account, row.request, {
        signal: this.callController.signal,
        origin,
        batchFile: file,
        committed: gotCode,
        held,
        beforeCall: async () => {
          // Stopped while waiting on another process's claim: no call after the user stopped.
          if (this.stopping) throw cancelled();
          await this.journal!.recordCall(row.row, row.key);
          called = true;
        },
      });
      gotCode();
      if (!made.fromLibrary) {
        this.limiter.passed();
        const reported = made.entry.numUsed;
        if (reported !== undefined) this.numUsed = Math.max(this.numUsed ?? 0, reported);
      }
      if (made.notKept) this.notKept = { count: this.notKept.count + 1, error: made.notKept };
      // A code the library held, or one another row of this batch is making, is this row's code too.
      const kept = made.entry.origin;
      if (kept?.batch !== this.id || kept.row !== row.row) {
        // Only History's listing of the batch would miss it (a full disk): the row itself is made.
        try {
          library.recordBatchRow({ batch: this.id, row: row.row, codeId: made.entry.codeId, file }, origin);
        } catch {}
      }
      await this.writeRowFile(file, made);
      const printed = (await this.printer?.writeRow(this.outDir, file, made.png, row)) ?? {};
      await this.journal!.record({ row: row.row, file, fromLibrary: made.fromLibrary });
      this.counts.done++;
      if (made.fromLibrary) this.counts.fromLibrary++;
      this.meter.rowFinished();
      this.finish(item.index, {
        row: row.row,
        status: 'done',
        file,
        ...printed,
        fromLibrary: made.fromLibrary,
        ...(row.sameAs !== undefined ? { sameAs: row.sameAs } : {}),
      });
    } catch (caught) {
      // WeChat answered without a code (or the network failed): nothing is left unreceived. A call
      // abandoned by the job's own abort was never answered: it stays unanswered, reported on resume.
      const abandoned = this.callController.signal.aborted && isCancelled(caught);
      if (called && !abandoned) await this.journal!.recordAnswered(row.row).catch(() => {});
      this.failures.rowFailed(item, caught);
    }
  }

  /**
   * Writes a row's PNG, but never over a different image this batch did not make (another batch's,
   * the user's): that row fails, saying so. The same image again (a resumed run) is harmless.
   */
  private async writeRowFile(file: string, made: MadeCode): Promise<void> {
    const path = await rowFilePath(this.outDir, file, this.madeFolders);
    if (this.present.has(file)) {
      const there = await readFile(path).catch(() => undefined);
      if (there && !there.equals(made.png)) throw new Failure(fileTaken(file, this.outDir));
    }
    // Resolves once the file is durable under its name: only then is the row journaled done. Its
    // folder's flush is shared by the rows writing meanwhile (syncFolder); writing rows' files in
    // groups was measured and cost no less CPU (docs/batch-engine-profile.md).
    await writeFileAtomic(path, made.png);
  }

  private finish(index: number, outcome: RowOutcome): void {
    if (outcome.status === 'done') this.outcomes.done(index, outcome.fromLibrary === true);
    else if (outcome.error) this.outcomes.failed(index, outcome.error);
    this.emit('row', outcome);
    this.emitProgress(false);
  }

  private stop(reason?: AppError): void {
    if (this.stopping) return;
    if (reason) this.stoppedBy = reason;
    this.scheduler.stop();
    // Cancelled before it ran: run() then only writes the results, every row not run.
    if (this.currentState !== 'idle') this.setState('stopping');
    this.stopController.abort();
  }

  private async summarise(): Promise<BatchSummary> {
    const { plan, output, language = 'en' } = this.options;
    const notRun = this.stoppedBy ?? appError('cancelled');
    const outcomes = this.outcomes.all(plan, this.names, notRun, this.printer);
    const written = await writeOutputs({
      batch: this.id,
      dataDir: this.options.dataDir,
      outDir: this.outDir,
      output,
      language,
      outcomes,
      present: this.present,
      skipZip: this.skipZip,
      ...(this.printer ? { printer: this.printer } : {}),
    });
    return {
      id: this.id,
      progress: { ...this.progress(), state: 'finished' },
      cancelled: this.cancelled,
      ...(this.stoppedBy ? { stoppedBy: this.stoppedBy } : {}),
      ...written,
      ...(this.notKept.error
        ? { notKept: notKeptSummary(this.notKept.count, this.outDir, this.notKept.error) }
        : {}),
    };
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
}
