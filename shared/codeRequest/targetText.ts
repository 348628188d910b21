import type { Localized } from '../result';
import { RESERVED_PARAMETER } from '../targetFixes';
import { type CodeRequestField, FIELD_LABELS } from './fields';
import { type Checked, problem } from './fieldValue';

// What a page path, a page and a scene share as WeChat counts and refuses them: lengths, characters
// a path cannot hold, the parameter WeChat reserves, and how to name a character nobody can see.

/**
 * What a path or page may not hold: control characters (U+0000–001F, U+007F–009F), format
 * characters (zero-width spaces and joiners, bidi controls that make a path read differently from
 * what it is, the BOM), spaces of any width, and < >. A pasted path carries them unseen; WeChat
 * would either refuse the call or make a code that opens a page nobody can find.
 */
const UNSAFE_IN_PATH = /[\p{Cc}\p{Cf}\p{Z}<>]/u;

export const characterCount = (text: string): number => Array.from(text).length;
const utf8Bytes = new TextEncoder();
export const byteCount = (text: string): number => utf8Bytes.encode(text).length;

export function tooLong(field: CodeRequestField, count: number, max: number, fix: Localized): Checked<never> {
  const label = FIELD_LABELS[field];
  return problem(
    {
      en: `${label.en} is ${count} characters long; WeChat allows at most ${max}.`,
      zh: `${label.zh}长 ${count} 个字符，微信最多允许 ${max} 个。`,
    },
    fix,
  );
}

export function reserved(field: CodeRequestField, fixed?: string): Checked<never> {
  const label = FIELD_LABELS[field];
  const remove: Localized = {
    en: `Remove ${RESERVED_PARAMETER} from the ${label.en.toLowerCase()}`,
    zh: `请从${label.zh}中删除 ${RESERVED_PARAMETER}`,
  };
  return problem(
    {
      en: `${label.en} contains ${RESERVED_PARAMETER}, a parameter WeChat reserves for itself.`,
      zh: `${label.zh}含有微信保留参数 ${RESERVED_PARAMETER}。`,
    },
    fixed === undefined
      ? { en: `${remove.en}.`, zh: `${remove.zh}。` }
      : { en: `${remove.en}: write ${fixed}.`, zh: `${remove.zh}，写成 ${fixed}。` },
    fixed === undefined ? undefined : { [field]: fixed },
  );
}

/**
 * WeChat answers 85096 ("not allow include scancode_time field") to any path or page that mentions
 * the word, not only to a query key of that name: refusing every mention here keeps that error,
 * and for a limited code a spent call, from ever happening.
 */
export const mentionsReserved = (text: string): boolean => text.includes(RESERVED_PARAMETER);

export const firstUnsafe = (text: string): string | undefined =>
  Array.from(text).find((char) => UNSAFE_IN_PATH.test(char));

/** The first character a path or page may not hold, named so the user can find it; `fixed` clears it. */
export function unsafeCharacter(field: CodeRequestField, bad: string, fixed?: string): Checked<never> {
  const label = FIELD_LABELS[field];
  const shown = describeCharacter(bad);
  return problem(
    {
      en: `${label.en} contains ${shown.en}, which a page path cannot hold.`,
      zh: `${label.zh}含有${shown.zh}，页面路径中不能有这个字符。`,
    },
    fixed === undefined
      ? {
          en: `Remove it (pasted text often carries invisible characters); encode a value that needs it, e.g. a space as %20, or pass a short id the page looks up.`,
          zh: `请删除它（粘贴的文字常带有不可见字符）；如值中确实需要，请编码（如空格写作 %20），或改传页面可查询的短 id。`,
        }
      : {
          en: `Write it as ${fixed} (pasted text often carries invisible characters; a space in a value is written %20).`,
          zh: `请写成 ${fixed}（粘贴的文字常带有不可见字符；值中的空格写作 %20）。`,
        },
    fixed === undefined ? undefined : { [field]: fixed },
  );
}

/** How to show a character the user may not be able to see. */
export function describeCharacter(char: string): Localized {
  if (char === ' ') return { en: 'a space', zh: '空格' };
  const name = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  if (/\p{Z}/u.test(char)) return { en: `a space (${name})`, zh: `空格（${name}）` };
  if (/[\s\p{Cc}\p{Cf}]/u.test(char)) {
    return { en: `an invisible character (${name})`, zh: `不可见字符（${name}）` };
  }
  return { en: `'${char}'`, zh: `'${char}'` };
}
