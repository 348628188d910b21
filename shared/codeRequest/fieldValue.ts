import type { Localized } from '../result';
import { type CodeRequestField, type CodeRequestInput, FIELD_LABELS, type Fix } from './fields';

// A field's raw value made into a checked one, whatever the source spelt it as (text, a number from
// a spreadsheet cell, a boolean in any of its spellings), or a problem with its message, hint and
// fix.

interface Problem {
  message: Localized;
  hint: Localized;
  fix?: Fix;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** A field's check; `all` is the whole input, for a fix that moves a value to another field. */
export type Check<T> = (raw: unknown, all: CodeRequestInput) => Checked<T>;

// Spreadsheets and CLI flags spell booleans many ways; the form sends real booleans.
const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', '是']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', '否']);

export const passed = <T>(value: T): Checked<T> => ({ ok: true, value });
export const problem = (message: Localized, hint: Localized, fix?: Fix): Checked<never> => ({
  ok: false,
  problem: fix ? { message, hint, fix } : { message, hint },
});

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isMissing = (raw: unknown): raw is undefined | null => raw === undefined || raw === null;

/** Optional fields: absent (undefined or null) means the default; any given value is checked. */
export function withDefault<T>(check: Check<T>, fallback: T): Check<T> {
  return (raw, all) => (isMissing(raw) ? passed(fallback) : check(raw, all));
}

/** Spreadsheet cells arrive as numbers (a scene of 1024, say), so numbers count as text. */
export function asText(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw.trim();
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return undefined;
}

export function notText(field: CodeRequestField): Checked<never> {
  const label = FIELD_LABELS[field];
  return problem(
    { en: `${label.en} must be text.`, zh: `${label.zh}须为文本。` },
    { en: `Enter ${label.en.toLowerCase()} as plain text.`, zh: `请以纯文本填写${label.zh}。` },
  );
}

export function checkBoolean(field: CodeRequestField): (raw: unknown) => Checked<boolean> {
  return (raw) => {
    if (typeof raw === 'boolean') return passed(raw);
    const word = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim().toLowerCase() : '';
    if (TRUE_WORDS.has(word)) return passed(true);
    if (FALSE_WORDS.has(word)) return passed(false);
    const label = FIELD_LABELS[field];
    return problem(
      { en: `${label.en} must be yes or no.`, zh: `${label.zh}须为“是”或“否”。` },
      {
        en: 'Use true or false (yes/no and 1/0 work too).',
        zh: '请填写 true 或 false（也可用 是/否、yes/no、1/0）。',
      },
    );
  };
}
