import type { BatchStyle, ColumnMapping, QuotaCheck } from '../../../shared/batch';
import type { CodeKind } from '../../../shared/codeRequest';
import { appError } from '../../../shared/errors';
import type { AppInfo } from '../../../shared/ipc/channels';
import { Failure } from '../../../shared/result';
import { BatchJob, type BatchOutput } from '../../core/batch/batchJob';
import { type BatchPlan, lastNumUsed, planBatch } from '../../core/batch/plan';
import type { Sheet } from '../../core/batch/spreadsheet';
import type { CodeMaker } from '../../core/codes/codeMaker';
import type { Account } from '../../core/storage/accounts';
import type { Library } from '../../core/storage/library';
import type { SettingsStore } from '../../core/storage/settings';
import type { AccountClients } from '../accounts/accountClients';
import { appLanguage } from '../appLanguage';
import type { Desktop } from '../desktop/desktop';
import { type BatchSpend, batchSpendQuestion } from '../spend/spendQuestions';

// From a sheet to a job, the same way for a new batch and a continued one: the CLI's
// plan → quota → BatchJob, with the app's account, library and code maker.

/** What a batch is launched with: the app's library, code maker, account clients and dialogs. */
export interface LaunchDeps {
  dataDir: string;
  library: Library;
  codes: CodeMaker;
  clients: AccountClients;
  desktop: Desktop;
  settings: SettingsStore;
  info: Pick<AppInfo, 'systemLocale'>;
}

export interface PlanChoice {
  kind: CodeKind;
  mapping: ColumnMapping;
  style: BatchStyle;
}

/** Checks every row for the account, finds repeats and codes the library holds, and counts the quota. */
export function planFor(
  { library }: Pick<LaunchDeps, 'library'>,
  sheet: Sheet,
  account: Account,
  choice: PlanChoice,
): BatchPlan {
  return planBatch({
    sheet,
    ...choice,
    owner: account.appId,
    library,
    numUsed: lastNumUsed(library, account.appId, account.numUsed),
  });
}

/**
 * Limited and square codes spend a lifetime quota: a batch that needs more than is left is refused,
 * and one that spends any runs only when the user says yes to its count in main's native dialog,
 * which names the sheet, code type, rows and output folder (`spend`). The page cannot answer that
 * dialog, so a compromised page cannot spend quota by itself.
 */
export async function confirmQuota(
  services: Pick<LaunchDeps, 'desktop' | 'settings' | 'info'>,
  quota: QuotaCheck,
  spend: BatchSpend,
): Promise<void> {
  if (!quota.spends || quota.newCodes === 0) return;
  if (!quota.enough) {
    throw new Failure(appError('quota', { needed: quota.newCodes, remaining: quota.remaining ?? 0 }));
  }
  const question = batchSpendQuestion(quota, spend, await appLanguage(services));
  if (!(await services.desktop.confirm(question))) throw new Failure(appError('cancelled'));
}

export interface JobChoice {
  plan: BatchPlan;
  account: Account;
  output: BatchOutput;
  concurrency?: number;
  ratePerMinute?: number;
  campaign?: string | undefined;
  resume: boolean;
}

/** A job on the app's code maker, so a code the form is making at the same moment is made once. */
export async function newBatchJob(services: LaunchDeps, choice: JobChoice): Promise<BatchJob> {
  const { plan, account, output, concurrency, ratePerMinute, campaign, resume } = choice;
  return new BatchJob({
    plan,
    account: { accountId: account.id, appId: account.appId, client: services.clients.clientFor(account) },
    library: services.library,
    maker: services.codes,
    dataDir: services.dataDir,
    output,
    ...(concurrency !== undefined ? { concurrency } : {}),
    ...(ratePerMinute !== undefined ? { ratePerMinute } : {}),
    ...(campaign !== undefined ? { campaign } : {}),
    resume,
    // The results CSV speaks the app's language.
    language: await appLanguage(services),
  });
}
