import type { Localized } from '../result';
import { encodedPath, withoutReserved } from '../targetFixes';
import { asText, type Check, type Checked, isMissing, notText, passed, problem } from './fieldValue';
import {
  byteCount,
  characterCount,
  firstUnsafe,
  mentionsReserved,
  reserved,
  tooLong,
  unsafeCharacter,
} from './targetText';

// The page path of a limited code and of a square QR code: required, safe and within its length.

// As WeChat counts them: getwxacode's path in characters, createwxaqrcode's in bytes (UTF-8).
const MAX_LIMITED_PATH = 1024;
const MAX_SQUARE_PATH_BYTES = 128;

/** A length check that says the limit in the unit WeChat counts for this kind of code. */
type LengthCheck = (path: string) => Checked<never> | undefined;

const SHORTEN_PATH: Localized = {
  en: 'Shorten the path: pass a short id in the query and let the page look up the rest.',
  zh: '请缩短路径：在参数中只传一个短 id，由页面查询其余内容。',
};

export const limitedPathLength: LengthCheck = (path) => {
  const count = characterCount(path);
  return count > MAX_LIMITED_PATH ? tooLong('path', count, MAX_LIMITED_PATH, SHORTEN_PATH) : undefined;
};

export const squarePathLength: LengthCheck = (path) => {
  const bytes = byteCount(path);
  if (bytes <= MAX_SQUARE_PATH_BYTES) return undefined;
  return problem(
    {
      en: `Page path is ${bytes} bytes long; a square QR code allows at most ${MAX_SQUARE_PATH_BYTES} bytes (a Chinese character takes 3).`,
      zh: `页面路径长 ${bytes} 字节，普通二维码最多允许 ${MAX_SQUARE_PATH_BYTES} 字节（一个汉字占 3 字节）。`,
    },
    SHORTEN_PATH,
  );
};

export function checkPath(length: LengthCheck): Check<string> {
  /** What WeChat would refuse in a non-empty path, with the repair when one passes these checks. */
  const pathProblem = (path: string): Checked<never> | undefined => {
    const bad = firstUnsafe(path);
    if (bad !== undefined) return unsafeCharacter('path', bad, passes(encodedPath(path), path));
    const long = length(path);
    if (long) return long;
    return mentionsReserved(path) ? reserved('path', passes(withoutReserved(path), path)) : undefined;
  };
  // Only a candidate that changed something is checked again, so the checking ends.
  const passes = (candidate: string | undefined, path: string): string | undefined =>
    candidate && candidate !== path && pathProblem(candidate) === undefined ? candidate : undefined;
  return (raw) => {
    const path = asText(raw);
    if (path === undefined && !isMissing(raw)) return notText('path');
    if (!path) {
      return problem(
        { en: 'Page path is required.', zh: '页面路径不能为空。' },
        {
          en: 'Enter the page the code opens, such as pages/index/index?id=42.',
          zh: '请填写扫码后打开的页面，例如 pages/index/index?id=42。',
        },
      );
    }
    return pathProblem(path) ?? passed(path);
  };
}
