import { basename, join } from 'node:path';
import {
  type BatchUpdate,
  type PlanView,
  type SheetView,
  type UnfinishedBatchView,
  zipFileFor,
} from '../../../shared/batch';
import {
  type BatchPrint,
  type BatchPrintChoice,
  type LogoGrant,
  printsAnything,
} from '../../../shared/batchPrint';
import { campaignError, defaultCampaign } from '../../../shared/campaign';
import {
  batchRunning,
  folderNotChosen,
  logoNotChosen,
  planGone,
  sheetGone,
  unansweredBefore,
  unfinishedGone,
  unfinishedRunning,
} from '../../../shared/errors/batch';
import type { BatchSampleView, FolderGrant } from '../../../shared/ipc/channels';
import { Failure } from '../../../shared/result';
import { openDroppedSheet } from '../../core/batch/droppedSheet';
import {
  batchFolder,
  checkNotRunningElsewhere,
  removeBatch,
  unfinishedBatches,
  unreceivedCodes,
} from '../../core/batch/journal';
import { checkNameTemplate } from '../../core/batch/naming';
import type { BatchPlan } from '../../core/batch/plan';
import { readSpreadsheet, type Sheet } from '../../core/batch/spreadsheet';
import type { AccountStore } from '../../core/storage/accounts';
import type { ErrorLog } from '../../core/storage/errorLog';
import type { AccountService } from '../accounts/accountService';
import type { Notify } from '../desktop/desktop';
import type { PosterStore } from '../posters/posterStore';
import { continuedBatch } from './batchContinue';
import { confirmQuota, type LaunchDeps, newBatchJob, type PlanChoice, planFor } from './batchLaunch';
import { printingFor } from './batchPrinting';
import { BatchRunner } from './batchRunner';
import { type MakeOne, sampleFirstRow } from './batchSample';
import { exampleNames, planView, sheetView, unfinishedView } from './batchViews';
import { KeptById } from './keptById';

export interface BatchSessionDeps extends LaunchDeps {
  accounts: AccountStore;
  accountService: AccountService;
  notify: Notify;
  log: ErrorLog;
  /** One code as the form makes it (CodeService.generate): the first row the user checks before Start. */
  makeOne: MakeOne;
  /** Saved poster templates: the Print part names one by id. */
  posters: PosterStore;
}

/** What Start is given besides the plan: where the codes go, named how, and how fast. */
export interface StartChoice {
  planId: string;
  folderGrant: string;
  nameTemplate: string;
  zip: boolean;
  concurrency: number;
  ratePerMinute: number;
  /** What the codes are for, as typed in Start's Campaign field; absent: the sheet's name. */
  campaign?: string | undefined;
  /** The Print part's choices: labels, logo (by grant), printed size, format, sheet. */
  print?: BatchPrintChoice | undefined;
}

interface CheckedPlan {
  sheet: Sheet;
  accountId: string;
  choice: PlanChoice;
  plan: BatchPlan;
}

/** The print sheet a batch started in the app writes, in its output folder. */
const SHEET_FILE = 'sheet.pdf';

/** Sheets and plans are kept in memory while the user works on them; the oldest go first. */
const KEPT_SHEETS = 3;
const KEPT_PLANS = 20;
/** Folders the user chose in the folder dialog, by the grant the page holds for each. */
const KEPT_FOLDERS = 20;

/**
 * The Batch view's work in main: open a sheet → plan it (validate, dedupe, quota) → start one job
 * at a time, with progress sent as 'batch:progress' events; unfinished batches continue from their
 * journal.
 */
export class BatchSession {
  private readonly sheets = new KeptById<Sheet>(KEPT_SHEETS);
  private readonly plans = new KeptById<CheckedPlan>(KEPT_PLANS);
  // The page never sends a path: it holds an opaque grant for a folder the user picked in main's
  // dialog, so a compromised page cannot write codes anywhere the user did not choose.
  private readonly folders = new KeptById<string>(KEPT_FOLDERS);
  /** Logos the user chose in the image dialog, by grant: the page never names a file either. */
  private readonly logos = new KeptById<string>(KEPT_FOLDERS);
  private readonly runner: BatchRunner;

