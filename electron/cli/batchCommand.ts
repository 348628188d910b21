import { basename, join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { BATCH_CONCURRENCY, BATCH_PACE } from '../../shared/batch';
import { campaignError, defaultCampaign } from '../../shared/campaign';
import { CODE_KINDS, type CodeKind } from '../../shared/codeRequest';
import { appError } from '../../shared/errors';
import {
  badColumnFlag,
  kindUnclear,
  notAKind,
  restatedForFlag,
  spendNeedsYes,
} from '../../shared/errors/cli';
import { Failure } from '../../shared/result';
import { validateCodeRequest } from '../../shared/validateCodeRequest';
import { BatchJob } from '../core/batch/batchJob';
import { logBatch } from '../core/batch/batchLog';
import { unfinishedBatches, unreceivedCodes } from '../core/batch/journal';
import {
  BATCH_COLUMNS,
  type BatchColumn,
  guessKind,
  guessMapping,
  overrideMapping,
} from '../core/batch/mapping';
import { checkNameTemplate, defaultNameTemplate } from '../core/batch/naming';
import { type BatchPlan, lastNumUsed, planBatch } from '../core/batch/plan';
import { readSpreadsheet } from '../core/batch/spreadsheet';
import { fileAccountStore } from '../core/storage/accounts';
import { dataDir } from '../core/storage/dataDir';
import type { ErrorLog } from '../core/storage/errorLog';
import { Library } from '../core/storage/library';
import { sweepTemps } from '../core/storage/tempFiles';
import { createWechatClient } from '../core/wechat/wechatClient';
import { dryRunLines, dryRunProblem } from './batchDryRun';
import { BATCH_PRINT_FLAGS, BATCH_PRINT_USAGE, batchPrintFromFlags } from './batchPrintFlags';
import { showProgress } from './batchProgress';
import { batchExitError, invalidRowLines, planLines, summaryLines, unreceivedLine } from './batchReport';
import {
  asFlagError,
  CREDENTIAL_FLAGS,
  CREDENTIAL_USAGE,
  flagNotForKind,
  STYLE_FLAGS,
  STYLE_USAGE,
  styleFromFlags,
} from './codeFlags';
import { type CredentialFlags, credentialsFromFlags } from './credentials';
import { cliLanguage } from './errorText';
import { parseFlags, requireFlag, wholeNumber } from './flags';
import { POSTER_FLAG, POSTER_USAGE } from './posterFlags';

export const BATCH_USAGE = `wxacode batch FILE.(csv|txt|xlsx) --out DIR [--zip FILE] [--name '{row}-{name}.png' (any header is a placeholder; / makes subfolders)] [--kind limited|unlimited|qrcode] [--column path|scene|page|name|width|color=HEADER]... [--campaign NAME (History lists the codes under it; default: the file's name)] [--concurrency N] [--rate-per-minute N] [--resume] [--yes] [--dry-run] ${STYLE_USAGE} [--no-check-path] ${BATCH_PRINT_USAGE} ${POSTER_USAGE} ${CREDENTIAL_USAGE}
      --poster puts each row's code on the template, one poster per row beside its code as NAME-poster.png (or .pdf), listed in results.csv ({column} in its texts takes the row's value)
      --dry-run prints the plan (rows, bad rows and their fixes, quota, the first file names), sends nothing and writes no file; exit 2 if a row is invalid or the quota falls short
      exit 0 only when every row was made; otherwise 2 if any row is invalid (or another process runs this batch or writes into --out), else 3 if WeChat refused any, else 4`;

export async function batchCommand(
  args: string[],
  out: (line: string) => void,
  log: ErrorLog,
): Promise<void> {
  const { values, positionals } = parseFlags(
    args,
    {
      out: { type: 'string' },
      zip: { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string' },
      column: { type: 'string', multiple: true },
      campaign: { type: 'string' },
      concurrency: { type: 'string' },
      'rate-per-minute': { type: 'string' },
      resume: { type: 'boolean' },
      yes: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      ...STYLE_FLAGS,
      ...BATCH_PRINT_FLAGS,
      ...POSTER_FLAG,
      ...CREDENTIAL_FLAGS,
    },
    BATCH_USAGE,
  );
  const language = cliLanguage();
  const input = requireFlag(
    positionals[0],
    'FILE',
    'the .csv, .txt (Unicode text) or .xlsx file, one code per row',
    '.csv、.txt（Unicode 文本）或 .xlsx 文件（每行一个码）',
  );
  const outDir = requireFlag(values.out, '--out', 'the folder for the PNG files', '存放 PNG 文件的文件夹');
  // Unset, the engine's defaults apply (4 at a time, WeChat's 5,000 calls a minute).
  const concurrency = wholeNumber(
    '--concurrency',
    values.concurrency,
    BATCH_CONCURRENCY.min,
    BATCH_CONCURRENCY.max,
    BATCH_CONCURRENCY.default,
  );
  const ratePerMinute = wholeNumber(
    '--rate-per-minute',
    values['rate-per-minute'],
    BATCH_PACE.min,
    BATCH_PACE.max,
    BATCH_PACE.default,
  );
  const style = styleFromFlags(values);
  const campaign = values.campaign?.trim() ?? defaultCampaign(basename(input));
  const badCampaign = campaignError(campaign);
  if (badCampaign) throw new Failure(restatedForFlag(badCampaign, '--campaign', 0));

  const sheet = await readSpreadsheet(input);
  // Any header may name the files: the template is checked against the sheet, still before any call.
  if (values.name !== undefined) checkNameTemplate(values.name, sheet.headers);
  const mapping = overrideMapping(
    sheet.headers,
    guessMapping(sheet.headers),
    columnChoices(values.column ?? []),
  );
  const kind = chosenKind(values.kind) ?? guessKind(mapping);
  if (!kind) throw new Failure(kindUnclear());
  const unused = flagNotForKind(kind, values);
  if (unused) throw new Failure(unused);
  // Labels and the poster's placeholders are checked against the sheet's headers, the logo read:
  // still before any call.
  const { print, requestWidth } = await batchPrintFromFlags(values, sheet.headers, kind);
  // The printed size, else the poster's slot, decides the width WeChat is asked for.
  if (requestWidth !== undefined) style.width = String(requestWidth);
  const styleCheck = validateCodeRequest({ ...style, kind, path: 'pages/index/index', scene: 'x' });
  if (!styleCheck.ok) throw new Failure(asFlagError(styleCheck.errors[0]!, styleCheck.errors.length - 1));

  const credentials = await credentialsFromFlags(values as CredentialFlags);
  try {
    const home = dataDir();
    // Temp files of processes killed mid-write (data folder: settings, library, journals).
    await sweepTemps(home, 2);
    const library = await Library.open(join(home, 'library'));
    const accounts = fileAccountStore(home);
    const account = credentials.accountId ? await accounts.get(credentials.accountId) : undefined;
    const plan = planBatch({
      sheet,
      mapping,
      kind,
      style,
      owner: credentials.owner,
      library,
      numUsed: lastNumUsed(library, credentials.owner, account?.numUsed),
    });
    const dryRun = values['dry-run'] === true;
    for (const line of planLines(plan, language)) out(line);
    // A dry run's bad rows are its findings, on stdout; a real run's are warnings beside its progress.
    for (const line of invalidRowLines(plan, language)) {
      if (dryRun) out(line);
      else process.stderr.write(`${line}\n`);
    }
    if (dryRun) {
      const template = values.name ?? defaultNameTemplate(mapping);
      for (const line of dryRunLines(plan, template, outDir, language)) out(line);
      const problem = dryRunProblem(plan);
      if (problem) throw new Failure(problem);
      return;
    }
    await confirmQuota(plan, values.yes === true);

    const job = new BatchJob({
      plan,
      account: {
        accountId: credentials.accountId ?? '',
        appId: credentials.owner,
        client: createWechatClient({ apiBase: credentials.apiBase, tokens: credentials.tokens }),
      },
      library,
      dataDir: home,
      output: {
        dir: outDir,
        ...(values.name !== undefined ? { nameTemplate: values.name } : {}),
        ...(values.zip !== undefined ? { zipFile: values.zip } : {}),
        ...(print ? { print } : {}),
      },
      concurrency,
      ratePerMinute,
      campaign,
      resume: values.resume === true,
      language,
      // Nobody is there to press Resume tomorrow: stop, and --resume picks up the place.
      onDailyLimit: 'stop',
      // Nobody is there to fix it and press Resume: the same error row after row stops the batch.
      onFailFast: 'stop',
    });
    await noteUnfinishedRun(job.id, home, library, values.resume === true, language);
    const endDisplay = showProgress(job, process.stderr, language);
    const stopOnInterrupt = interruptStops(job, language);
    const summary = await job.run().finally(() => {
      stopOnInterrupt();
      endDisplay();
    });
    logBatch(log, summary);
    if (credentials.accountId && summary.progress.numUsed !== undefined) {
      await accounts.recordNumUsed(credentials.accountId, summary.progress.numUsed);
    }
    for (const line of summaryLines(summary, language)) out(line);
    if (summary.sheetFile)
      out(language === 'zh' ? `打印排版：${summary.sheetFile}` : `Print sheet: ${summary.sheetFile}`);
    const failure = batchExitError(summary);
    if (failure) throw new Failure(failure);
  } finally {
    await credentials.close();
  }
}

/**
 * Starting over is safe (made codes come from the library) but slower than resuming: say so. And
 * codes the stopped run may have paid for without receiving them are never passed over in silence.
 */
async function noteUnfinishedRun(
  id: string,
  home: string,
  library: Library,
  resume: boolean,
  language: 'en' | 'zh',
): Promise<void> {
  const earlier = (await unfinishedBatches(home)).find((b) => b.manifest.id === id);
  if (!earlier) return;
  const unreceived = await unreceivedCodes(earlier.unansweredCalls, library);
  if (unreceived > 0) process.stderr.write(`${unreceivedLine(unreceived, language)}\n`);
  if (resume || !earlier.finished) return;
  process.stderr.write(
    language === 'zh'
      ? `此批次上次运行未完成（已完成 ${earlier.finished} 行）。现在从头开始：已生成的码从码库取得，不耗额度；加 --resume 可直接跳过已完成的行。\n`
      : `An earlier run of this batch stopped with ${earlier.finished} rows finished. Starting over: codes already made come from the library at no quota cost; --resume skips the finished rows instead.\n`,
  );
}

/** First Ctrl+C: finish the rows in flight and stop. Second: abandon them too. */
function interruptStops(job: BatchJob, language: 'en' | 'zh'): () => void {
  let count = 0;
  const onInterrupt = () => {
    count++;
    job.cancel({ abandonInFlight: count > 1 });
    if (count === 1) {
      process.stderr.write(
        language === 'zh'
          ? '\n正在停止：等待进行中的行完成（再按一次 Ctrl+C 立即停止）。之后可用 --resume 继续。\n'
          : '\nStopping after the rows in flight (Ctrl+C again to stop at once). Continue later with --resume.\n',
      );
    }
  };
  process.on('SIGINT', onInterrupt);
  return () => process.off('SIGINT', onInterrupt);
}

/**
 * Limited and square codes spend a lifetime quota: the user says yes to the count first. A batch
 * that needs more than is left is refused outright, whatever the flags.
 */
async function confirmQuota(plan: BatchPlan, yes: boolean): Promise<void> {
  const { quota } = plan;
  if (!quota.spends || quota.newCodes === 0) return;
  if (!quota.enough) {
    throw new Failure(appError('quota', { needed: quota.newCodes, remaining: quota.remaining ?? 0 }));
  }
  if (yes) return;
  if (!process.stdin.isTTY) {
    throw new Failure(spendNeedsYes(quota.newCodes));
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(
      cliLanguage() === 'zh'
        ? `确认生成并消耗 ${quota.newCodes} 个额度？[y/N] `
        : `Make them and spend ${quota.newCodes} codes of the quota? [y/N] `,
    );
    if (!/^(y|yes|是)$/i.test(answer.trim())) throw new Failure(appError('cancelled'));
  } finally {
    prompt.close();
  }
}

function columnChoices(raw: string[]): Partial<Record<BatchColumn, string>> {
  const choices: Partial<Record<BatchColumn, string>> = {};
  for (const item of raw) {
    const [column, ...rest] = item.split('=');
    if (!BATCH_COLUMNS.includes(column as BatchColumn) || rest.length === 0) {
      throw new Failure(badColumnFlag(item));
    }
    choices[column as BatchColumn] = rest.join('=');
  }
  return choices;
}

function chosenKind(raw: string | undefined): CodeKind | undefined {
  if (raw === undefined) return undefined;
  const kind = CODE_KINDS.find((k) => k === raw.trim().toLowerCase());
  if (kind) return kind;
  throw new Failure(notAKind(raw));
}
