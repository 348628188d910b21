import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import sharp from 'sharp';
import { z } from 'zod';
import {
  posterBackgroundUnreadable,
  posterFieldInvalid,
  posterUnreadable,
} from '../../../shared/errors/poster';
import { MAX_BACKGROUND_SIDE, MAX_POSTER_TEXTS } from '../../../shared/poster';
import type { Localized } from '../../../shared/result';
import { Failure } from '../../../shared/result';
import { type Align, lineHeight, type Rect } from './compose';
import { checkLabels, MAX_LABEL_CHARACTERS } from './labelText';
import { MAX_DPI, MIN_DPI } from './physicalSize';

// A poster template: a background image, a square slot for the code and text fields whose
// placeholders are filled per row the way labels are (labelText.ts). Saved as JSON beside its
// background and reused; everything a user can get wrong in it is refused here, naming the place
// in the JSON and the fix, before any call to WeChat.

export const MAX_TEMPLATE_BYTES = 64 * 1024;
export const MAX_BACKGROUND_BYTES = 20 * 1024 * 1024;
export { MAX_BACKGROUND_SIDE };
/** A2 at 300 DPI is 4961 × 7016 px: room for it, not for a billboard in RAM. */
export const MAX_PAGE_SIDE_PX = 10_000;
export const MAX_PAGE_PIXELS = 60_000_000;
export const MAX_TEXT_FIELDS = MAX_POSTER_TEXTS;
/** Print shops treat 2 cm as the floor; 1 cm still scans from close by (physicalSize.ts). */
export const MIN_CODE_MM = 10;
const MM_PER_INCH = 25.4;
const PT_PER_INCH = 72;

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

export interface PosterText {
  /** As written in the template: placeholders are filled per row (labelForRow). */
  text: string;
  /** Where the line goes, in output pixels: it is shrunk to fit, never wrapped. */
  band: Rect;
  sizePx: number;
  colour: string;
  weight: 'normal' | 'bold';
  align: Align;
}

export interface PosterTemplate {
  /** The template's file name, for messages. */
  name: string;
  /** The name the app lists it under, when the JSON gives one. */
  title?: string;
  background: Buffer;
  page: { widthPx: number; heightPx: number; dpi: number; widthMm: number; heightMm: number };
  code: Rect;
  texts: PosterText[];
  output: 'png' | 'pdf';
}

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

const bad = (file: string, at: string, problem: Localized, fix: Localized) =>
  new Failure(posterFieldInvalid(file, at, problem, fix));

