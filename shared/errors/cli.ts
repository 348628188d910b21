import { BATCH_COLUMNS } from '../batch';
import type { CodeKind } from '../codeRequest';
import type { AppError, Localized } from '../result';
import type { FieldError } from '../validateCodeRequest';
import type { ErrorCode } from './code';

// The `wxacode` command line: flags that are missing, malformed or do not fit together, named after
// the flag with the fix, like a form field. How an error is printed is the CLI's own (errorText.ts).

/** A mistake in the command line itself: named after the flag, with the fix, like a form field. */
export function flagError(flag: string, en: string, zh: string, fixEn: string, fixZh: string): AppError {
  return { code: 'field', field: flag, message: { en, zh }, hint: { en: fixEn, zh: fixZh } };
}

/** The command line could not be parsed at all; `detail` is the parser's own words. */
export function badArguments(detail: string, usage: string): AppError {
  return flagError('arguments', detail, `命令行参数有误:${detail}`, `Usage: ${usage}`, `用法:${usage}`);
}

/** A flag the command cannot do without; `what` says what it gives, in each language. */
export function flagMissing(flag: string, what: string, whatZh: string): AppError {
  return flagError(
    flag,
    `${flag} is missing.`,
    `缺少 ${flag}。`,
    `Give ${flag} ${what}.`,
    `请用 ${flag} 指定${whatZh}。`,
  );
}

/** A whole-number flag outside its bounds; `example` shows a sensible value. */
export function notWholeNumber(flag: string, min: number, max: number, example: number): AppError {
  return flagError(
    flag,
    `${flag} must be a whole number from ${min} to ${max}.`,
    `${flag} 须为 ${min} 到 ${max} 之间的整数。`,
    `For example ${flag} ${example}.`,
    `例如 ${flag} ${example}。`,
  );
}

/** `--appid` without its AppSecret: the secret never comes from a flag, where others could see it. */
export function appSecretMissing(): AppError {
  return flagError(
    'WXACODE_APPSECRET',
    'The AppSecret for --appid is missing.',
    '缺少 --appid 对应的 AppSecret。',
    'Put it in the environment variable WXACODE_APPSECRET (never on the command line, where other users can see it), or store it once with `wxacode account add`; or put an access_token in WXACODE_ACCESS_TOKEN.',
    '请放在环境变量 WXACODE_APPSECRET 中(不要写在命令行里,其他用户能看到),或用 `wxacode account add` 存入钥匙串;也可把 access_token 放在 WXACODE_ACCESS_TOKEN 中。',
  );
}

/** `--account NAME` names no stored account. */
export function noAccountNamed(name: string): AppError {
  return flagError(
    '--account',
    `There is no account named “${name}”.`,
    `没有名为“${name}”的账号。`,
    'See `wxacode account list`, or add one with `wxacode account add NAME --appid ID`.',
    '用 `wxacode account list` 查看,或用 `wxacode account add 名称 --appid ID` 添加。',
  );
}

/** `account add` read no AppSecret from the prompt or stdin. */
export function noAppSecretGiven(): AppError {
  return flagError(
    'AppSecret',
    'No AppSecret was given.',
    '没有输入 AppSecret。',
    'Type it at the prompt or pipe it in: printf %s "$SECRET" | wxacode account add …',
    '请在提示处输入,或通过管道传入:printf %s "$SECRET" | wxacode account add …',
  );
}

/** `account remove NAME` names no stored account. */
export function noSuchAccount(name: string): AppError {
  return flagError(
    'NAME',
    `There is no account named “${name}”.`,
    `没有名为“${name}”的账号。`,
    'See `wxacode account list`.',
    '用 `wxacode account list` 查看。',
  );
}

export function unknownAccountAction(action: string, usage: string): AppError {
  return flagError(
    'account',
    `Unknown account action “${action}”.`,
    `未知的账号操作“${action}”。`,
    `Usage: ${usage}`,
    `用法:${usage}`,
  );
}

