import { type ParseArgsConfig, parseArgs } from 'node:util';
import { badArguments, flagMissing, notWholeNumber } from '../../shared/errors/cli';
import { Failure } from '../../shared/result';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseFlags<O extends Options>(args: string[], options: O, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (caught) {
    const detail = caught instanceof Error ? caught.message : String(caught);
    throw new Failure(badArguments(detail, usage));
  }
}

export function requireFlag(value: string | undefined, flag: string, what: string, whatZh: string): string {
  if (value) return value;
  throw new Failure(flagMissing(flag, what, whatZh));
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
  throw new Failure(notWholeNumber(flag, min, max, example));
}