/** The JSON text checked and turned into pixels; the background is read by loadPosterTemplate. */
export function parsePosterTemplate(
  json: string,
  name: string,
): { parsed: z.infer<typeof TemplateJson>; template: Omit<PosterTemplate, 'background'> } {
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
    throw bad(name, where(issue.path), problemOf(issue), fix);
  }
  const parsed = result.data;
  const { dpi, unit } = parsed.page;
  const toPx = (value: number) => Math.round((value / MM_PER_INCH) * dpi);
  const widthPx = unit === 'px' ? Math.round(parsed.page.width) : toPx(parsed.page.width);
  const heightPx = unit === 'px' ? Math.round(parsed.page.height) : toPx(parsed.page.height);
  const widthMm = unit === 'mm' ? parsed.page.width : (parsed.page.width / dpi) * MM_PER_INCH;
  const heightMm = unit === 'mm' ? parsed.page.height : (parsed.page.height / dpi) * MM_PER_INCH;
  if (
    widthPx < 1 ||
    heightPx < 1 ||
    widthPx > MAX_PAGE_SIDE_PX ||
    heightPx > MAX_PAGE_SIDE_PX ||
    widthPx * heightPx > MAX_PAGE_PIXELS
  ) {
    throw bad(
      name,
      'page',
      {
        en: `is ${widthPx} × ${heightPx} pixels at ${dpi} DPI, more than the ${MAX_PAGE_SIDE_PX} px a side (${MAX_PAGE_PIXELS / 1e6} million pixels) a poster may have.`,
        zh: `在 ${dpi} DPI 下为 ${widthPx} × ${heightPx} 像素，超过海报每边 ${MAX_PAGE_SIDE_PX} 像素（共 ${MAX_PAGE_PIXELS / 1e6} 百万像素）的上限。`,
      },
      {
        en: 'Lower the DPI (150 is plenty for a poster seen from a metre) or the page size.',
        zh: '请降低 DPI（一米外看的海报 150 已足够）或缩小页面。',
      },
    );
  }
  const { code } = parsed;
  if (code.size < MIN_CODE_MM) {
    throw bad(
      name,
      'code.size',
      { en: `is ${code.size} mm, too small to scan.`, zh: `为 ${code.size} 毫米，太小无法扫码。` },
      {
        en: `Make the code at least ${MIN_CODE_MM} mm (print shops treat 20 mm as the floor).`,
        zh: `请把码设为至少 ${MIN_CODE_MM} 毫米（印刷厂通常以 20 毫米为下限）。`,
      },
    );
  }
  if (code.x + code.size > widthMm + 1e-9 || code.y + code.size > heightMm + 1e-9) {
    throw bad(
      name,
      'code',
      {
        en: `(${code.x}, ${code.y}) with size ${code.size} mm runs off the ${fmt(widthMm)} × ${fmt(heightMm)} mm page.`,
        zh: `（${code.x}, ${code.y}）尺寸 ${code.size} 毫米，超出了 ${fmt(widthMm)} × ${fmt(heightMm)} 毫米的页面。`,
      },
      {
        en: 'Move the slot or make it smaller so x + size and y + size stay within the page.',
        zh: '请移动码位或缩小尺寸，使 x + size 与 y + size 都在页面以内。',
      },
    );
  }
  const texts = parsed.texts.map((field, index): PosterText => {
    const align: Align = field.align === 'center' ? 'centre' : field.align;
    const room =
      align === 'left'
        ? widthMm - field.x
        : align === 'right'
          ? field.x
          : 2 * Math.min(field.x, widthMm - field.x);
    const maxWidth = field.maxWidth ?? room;
    const left = align === 'left' ? field.x : align === 'right' ? field.x - maxWidth : field.x - maxWidth / 2;
    const sizePx = Math.max(1, Math.round((field.size / PT_PER_INCH) * dpi));
    const band = { x: toPx(left), y: toPx(field.y), width: toPx(maxWidth), height: lineHeight(sizePx) };
    const off =
      field.x > widthMm ||
      left < -1e-9 ||
      left + maxWidth > widthMm + 1e-9 ||
      band.width < 1 ||
      band.y + band.height > heightPx;
    if (off) {
      throw bad(
        name,
        `texts[${index}]`,
        {
          en: `(“${field.text}” at ${field.x}, ${field.y} mm, ${fmt(maxWidth)} mm wide, ${field.size} pt) runs off the ${fmt(widthMm)} × ${fmt(heightMm)} mm page.`,
          zh: `（“${field.text}”位于 ${field.x}, ${field.y} 毫米，宽 ${fmt(maxWidth)} 毫米，${field.size} 磅）超出了 ${fmt(widthMm)} × ${fmt(heightMm)} 毫米的页面。`,
        },
        {
          en: 'Move it, or make maxWidth or size smaller, so the whole line stays within the page.',
          zh: '请移动位置，或减小 maxWidth 或 size，使整行文字都在页面以内。',
        },
      );
    }
    return { text: field.text, band, sizePx, colour: field.colour, weight: field.weight, align };
  });
  return {
    parsed,
    template: {
      name,
      ...(parsed.name?.trim() ? { title: parsed.name.trim() } : {}),
      page: { widthPx, heightPx, dpi, widthMm, heightMm },
      code: { x: toPx(code.x), y: toPx(code.y), width: toPx(code.size), height: toPx(code.size) },
      texts,
      output: parsed.output,
    },
  };
}