/** A batch that spends quota needs a yes, and there is no terminal to ask. */
export function spendNeedsYes(newCodes: number): AppError {
  return flagError(
    '--yes',
    `This batch spends ${newCodes} of the 100,000 lifetime codes, and there is no terminal to ask.`,
    `此批次将消耗 100,000 总额度中的 ${newCodes} 个，但没有终端可以确认。`,
    'Add --yes to confirm, or use --kind unlimited (a scene column), which spends no quota.',
    '请加 --yes 确认；或改用 --kind unlimited（scene 列），它不消耗总额度。',
  );
}

export function badColumnFlag(item: string): AppError {
  return flagError(
    '--column',
    `--column ${item} is not FIELD=HEADER.`,
    `--column ${item} 不是“字段=表头”的形式。`,
    `Write it as --column scene=门店编号, with FIELD one of ${BATCH_COLUMNS.join(', ')} (an empty HEADER leaves it out).`,
    `请写成 --column scene=门店编号，字段为 ${BATCH_COLUMNS.join('、')} 之一（表头留空表示不使用）。`,
  );
}

export function notAKind(raw: string): AppError {
  return flagError(
    '--kind',
    `--kind ${raw} is not a code type.`,
    `--kind ${raw} 不是有效的码类型。`,
    'Use --kind limited (page path, 100,000 in total), unlimited (scene, no total limit) or qrcode (square).',
    '请用 --kind limited（页面路径，总共 100,000 个）、unlimited（scene，数量不限）或 qrcode（方形二维码）。',
  );
}

