import { posterFieldInvalid } from '../../../shared/errors/poster';
import type { Localized } from '../../../shared/result';
import { Failure } from '../../../shared/result';
import { type Align, lineHeight, type Rect } from './compose';
import { checkLabels } from './labelText';
import { type PosterTemplateJson, readTemplateJson } from './posterTemplateJson';

// A poster template: a background image, a square slot for the code and text fields whose
// placeholders are filled per row the way labels are (labelText.ts). A slot or a text that does not
// fit the page is refused here, naming the place in the JSON and the fix, before any call to WeChat.

/** A2 at 300 DPI is 4961 × 7016 px: room for it, not for a billboard in RAM. */
export const MAX_PAGE_SIDE_PX = 10_000;
export const MAX_PAGE_PIXELS = 60_000_000;
/** Print shops treat 2 cm as the floor; 1 cm still scans from close by (physicalSize.ts). */
export const MIN_CODE_MM = 10;
const MM_PER_INCH = 25.4;
const PT_PER_INCH = 72;

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

const bad = (file: string, at: string, problem: Localized, fix: Localized) =>
  new Failure(posterFieldInvalid(file, at, problem, fix));

/** The JSON text checked and turned into pixels; the background is read by loadPosterTemplate. */
export function parsePosterTemplate(
  json: string,
  name: string,
): { parsed: PosterTemplateJson; template: Omit<PosterTemplate, 'background'> } {
  const parsed = readTemplateJson(json, name);
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