const fmt = (n: number) => String(Math.round(n * 10) / 10);

/** The template file read, checked, and its background loaded: a Failure naming the fix otherwise. */
export async function loadPosterTemplate(file: string): Promise<PosterTemplate> {
  const name = basename(file);
  const size = await stat(file).then(
    (s) => (s.isFile() ? s.size : -1),
    () => -1,
  );
  if (size < 0) {
    throw new Failure(posterUnreadable(name, { en: 'the file cannot be opened.', zh: '文件无法打开。' }));
  }
  if (size > MAX_TEMPLATE_BYTES) {
    throw new Failure(
      posterUnreadable(name, {
        en: `it is ${Math.ceil(size / 1024)} KB, more than a template needs.`,
        zh: `文件大小为 ${Math.ceil(size / 1024)} KB，超出模板所需。`,
      }),
    );
  }
  const { parsed, template } = parsePosterTemplate(await readFile(file, 'utf8'), name);
  const background = await readBackground(resolve(dirname(file), parsed.background), name, parsed.background);
  return { ...template, background };
}

async function readBackground(path: string, name: string, given: string): Promise<Buffer> {
  const refuse = (en: string, zh: string) => new Failure(posterBackgroundUnreadable(name, given, { en, zh }));
  const size = await stat(path).then(
    (s) => (s.isFile() ? s.size : -1),
    () => -1,
  );
  if (size < 0) throw refuse('the file cannot be opened.', '文件无法打开。');
  if (size > MAX_BACKGROUND_BYTES) {
    throw refuse(
      `it is ${Math.ceil(size / 1024 / 1024)} MB.`,
      `文件大小为 ${Math.ceil(size / 1024 / 1024)} MB。`,
    );
  }
  return checkBackground(await readFile(path), name, given);
}

/** A background's bytes checked: a PNG or JPEG within MAX_BACKGROUND_SIDE a side; returned as given. */
export async function checkBackground(bytes: Buffer, name: string, given: string): Promise<Buffer> {
  const refuse = (en: string, zh: string) => new Failure(posterBackgroundUnreadable(name, given, { en, zh }));
  if (bytes.length > MAX_BACKGROUND_BYTES) {
    throw refuse(
      `it is more than ${MAX_BACKGROUND_BYTES / 1024 / 1024} MB.`,
      `文件大于 ${MAX_BACKGROUND_BYTES / 1024 / 1024} MB。`,
    );
  }
  const meta = await sharp(bytes)
    .metadata()
    .catch(() => undefined);
  if (!meta || !['png', 'jpeg'].includes(meta.format ?? '')) {
    throw refuse('it is not a PNG or JPEG image.', '不是 PNG 或 JPEG 图片。');
  }
  if ((meta.width ?? 0) > MAX_BACKGROUND_SIDE || (meta.height ?? 0) > MAX_BACKGROUND_SIDE) {
    throw refuse(
      `it is ${meta.width} × ${meta.height} pixels.`,
      `图片为 ${meta.width} × ${meta.height} 像素。`,
    );
  }
  return bytes;
}

/**
 * Each text field's placeholders name a column of the sheet (or a built-in: {row} {name} {page}
 * {scene} {path}); a single code has no sheet, so `headers` is empty there.
 */
export function checkPosterPlaceholders(template: PosterTemplate, headers: readonly string[]): void {
  template.texts.forEach((field, index) => {
    try {
      checkLabels([field.text], headers);
    } catch (caught) {
      if (!(caught instanceof Failure)) throw caught;
      const { message, hint } = caught.error;
      throw bad(
        template.name,
        `texts[${index}].text`,
        { en: `— ${message.en}`, zh: `— ${message.zh}` },
        hint,
      );
    }
  });
}
