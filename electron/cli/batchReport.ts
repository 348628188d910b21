import { LIMITED_QUOTA } from '../../shared/codeRequest';
import { resultsPointer, rowsInvalid, rowsNotMade } from '../../shared/errors/cli';
import type { AppError } from '../../shared/result';
import type { BatchSummary } from '../core/batch/batchJob';
import type { BatchPlan } from '../core/batch/plan';
import { countOutcomes } from '../core/batch/results';

type Language = 'en' | 'zh';

const SHOWN_INVALID_ROWS = 10;
const n = (value: number) => value.toLocaleString('en-US');

/** What the batch holds and what it will cost, before anything is sent. */
export function planLines(plan: BatchPlan, language: Language): string[] {
  const valid = plan.rows.length;
  const total = valid + plan.invalid.length;
  const { quota } = plan;
  const columns = Object.entries(plan.mapping)
    .map(([column, index]) => `${column}=“${plan.sheet.headers[index] ?? ''}”`)
    .join(', ');
  const encoding = plan.sheet.encoding ? `, ${plan.sheet.encoding}` : '';
  const lines =
    language === 'zh'
      ? [
          `${plan.sheet.file}（${plan.sheet.format}${encoding}）：${n(total)} 行，有效 ${n(valid)} 行，无效 ${n(plan.invalid.length)} 行；码类型 ${plan.kind}；列：${columns}`,
          `重复的行 ${n(plan.repeats)} 行（只生成一次），码库中已有 ${n(plan.inLibrary)} 个（不调用接口），需新生成 ${n(quota.newCodes)} 个。`,
        ]
      : [
          `${plan.sheet.file} (${plan.sheet.format}${encoding}): ${n(total)} rows, ${n(valid)} valid, ${n(plan.invalid.length)} invalid; code type ${plan.kind}; columns ${columns}`,
          `${n(plan.repeats)} rows repeat an earlier row (made once), ${n(plan.inLibrary)} codes are in the library already (no API call), ${n(quota.newCodes)} new codes to make.`,
        ];
  if (quota.spends) lines.push(quotaLine(plan, language));
  return lines;
}

function quotaLine(plan: BatchPlan, language: Language): string {
  const { newCodes, numUsed, remaining } = plan.quota;
  if (numUsed === undefined || remaining === undefined) {
    return language === 'zh'
      ? `将消耗 ${n(newCodes)} 个 100,000 总额度（已用数量未知：尚未从此 AppID 收到过 Num-Used）。`
      : `This spends ${n(newCodes)} of the ${n(LIMITED_QUOTA)} lifetime codes (how many are used is not known yet: no Num-Used seen for this AppID).`;
  }
  return language === 'zh'
    ? `将消耗 ${n(newCodes)} 个 100,000 总额度；已用 ${n(numUsed)}，剩余 ${n(remaining)}。`
    : `This spends ${n(newCodes)} of the ${n(LIMITED_QUOTA)} lifetime codes; ${n(numUsed)} used, ${n(remaining)} left.`;
}

/** The first invalid rows with the field at fault and the fix; the results CSV lists them all. */
export function invalidRowLines(plan: BatchPlan, language: Language): string[] {
  const lines = plan.invalid.slice(0, SHOWN_INVALID_ROWS).map((bad) => {
    const problems = bad.problems
      .map((p) => `${p.column ?? p.field}: ${p.message[language]} ${p.hint[language]}`)
      .join(' | ');
    return language === 'zh' ? `  第 ${bad.row} 行 — ${problems}` : `  row ${bad.row} — ${problems}`;
  });
  const more = plan.invalid.length - SHOWN_INVALID_ROWS;
  if (more > 0)
    lines.push(
      language === 'zh' ? `  ……另有 ${more} 行，见结果 CSV。` : `  … and ${more} more; see the results CSV.`,
    );
  if (lines.length) {
    lines.unshift(
      language === 'zh' ? '以下行无效，将被跳过：' : 'These rows are invalid and will be skipped:',
    );
  }
  return lines;
}

export function summaryLines(summary: BatchSummary, language: Language): string[] {
  const { done, failed, invalid, notRun, fromLibrary } = countOutcomes(summary.outcomes);
  const lines =
    language === 'zh'
      ? [
          `完成 ${n(done)} 行（其中 ${n(fromLibrary)} 个来自码库），失败 ${n(failed)}，无效 ${n(invalid)}，未运行 ${n(notRun)}。`,
          summary.resultsFile ? `结果：${summary.resultsFile}` : '结果：结果 CSV 未能写入（原因见下）。',
        ]
      : [
          `${n(done)} rows done (${n(fromLibrary)} from the library), ${n(failed)} failed, ${n(invalid)} invalid, ${n(notRun)} not run.`,
          summary.resultsFile
            ? `Results: ${summary.resultsFile}`
            : 'Results: the results CSV could not be written (see below why).',
        ];
  if (summary.notKept) lines.push(`${summary.notKept.message[language]} ${summary.notKept.hint[language]}`);
  if (summary.zipFile) lines.push(`ZIP: ${summary.zipFile}`);
  if (summary.progress.numUsed !== undefined) {
    lines.push(`Num-Used: ${summary.progress.numUsed} of ${LIMITED_QUOTA}`);
  }
  return lines;
}

/** Said before a resumed run starts: the stopped run may have been charged for codes it never got. */
export function unreceivedLine(count: number, language: Language): string {
  return language === 'zh'
    ? `注意：上次运行在微信生成 ${n(count)} 个码时被中断，未收到这些码，但微信可能已计费。继续运行会重新生成它们。`
    : `Note: ${n(count)} code(s) may have been paid for without being received: the earlier run was stopped while WeChat was making them. Resuming makes them again.`;
}

/**
 * The error the CLI exits with when not every row was done, or undefined when all were. Precedence,
 * so a script learns the first thing to fix: any invalid row → 2 (nothing was sent for it), else
 * any WeChat error → 3, else anything else (network, files, cancelled) → 4.
 */
export function batchExitError(summary: BatchSummary): AppError | undefined {
  let invalid = 0;
  let unfinished = 0;
  let wechatError: AppError | undefined;
  let anyError: AppError | undefined;
  // Read through once: a batch's outcomes are on disk, never all in memory.
  for (const o of summary.outcomes) {
    if (o.status === 'invalid') invalid++;
    if (o.status !== 'failed' && o.status !== 'not-run') continue;
    unfinished++;
    if (o.error?.code === 'wechat') wechatError ??= o.error;
    anyError ??= o.error;
  }
  const firstError = summary.stoppedBy ?? wechatError ?? anyError ?? summary.outputError;
  if (!invalid && !unfinished && !summary.outputError) return undefined;
  const see = resultsPointer(summary.resultsFile);
  if (invalid) return rowsInvalid(invalid, unfinished, see);
  // Every row was made; only the results CSV or the ZIP is missing.
  if (!unfinished && summary.outputError) return summary.outputError;
  const reason = firstError ?? { message: { en: '', zh: '' }, hint: see };
  return rowsNotMade(
    wechatError ? 'wechat' : (firstError?.code ?? 'internal'),
    unfinished,
    reason,
    see,
  );
}
