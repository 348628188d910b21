import { z } from 'zod';
import { posterFieldInvalid, posterUnreadable } from '../../../shared/errors/poster';
import { MAX_POSTER_TEXTS } from '../../../shared/poster';
import type { Localized } from '../../../shared/result';
import { Failure } from '../../../shared/result';
import { MAX_LABEL_CHARACTERS } from './labelText';
import { MAX_DPI, MIN_DPI } from './physicalSize';

// A poster template's file: JSON saved beside its background and reused. Whatever a user can get
// wrong in its structure is refused here, naming the place in the JSON and the fix; whether its
// slot and texts fit the page is posterTemplate.ts's check.

export const MAX_TEXT_FIELDS = MAX_POSTER_TEXTS;

const mm = z.number().finite().nonnegative().max(2000);
const hex = z.string().regex(/^#[0-9a-fA-F]{6}$/);

const TextField = z.strictObject({
  text: z.string().min(1).max(MAX_LABEL_CHARACTERS),
  x: mm,
  y: mm,
  /** Points, as designers give type sizes (12 pt ≈ 4.2 mm). */
  size: z.number().finite().min(4).max(400).default(24),
  colour: hex.default('#000000'),
  weight: z.enum(['normal', 'bold']).default('normal'),
  align: z.enum(['left', 'centre', 'center', 'right']).default('centre'),
  maxWidth: z.number().finite().positive().max(2000).optional(),
});

const TemplateJson = z.strictObject({
  version: z.literal(1),
  /** What the app lists it as; the CLI names a template by its file. */
  name: z.string().max(200).optional(),
  background: z.string().min(1).max(500),
  page: z.strictObject({
    width: z.number().finite().positive(),
    height: z.number().finite().positive(),
    unit: z.enum(['mm', 'px']),
    dpi: z.number().int().min(MIN_DPI).max(MAX_DPI).default(300),
  }),
  /** The code's square slot: top-left corner and side, in millimetres from the page's top-left. */
  code: z.strictObject({ x: mm, y: mm, size: mm }),
  texts: z.array(TextField).max(MAX_TEXT_FIELDS).default([]),
  /** What a batch writes per row; `generate` follows its --out file's extension. */
  output: z.enum(['png', 'pdf']).default('png'),
});
export type PosterTemplateJson = z.infer<typeof TemplateJson>;

const FIXES: Record<string, Localized> = {
  version: { en: 'Write "version": 1.', zh: '请写 "version": 1。' },
  background: {
    en: 'Give the background image file, relative to the template, e.g. "background.png".',
    zh: '请给出背景图文件，路径相对于模板，例如 "background.png"。',
  },
  unit: { en: 'Use "mm" or "px".', zh: '请使用 "mm" 或 "px"。' },
  dpi: {
    en: `Use a whole number of DPI from ${MIN_DPI} to ${MAX_DPI}, e.g. 300.`,
    zh: `请使用 ${MIN_DPI} 到 ${MAX_DPI} 之间的整数 DPI，例如 300。`,
  },
  text: {
    en: `Write 1 to ${MAX_LABEL_CHARACTERS} characters; {column} fills in a column of the row.`,
    zh: `请写 1 到 ${MAX_LABEL_CHARACTERS} 个字符；{列名} 会填入该行对应列的值。`,
  },
  size: {
    en: 'Give a number of millimetres (for texts: points, 4 to 400).',
    zh: '请给出毫米数（文字为磅数，4 到 400）。',
  },
  colour: { en: 'Use #rrggbb, e.g. #000000.', zh: '请使用 #rrggbb 格式，例如 #000000。' },
  weight: { en: 'Use "normal" or "bold".', zh: '请使用 "normal" 或 "bold"。' },
  align: { en: 'Use "left", "centre" or "right".', zh: '请使用 "left"、"centre" 或 "right"。' },
  texts: {
    en: `Keep at most ${MAX_TEXT_FIELDS} text fields.`,
    zh: `文字字段最多 ${MAX_TEXT_FIELDS} 个。`,
  },
  output: { en: 'Use "png" or "pdf".', zh: '请使用 "png" 或 "pdf"。' },
};
const NUMBER_FIX: Localized = {
  en: 'Give a number of millimetres from the page’s top-left corner, within the page.',
  zh: '请给出从页面左上角起算的毫米数，且在页面之内。',
};
const KEYS_FIX: Localized = {
  en: 'Keep to version, name, background, page {width, height, unit, dpi}, code {x, y, size}, texts [{text, x, y, size, colour, weight, align, maxWidth}] and output.',
  zh: '只可使用 version、name、background、page {width, height, unit, dpi}、code {x, y, size}、texts [{text, x, y, size, colour, weight, align, maxWidth}] 和 output。',
};

/** `texts[1].colour` from zod's path. */
function where(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || 'the top level';
}

function problemOf(issue: z.core.$ZodIssue): Localized {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? { en: 'is missing.', zh: '缺失。' }
        : { en: `must be a ${issue.expected}.`, zh: `类型应为 ${issue.expected}。` };
    case 'too_small':
      return { en: `is below ${issue.minimum}.`, zh: `小于 ${issue.minimum}。` };
    case 'too_big':
      return { en: `is above ${issue.maximum}.`, zh: `大于 ${issue.maximum}。` };
    case 'unrecognized_keys':
      return {
        en: `has unknown keys: ${issue.keys.join(', ')}.`,
        zh: `含有未知的键：${issue.keys.join('、')}。`,
      };
    default:
      return { en: 'is not a usable value.', zh: '的值无法使用。' };
  }
}

/** The JSON text as a template's fields, with their defaults: a Failure naming the place and the fix otherwise. */
export function readTemplateJson(json: string, name: string): PosterTemplateJson {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (caught) {
    const detail = caught instanceof Error ? caught.message : String(caught);
    throw new Failure(
      posterUnreadable(name, {
        en: `it is not valid JSON (${detail}).`,
        zh: `不是有效的 JSON（${detail}）。`,
      }),
    );
  }
  const result = TemplateJson.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const last = [...issue.path].reverse().find((k) => typeof k === 'string') as string | undefined;
    const fix =
      issue.code === 'unrecognized_keys'
        ? KEYS_FIX
        : ((last === undefined ? undefined : FIXES[last]) ?? NUMBER_FIX);
    throw new Failure(posterFieldInvalid(name, where(issue.path), problemOf(issue), fix));
  }
  return result.data;
}