  constructor(private readonly app: BatchSessionDeps) {
    this.runner = new BatchRunner(app);
  }

  /** The spreadsheet the user picks in the open dialog; null when they cancel. */
  async open(): Promise<SheetView | null> {
    const file = await this.app.desktop.chooseSpreadsheet();
    if (file === undefined) return null;
    const sheet = await readSpreadsheet(file);
    return sheetView(this.sheets.keep(sheet), sheet);
  }

  async openDropped(name: string, bytes: Uint8Array): Promise<SheetView> {
    const sheet = await openDroppedSheet(this.app.dataDir, name, bytes);
    return sheetView(this.sheets.keep(sheet), sheet);
  }

  async plan(sheetId: string, accountId: string, choice: PlanChoice): Promise<PlanView> {
    const sheet = this.sheets.get(sheetId);
    if (!sheet) throw sheetGone();
    // Codes another process (the CLI) made since are free: the plan reads the shared library, so it counts them so.
    const plan = planFor(this.app, sheet, await this.app.accountService.byId(accountId), choice);
    return planView(this.plans.keep({ sheet, accountId, choice, plan }), plan);
  }

  /** The first rows' file names under `nameTemplate`. */
  names(planId: string, nameTemplate: string): string[] {
    return exampleNames(this.planned(planId).plan, nameTemplate);
  }

  /** The first valid row, made (or found in the library) and named under `nameTemplate`, for the user to check before Start. */
  async sample(planId: string, nameTemplate: string, print?: BatchPrintChoice): Promise<BatchSampleView> {
    const { sheet, accountId, choice } = this.planned(planId);
    // No output folder yet: the sheet is not part of the row's look.
    const options = print && this.printOptions({ ...print, sheet: undefined }, '');
    const printing = await printingFor(options, sheet, choice);
    const account = await this.app.accountService.byId(accountId);
    return sampleFirstRow(this.app, { sheet, account, nameTemplate, ...printing });
  }

  /** The folder the user picks in the folder dialog, with the grant that names it; null when they cancel. */
  async chooseFolder(): Promise<FolderGrant | null> {
    const folder = await this.app.desktop.chooseFolder();
    return folder === undefined ? null : { grant: this.folders.keep(folder), folder };
  }

  /** The logo the user picks in the image dialog, with the grant that names it; null when they cancel. */
  async chooseLogo(): Promise<LogoGrant | null> {
    const file = await this.app.desktop.chooseImage();
    return file === undefined ? null : { grant: this.logos.keep(file), name: basename(file) };
  }

  start({
    planId,
    folderGrant,
    nameTemplate,
    zip,
    concurrency,
    ratePerMinute,
    campaign,
    print: printChoice,
  }: StartChoice): Promise<BatchUpdate> {
    const { app, runner } = this;
    return runner.claim(async () => {
      const { sheet, accountId, choice } = this.planned(planId);
      if (runner.isRunning()) throw batchRunning();
      const dir = this.folders.get(folderGrant);
      if (dir === undefined) throw folderNotChosen();
      checkNameTemplate(nameTemplate, sheet.headers);
      const named = campaign ?? defaultCampaign(basename(sheet.file));
      const badCampaign = campaignError(named);
      if (badCampaign) throw new Failure(badCampaign);
      const print = printChoice && this.printOptions(printChoice, dir);
      // Checked against the sheet's columns, the logo and poster read, before the quota question and any call.
      const { choice: sized } = await printingFor(print, sheet, choice);
      const account = await app.accountService.byId(accountId);
      // Planned again: codes made since (by the form, another batch, the CLI) are now free, and the quota is current.
      const plan = planFor(app, sheet, account, sized);
      // Asked while this start holds the batch slot: a second Start meanwhile is refused, not asked twice.
      const fileName = basename(sheet.file);
      await confirmQuota(app, plan.quota, {
        fileName,
        kind: choice.kind,
        rows: plan.rows.length,
        outDir: dir,
      });
      const job = await newBatchJob(app, {
        plan,
        account,
        output: {
          dir,
          nameTemplate,
          ...(zip ? { zipFile: zipFileFor(dir) } : {}),
          ...(print && printsAnything(print) ? { print } : {}),
        },
        concurrency,
        ratePerMinute,
        campaign: named.trim(),
        resume: false,
      });
      // An unfinished run of this very batch with calls never answered: only Continue reports them.
      const earlier = (await unfinishedBatches(app.dataDir)).find((b) => b.manifest.id === job.id);
      if (earlier && earlier.unansweredCalls.size > 0) throw unansweredBefore();
      return runner.start(job, {
        accountId,
        fileName,
        skippedRows: plan.invalid.length,
        outDir: dir,
      });
    });
  }

