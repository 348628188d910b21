import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { zipFileFor } from '../../shared/batch';
import { continuedBatch } from '../app/batch/batchContinue';
import { confirmQuota, newBatchJob, type PlanChoice, planFor } from '../app/batch/batchLaunch';
import { exampleNames, planView, sheetView, unfinishedView } from '../app/batch/batchViews';
import type { Services } from '../app/services';
import { openDroppedSheet } from '../core/batch/droppedSheet';
import {
  batchFolder,
  checkNotRunningElsewhere,
  removeBatch,
  unfinishedBatches,
  unreceivedCodes,
} from '../core/batch/journal';
import { checkNameTemplate } from '../core/batch/naming';
import type { BatchPlan } from '../core/batch/plan';
import { readSpreadsheet, type Sheet } from '../core/batch/spreadsheet';
import type { HandlerTable } from '../main/ipc';
import { accountById } from './accounts';
import {
  batchRunning,
  folderNotChosen,
  planGone,
  sheetGone,
  unansweredBefore,
  unfinishedGone,
  unfinishedRunning,
} from './batchErrors';

type BatchHandlers = Pick<HandlerTable, Extract<keyof HandlerTable, `batch:${string}`>>;

interface CheckedPlan {
  sheet: Sheet;
  accountId: string;
  choice: PlanChoice;
  plan: BatchPlan;
}

/** Sheets and plans are kept in memory while the user works on them; the oldest go first. */
const KEPT_SHEETS = 3;
const KEPT_PLANS = 20;
/** Folders the user chose in the folder dialog, by the grant the page holds for each. */
const KEPT_FOLDERS = 20;

/**
 * Batch generation from a spreadsheet: open → plan (validate, dedupe, quota) → start one job at a
 * time, with progress sent as 'batch:progress' events; unfinished batches continue from their journal.
 */
export function batchHandlers(services: Services): BatchHandlers {
  const { accounts, desktop, dataDir, batches: runner } = services;
  const sheets = new Map<string, Sheet>();
  const plans = new Map<string, CheckedPlan>();
  // The page never sends a path: it holds an opaque grant for a folder the user picked in main's
  // dialog, so a compromised page cannot write codes anywhere the user did not choose.
  const folders = new Map<string, string>();

  const keep = <T>(map: Map<string, T>, limit: number, value: T): string => {
    const id = randomUUID();
    map.set(id, value);
    for (const old of map.keys()) if (map.size > limit) map.delete(old);
    return id;
  };
  const planned = (planId: string): CheckedPlan => {
    const found = plans.get(planId);
    if (!found) throw planGone();
    return found;
  };
  const unfinished = async (batchId: string) => {
    const found = (await unfinishedBatches(dataDir)).find((b) => b.manifest.id === batchId);
    if (!found) throw unfinishedGone();
    if (runner.isRunning(batchId)) throw unfinishedRunning();
    return found;
  };

  return {
    'batch:open': async () => {
      const file = await desktop.chooseSpreadsheet();
      if (file === undefined) return null;
      const sheet = await readSpreadsheet(file);
      return sheetView(keep(sheets, KEPT_SHEETS, sheet), sheet);
    },

    'batch:openDropped': async ({ name, bytes }) => {
      const sheet = await openDroppedSheet(dataDir, name, bytes);
      return sheetView(keep(sheets, KEPT_SHEETS, sheet), sheet);
    },

    'batch:plan': async ({ sheetId, accountId, ...choice }) => {
      const sheet = sheets.get(sheetId);
      if (!sheet) throw sheetGone();
      // Codes another process (the CLI) made since are free: the plan counts them so.
      await services.library.refresh();
      const plan = planFor(services, sheet, await accountById(accounts, accountId), choice);
      return planView(keep(plans, KEPT_PLANS, { sheet, accountId, choice, plan }), plan);
    },

    'batch:names': async ({ planId, nameTemplate }) => ({
      exampleNames: exampleNames(planned(planId).plan, nameTemplate),
    }),

    'batch:chooseFolder': async () => {
      const folder = await desktop.chooseFolder();
      return folder === undefined ? null : { grant: keep(folders, KEPT_FOLDERS, folder), folder };
    },

    'batch:start': ({ planId, folderGrant, nameTemplate, zip, concurrency, ratePerMinute }) =>
      runner.claim(async () => {
        const { sheet, accountId, choice } = planned(planId);
        if (runner.isRunning()) throw batchRunning();
        const dir = folders.get(folderGrant);
        if (dir === undefined) throw folderNotChosen();
        checkNameTemplate(nameTemplate, sheet.headers);
        const account = await accountById(accounts, accountId);
        // Planned again: codes made since (by the form, another batch, the CLI) are now free, and the quota is current.
        await services.library.refresh();
        const plan = planFor(services, sheet, account, choice);
        // Asked while this start holds the batch slot: a second Start meanwhile is refused, not asked twice.
        const fileName = basename(sheet.file);
        await confirmQuota(services, plan.quota, {
          fileName,
          kind: choice.kind,
          rows: plan.rows.length,
          outDir: dir,
        });
        const job = await newBatchJob(services, {
          plan,
          account,
          output: { dir, nameTemplate, ...(zip ? { zipFile: zipFileFor(dir) } : {}) },
          concurrency,
          ratePerMinute,
          resume: false,
        });
        // An unfinished run of this very batch with calls never answered: only Continue reports them.
        const earlier = (await unfinishedBatches(services.dataDir)).find((b) => b.manifest.id === job.id);
        if (earlier && earlier.unansweredCalls.size > 0) throw unansweredBefore();
        return runner.start(job, {
          accountId,
          fileName,
          skippedRows: plan.invalid.length,
          outDir: dir,
        });
      }),

    'batch:pause': async ({ jobId }) => runner.pause(jobId),
    'batch:resume': async ({ jobId }) => runner.resume(jobId),
    'batch:cancel': async ({ jobId }) => runner.cancel(jobId),
    'batch:status': async () => runner.status(),

    'batch:unfinished': async () =>
      Promise.all(
        (await unfinishedBatches(dataDir))
          .filter((b) => !runner.isRunning(b.manifest.id))
          .map(async (b) => unfinishedView(b, await unreceivedCodes(b.unansweredCalls, services.library))),
      ),

    'batch:continue': ({ batchId }) =>
      runner.claim(async () => {
        if (runner.isRunning()) throw batchRunning();
        const { job, quota, spend, ...info } = await continuedBatch(services, await unfinished(batchId));
        // The user may have stopped this batch to stop spending: going on spends only with their yes.
        await confirmQuota(services, quota, spend);
        return runner.start(job, info);
      }),

    'batch:discard': ({ batchId }) =>
      runner.claim(async () => {
        const { manifest } = await unfinished(batchId);
        // A CLI process running it would lose its journal mid-run.
        await checkNotRunningElsewhere(batchFolder(dataDir, batchId), manifest.input);
        await removeBatch(batchFolder(dataDir, batchId));
        return { discarded: true as const };
      }),

    // Selects the results file (or the folder) in the file manager rather than opening the folder:
    // opening a folder named *.app on macOS runs it.
    'batch:showOutput': async ({ jobId }) => {
      desktop.showInFolder(runner.shownPath(jobId));
      return { shown: true };
    },
  };
}