/** What `--format` can write: the PNG WeChat sends, or a vector file traced from it for print. */
export const OUTPUT_FORMATS = ['png', 'svg', 'pdf'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** `--out` does not end in the extension of the format asked for (or of any format, when none was). */
export function outNotForFormat(format: OutputFormat | undefined): AppError {
  if (!format) {
    return flagError(
      '--out',
      'The output must be a .png, .svg or .pdf file.',
      '输出文件须为 .png、.svg 或 .pdf。',
      'End the --out file name in .png (the image WeChat sends), or .svg or .pdf for a vector file to print at any size.',
      '请让 --out 的文件名以 .png 结尾（微信返回的图片），或以 .svg、.pdf 结尾（可任意放大印刷的矢量文件）。',
    );
  }
  return flagError(
    '--out',
    `--format ${format} writes a .${format} file.`,
    `--format ${format} 输出 .${format} 文件。`,
    `End the --out file name in .${format}, or change --format.`,
    `请让 --out 的文件名以 .${format} 结尾，或修改 --format。`,
  );
}

export function formatUnknown(raw: string): AppError {
  return flagError(
    '--format',
    `--format ${raw} is not an output format.`,
    `--format ${raw} 不是有效的输出格式。`,
    'Use --format png (the image WeChat sends), svg or pdf (a vector file a print shop can scale to any size).',
    '请用 --format png（微信返回的图片）、svg 或 pdf（印刷厂可任意放大的矢量文件）。',
  );
}

const KIND_WORDS: Record<CodeKind, { en: string; zh: string; other: { en: string; zh: string } }> = {
  limited: {
    en: 'a mini program code by page path (--path)',
    zh: '按页面路径生成的小程序码（--path）',
    other: { en: 'use --scene for an unlimited code', zh: '如需无限量小程序码请用 --scene' },
  },
  unlimited: {
    en: 'an unlimited code (--scene), which opens --page',
    zh: '无限量小程序码（--scene），其页面由 --page 指定',
    other: { en: 'leave out --scene for a code by page path', zh: '如需按页面路径生成请去掉 --scene' },
  },
  qrcode: {
    en: 'a square QR code (--qrcode), which takes only --path and --width',
    zh: '普通二维码（--qrcode），它只接受 --path 和 --width',
    other: { en: 'leave out --qrcode for a round mini program code', zh: '如需圆形小程序码请去掉 --qrcode' },
  },
};

/** A flag the code type has no use for: WeChat would drop it silently. */
export function flagNotForKindError(flag: string, kind: CodeKind): AppError {
  const words = KIND_WORDS[kind];
  return flagError(
    `--${flag}`,
    `--${flag} does not apply to ${words.en}; WeChat would ignore it.`,
    `--${flag} 不适用于${words.zh}，微信会忽略它。`,
    `Leave out --${flag}, or ${words.other.en}.`,
    `请去掉 --${flag}，或${words.other.zh}。`,
  );
}

/** A field's error in terms of the flag that set it; `more` other fields also need fixing. */
export function restatedForFlag(error: FieldError | AppError, flag: string, more: number): AppError {
  return {
    ...error,
    field: flag,
    message: { en: `${flag}: ${error.message.en}`, zh: `${flag}:${error.message.zh}` },
    ...(more
      ? {
          hint: {
            en: `${error.hint.en} (${more} more field(s) also need fixing.)`,
            zh: `${error.hint.zh}(另有 ${more} 项需要修改。)`,
          },
        }
      : {}),
  };
}

const CHOOSE_ONE = {
  en: 'Give exactly one of --account NAME, --appid ID (with the AppSecret in WXACODE_APPSECRET) or --token-url URL.',
  zh: '请只用一种凭据:--account 名称、--appid(AppSecret 放在环境变量 WXACODE_APPSECRET 中)或 --token-url 地址。',
};

/** The CLI takes its token from exactly one place: none or several were named. */
export function credentialsNotOne(given: number): AppError {
  const en = given ? 'More than one kind of credentials was given.' : 'No credentials were given.';
  const zh = given ? '给出了不止一种凭据。' : '没有给出凭据。';
  return flagError('--account', en, zh, CHOOSE_ONE.en, CHOOSE_ONE.zh);
}

/** Neither a path nor a scene column, or both: the sheet does not say which code to make. */
export function kindUnclear(): AppError {
  return flagError(
    '--kind',
    'The columns do not say which code type to make: the sheet has both a path and a scene column, or neither.',
    '无法从列判断码类型：表格同时有 path 和 scene 列，或两者都没有。',
    'Add --kind limited, unlimited or qrcode (and --column path=HEADER or --column scene=HEADER if the headers are not recognised).',
    '请加 --kind limited、unlimited 或 qrcode（如表头无法识别，再加 --column path=表头 或 --column scene=表头）。',
  );
}

// What `wxacode batch` exits with when not every row was made.

/** Where to read about every row: the results CSV, when one was written. */
export function resultsPointer(resultsFile: string): Localized {
  return resultsFile
    ? {
        en: `The results CSV says which rows and why: ${resultsFile}`,
        zh: `结果 CSV 中列出了是哪些行及原因：${resultsFile}`,
      }
    : { en: '', zh: '' };
}

/** Some rows were invalid (nothing was sent for them); `notMade` others were not made either. */
export function rowsInvalid(invalid: number, notMade: number, see: Localized): AppError {
  return {
    code: 'field',
    field: 'rows',
    message: {
      en: `${invalid} row(s) are invalid and were skipped${notMade ? `; ${notMade} more were not made` : ''}.`,
      zh: `${invalid} 行无效，已跳过${notMade ? `；另有 ${notMade} 行未生成` : ''}。`,
    },
    hint: {
      en: `Fix them in the spreadsheet and run it again (rows already made come from the library, free). ${see.en}`.trim(),
      zh: `请在表格中修改后重新运行（已生成的行从码库取得，不耗额度）。${see.zh}`,
    },
  };
}

/** Rows that failed or were not run, with the first reason and how to resume. */
export function rowsNotMade(
  code: ErrorCode,
  notMade: number,
  reason: Pick<AppError, 'message' | 'hint'>,
  see: Localized,
): AppError {
  return {
    code,
    message: {
      en: `${notMade} row(s) were not made. ${reason.message.en}`.trim(),
      zh: `${notMade} 行未生成。${reason.message.zh}`.trim(),
    },
    hint: {
      en: `${reason.hint.en} Then run the same command with --resume: finished rows are not made again. ${see.en}`.trim(),
      zh: `${reason.hint.zh} 然后加 --resume 重新运行同一命令：已完成的行不会重复生成。${see.zh}`,
    },
  };
}