  /** The page's choices as the batch keeps them: the logo's file from its grant, the sheet in the output folder. */
  private printOptions(choice: BatchPrintChoice, dir: string): BatchPrint {
    const { logoGrant, posterId, sheet, ...rest } = choice;
    const logoFile = logoGrant === undefined ? undefined : this.logos.get(logoGrant);
    if (logoGrant !== undefined && logoFile === undefined) throw logoNotChosen();
    return {
      ...rest,
      ...(logoFile ? { logoFile } : {}),
      ...(posterId === undefined ? {} : { posterFile: this.app.posters.file(posterId) }),
      ...(sheet ? { sheet: { ...sheet, file: join(dir, SHEET_FILE) } } : {}),
    };
  }

  pause(jobId: string): BatchUpdate {
    return this.runner.pause(jobId);
  }

  resume(jobId: string): BatchUpdate {
    return this.runner.resume(jobId);
  }

  cancel(jobId: string): BatchUpdate {
    return this.runner.cancel(jobId);
  }

  /** The running or last batch. */
  status(): BatchUpdate | null {
    return this.runner.status();
  }

  /** Whether a batch is running now. */
  isRunning(): boolean {
    return this.runner.isRunning();
  }

  /** For quitting: see BatchRunner.shutdown. */
  shutdown(timeoutMs: number): Promise<void> {
    return this.runner.shutdown(timeoutMs);
  }

  /** Batches that stopped before every row was done, but for the one running now. */
  async unfinished(): Promise<UnfinishedBatchView[]> {
    const { dataDir, library } = this.app;
    return Promise.all(
      (await unfinishedBatches(dataDir))
        .filter((b) => !this.runner.isRunning(b.manifest.id))
        .map(async (b) => unfinishedView(b, await unreceivedCodes(b.unansweredCalls, library))),
    );
  }

  continue(batchId: string): Promise<BatchUpdate> {
    const { app, runner } = this;
    return runner.claim(async () => {
      if (runner.isRunning()) throw batchRunning();
      const { job, quota, spend, ...info } = await continuedBatch(app, await this.unfinishedOne(batchId));
      // The user may have stopped this batch to stop spending: going on spends only with their yes.
      await confirmQuota(app, quota, spend);
      return runner.start(job, info);
    });
  }

  discard(batchId: string): Promise<void> {
    const { dataDir } = this.app;
    return this.runner.claim(async () => {
      const { manifest } = await this.unfinishedOne(batchId);
      // A CLI process running it would lose its journal mid-run.
      await checkNotRunningElsewhere(batchFolder(dataDir, batchId), manifest.input);
      await removeBatch(batchFolder(dataDir, batchId));
    });
  }

  /**
   * Selects the results file (or the folder) in the file manager rather than opening the folder:
   * opening a folder named *.app on macOS runs it.
   */
  showOutput(jobId: string): void {
    this.app.desktop.showInFolder(this.runner.shownPath(jobId));
  }

  private planned(planId: string): CheckedPlan {
    const found = this.plans.get(planId);
    if (!found) throw planGone();
    return found;
  }

  private async unfinishedOne(batchId: string) {
    const found = (await unfinishedBatches(this.app.dataDir)).find((b) => b.manifest.id === batchId);
    if (!found) throw unfinishedGone();
    if (this.runner.isRunning(batchId)) throw unfinishedRunning();
    return found;
  }
}
