import { appError } from '../../shared/errors';
import type { AppError } from '../../shared/result';
import { fileNames } from '../core/batch/naming';
import type { BatchPlan } from '../core/batch/plan';

// `wxacode batch --dry-run`: the plan a run would follow, with nothing sent and nothing written.

type Language = 'en' | 'zh';

const SHOWN_NAMES = 5;
const n = (value: number) => value.toLocaleString('en-US');

/** The first rows' file names in the output folder, and what to do next. */
export function dryRunLines(plan: BatchPlan, template: string, outDir: string, language: Language): string[] {
  const total = plan.rows.length;
  const names = fileNames(plan.rows.slice(0, SHOWN_NAMES), template, plan.sheet.headers);
  const heading =
    language === 'zh'
      ? `${outDir} 中的文件名（共 ${n(total)} 个${total > names.length ? `，前 ${names.length} 个` : ''}）：`
      : `File names in ${outDir} (${total > names.length ? `the first ${names.length} of ${n(total)}` : n(total)}):`;
  const done =
    language === 'zh'
      ? `试运行：未向微信发送任何请求，也未向 ${outDir} 写入任何文件。去掉 --dry-run 再运行同一命令即可生成。`
      : `Dry run: nothing was sent to WeChat and nothing was written to ${outDir}. Run the same command without --dry-run to make the codes.`;
  return [...(names.length ? [heading, ...names.map((name) => `  ${name}`)] : []), done];
}

/** What would stop or spoil the real run, so a script can tell from the exit code (2) before spending anything. */
export function dryRunProblem(plan: BatchPlan): AppError | undefined {
  const { quota } = plan;
  if (!quota.enough) return appError('quota', { needed: quota.newCodes, remaining: quota.remaining ?? 0 });
  const invalid = plan.invalid.length;
  if (invalid === 0) return undefined;
  return {
    code: 'field',
    field: 'rows',
    message: {
      en: `${invalid} row(s) are invalid: a run would skip them.`,
      zh: `${invalid} 行无效：正式运行时会跳过。`,
    },
    hint: {
      en: 'Fix them in the spreadsheet as listed above, or run without --dry-run to make the valid rows only.',
      zh: '请按上面所列在表格中修改；或去掉 --dry-run 运行，只生成有效的行。',
    },
  };
}
