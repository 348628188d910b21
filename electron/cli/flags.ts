import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { AppError } from '../../shared/result';
import { Failure } from '../../shared/result';

type Options = NonNullable<ParseArgsConfig['options']>;

/** A mistake in the command line itself: named after the flag, with the fix, like a form field. */
export function flagError(flag: string, en: string, zh: string, fixEn: string, fixZh: string): AppError {
  return { code: 'field', field: flag, message: { en, zh }, hint: { en: fixEn, zh: fixZh } };
}

export function parseFlags<O extends Options>(args: string[], options: O, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (caught) {
    const detail = caught instanceof Error ? caught.message : String(caught);
    throw new Failure(
      flagError('arguments', detail, `命令行参数有误:${detail}`, `Usage: ${usage}`, `用法:${usage}`),
    );
  }
}

export function requireFlag(value: string | undefined, flag: string, what: string, whatZh: string): string {
  if (value) return value;
  throw new Failure(
    flagError(
      flag,
      `${flag} is missing.`,
      `缺少 ${flag}。`,
      `Give ${flag} ${what}.`,
      `请用 ${flag} 指定${whatZh}。`,
    ),
  );
}

/** A whole-number flag within bounds, undefined when not given; `example` shows a sensible value. */
export function wholeNumber(
  flag: string,
  raw: string | undefined,
  min: number,
  max: number,
  example = Math.max(min, 4),
): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  throw new Failure(
    flagError(
      flag,
      `${flag} must be a whole number from ${min} to ${max}.`,
      `${flag} 须为 ${min} 到 ${max} 之间的整数。`,
      `For example ${flag} ${example}.`,
      `例如 ${flag} ${example}。`,
    ),
  );
}
