import { basename } from 'node:path';
import { z } from 'zod';
import { BATCH_CONCURRENCY, BATCH_PACE, type QuotaCheck } from '../../../shared/batch';
import { batchPrintSchema } from '../../../shared/batchPrint';
import { CAMPAIGN_MAX_CHARS } from '../../../shared/campaign';
import { inputChanged, inputUnreadable, noAccountFor, recordDamaged } from '../../../shared/errors/batch';
import { codeKind } from '../../../shared/ipc/channels';
import { Failure } from '../../../shared/result';
import type { BatchJob } from '../../core/batch/batchJob';
import type { UnfinishedBatch } from '../../core/batch/journal';
import type { BatchPlan } from '../../core/batch/plan';
import { readSpreadsheet } from '../../core/batch/spreadsheet';
import type { AccountStore } from '../../core/storage/accounts';
import type { BatchSpend } from '../spend/spendQuestions';
import { type LaunchDeps, newBatchJob, planFor } from './batchLaunch';
import type { RunInfo } from './batchRunner';

/** What BatchJob writes into a batch's manifest (BatchManifest.settings); read back with care, it is a file. */
const manifestSettings = z.object({
  kind: codeKind,
  mapping: z.partialRecord(
    z.enum(['path', 'scene', 'page', 'name', 'width', 'color']),
    z.number().int().min(0),
  ),
  style: z.record(z.string(), z.unknown()),
  owner: z.string().min(1),
  output: z.object({
    dir: z.string().min(1),
    nameTemplate: z.string().optional(),
    zipFile: z.string().optional(),
    resultsFile: z.string().optional(),
    // Absent from batches without print options; kept so Continue makes the same printed files.
    print: batchPrintSchema.optional(),
  }),
  // Absent from batches started before campaigns: they belong to their sheet's.
  campaign: z
    .string()
    .max(CAMPAIGN_MAX_CHARS * 4)
    .optional(),
  // Absent from batches started by an older version: they take BatchJob's defaults.
  concurrency: z.number().int().min(BATCH_CONCURRENCY.min).max(BATCH_CONCURRENCY.max).optional(),
  // An older CLI let a batch go faster than WeChat allows; it continues at WeChat's pace.
  ratePerMinute: z
    .number()
    .int()
    .min(BATCH_PACE.min)
    .transform((pace) => Math.min(pace, BATCH_PACE.max))
    .optional(),
});

export interface ContinuedBatch extends RunInfo {
  job: BatchJob;
  /** What the rows left would spend: codes made before are in the library and cost nothing. */
  quota: QuotaCheck;
  /** What the confirmation names: the sheet, code type, rows and output folder. */
  spend: BatchSpend;
}

/**
 * A batch that stopped before every row was done, set up to run again from its manifest: the same
 * file, settings and output, so finished rows are skipped and no quota is spent twice.
 */
export async function continuedBatch(
  services: LaunchDeps & { accounts: AccountStore },
  { manifest }: UnfinishedBatch,
): Promise<ContinuedBatch> {
  const parsed = manifestSettings.safeParse(manifest.settings);
  if (!parsed.success) throw recordDamaged();
  const settings = parsed.data;
  const account = (await services.accounts.list()).find((a) => a.appId === settings.owner);
  if (!account) throw noAccountFor(settings.owner);

  const sheet = await readSpreadsheet(manifest.input).catch((cause: unknown) => {
    throw cause instanceof Failure ? inputUnreadable(manifest.input, cause.error) : cause;
  });
  let job: BatchJob;
  let plan: BatchPlan;
  try {
    plan = planFor(services, sheet, account, settings);
    job = await newBatchJob(services, {
      plan,
      account,
      output: settings.output,
      concurrency: settings.concurrency,
      ratePerMinute: settings.ratePerMinute,
      campaign: settings.campaign,
      resume: true,
    });
  } catch (cause) {
    // The columns it was planned with are gone: the file is not the one the batch started from.
    if (cause instanceof Failure) throw inputChanged(manifest.input);
    throw cause;
  }
  // The id covers the file's bytes and every setting: another id means another file.
  if (job.id !== manifest.id) throw inputChanged(manifest.input);
  const fileName = basename(manifest.input);
  return {
    job,
    quota: plan.quota,
    spend: {
      fileName,
      kind: settings.kind,
      rows: plan.rows.length,
      outDir: manifest.outDir,
    },
    accountId: account.id,
    fileName,
    skippedRows: plan.invalid.length,
    outDir: manifest.outDir,
  };
}
