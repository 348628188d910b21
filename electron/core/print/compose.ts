import sharp, { type OverlayOptions } from 'sharp';
import { labelStyleInvalid } from '../../../shared/errors/print';
import {
  MAX_PRINT_MARGIN as MAX_MARGIN,
  MAX_LABEL_SIZE as MAX_SIZE,
  MIN_LABEL_SIZE as MIN_SIZE,
} from '../../../shared/print/printLimits';
import { Failure } from '../../../shared/result';
import type { LabelFont } from './labelFont';
import { type LogoOptions, logoFraction, logoOverlay, placeLogo } from './logo';
import { DEFAULT_DPI } from './physicalSize';
import { withDpi } from './pngDpi';

// The one place a code becomes what is printed: the code, its centre logo, label lines above and
// below, margins and background, with the DPI recorded. The preview, save, batch and CLI all call
// compose(), so what is previewed is what is saved; the same inputs give the same bytes.

export type Align = 'left' | 'centre' | 'right';

export interface Label {
  /** The text as printed: placeholders are filled in before (labelText.ts). */
  text: string;
  position?: 'above' | 'below';
  /** Font size in pixels of the output image (at 300 DPI, 50 px ≈ 4.2 mm, 12 pt). */
  size?: number;
  weight?: 'normal' | 'bold';
  /** '#rrggbb'. */
  colour?: string;
  align?: Align;
}

export interface ComposeOptions {
  labels?: readonly Label[];
  /** Pixels of background around everything. */
  margin?: number;
  /** Pixels between the code and the label lines. */
  gap?: number;
  background?: 'transparent' | string;
  dpi?: number;
  logo?: LogoOptions;
  /** The font for labels: the bundled one (labelFont.ts); absent, the system's sans-serif. */
  font?: LabelFont | null;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Layout {
  width: number;
  height: number;
  code: Rect;
  /** One band per label, in the order given. */
  labels: Rect[];
}

export interface Composed {
  png: Buffer;
  layout: Layout;
}

/** What a label is drawn with when it does not say: vector files draw labels with the same. */
export const LABEL_DEFAULTS = {
  size: 40,
  weight: 'normal',
  colour: '#000000',
  align: 'centre',
  position: 'below',
} as const;
const DEFAULTS = LABEL_DEFAULTS;
export const LINE_HEIGHT = 1.5;
const HEX = /^#[0-9a-f]{6}$/i;

/** Refuses label styles, margins, a background or a logo size compose cannot use. */
export function checkOptions(options: ComposeOptions): void {
  const invalid = (en: string, zh: string, fixEn: string, fixZh: string) =>
    new Failure(labelStyleInvalid({ en, zh }, { en: fixEn, zh: fixZh }));
  for (const label of options.labels ?? []) {
    const size = label.size ?? DEFAULTS.size;
    if (!Number.isInteger(size) || size < MIN_SIZE || size > MAX_SIZE) {
      throw invalid(
        `font size ${size}`,
        `字号 ${size}`,
        `Use a whole number of pixels from ${MIN_SIZE} to ${MAX_SIZE}, e.g. 40.`,
        `请使用 ${MIN_SIZE} 到 ${MAX_SIZE} 之间的整数像素，例如 40。`,
      );
    }
    if (label.colour !== undefined && !HEX.test(label.colour)) {
      throw invalid(
        `colour ${label.colour}`,
        `颜色 ${label.colour}`,
        'Use #rrggbb, e.g. #000000.',
        '请使用 #rrggbb 格式，例如 #000000。',
      );
    }
  }
  for (const [name, value] of [
    ['margin', options.margin],
    ['gap', options.gap],
  ] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < 0 || value > MAX_MARGIN)) {
      throw invalid(
        `${name} ${value}`,
        `${name === 'margin' ? '边距' : '间距'} ${value}`,
        `Use a whole number of pixels from 0 to ${MAX_MARGIN}.`,
        `请使用 0 到 ${MAX_MARGIN} 之间的整数像素。`,
      );
    }
  }
  if (options.logo) logoFraction(options.logo.shape, options.logo.fraction);
  const bg = options.background;
  if (bg !== undefined && bg !== 'transparent' && !HEX.test(bg)) {
    throw invalid(
      `background ${bg}`,
      `背景 ${bg}`,
      'Use transparent or #rrggbb, e.g. #ffffff.',
      '请使用 transparent 或 #rrggbb，例如 #ffffff。',
    );
  }
}

export const lineHeight = (size: number): number => Math.ceil(size * LINE_HEIGHT);

/** Where everything goes, from the code's size and the options alone: no pixel is drawn here. */
export function layOut(codeWidth: number, codeHeight: number, options: ComposeOptions): Layout {
  const margin = options.margin ?? 0;
  const labels = options.labels ?? [];
  const gap = labels.length > 0 ? (options.gap ?? 0) : 0;
  const above = labels.filter((l) => (l.position ?? DEFAULTS.position) === 'above');
  const below = labels.filter((l) => (l.position ?? DEFAULTS.position) === 'below');
  const bandOf = (ls: readonly Label[]) =>
    ls.reduce((sum, l) => sum + lineHeight(l.size ?? DEFAULTS.size), 0);
  const aboveHeight = bandOf(above) + (above.length ? gap : 0);
  const belowHeight = bandOf(below) + (below.length ? gap : 0);
  const width = codeWidth + 2 * margin;
  const code = { x: margin, y: margin + aboveHeight, width: codeWidth, height: codeHeight };
  const rects = new Map<Label, Rect>();
  let y = margin;
  for (const label of above) {
    const height = lineHeight(label.size ?? DEFAULTS.size);
    rects.set(label, { x: margin, y, width: codeWidth, height });
    y += height;
  }
  y = code.y + codeHeight + (below.length ? gap : 0);
  for (const label of below) {
    const height = lineHeight(label.size ?? DEFAULTS.size);
    rects.set(label, { x: margin, y, width: codeWidth, height });
    y += height;
  }
  return {
    width,
    height: code.y + codeHeight + belowHeight + margin,
    code,
    labels: labels.map((l) => rects.get(l)!),
  };
}

const escapeMarkup = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One label line drawn to fit its band: shrunk (never wrapped) when wider, centred in its height (posters draw their texts with it too). */
export async function drawLabel(
  label: Label,
  band: Rect,
  font: LabelFont | null | undefined,
): Promise<OverlayOptions | null> {
  if (label.text.trim() === '') return null;
  const size = label.size ?? DEFAULTS.size;
  const bold = (label.weight ?? DEFAULTS.weight) === 'bold';
  const family = font?.family ?? 'sans-serif';
  const fontfile = bold ? (font?.bold ?? font?.regular) : font?.regular;
  // At 72 DPI a point is a pixel, so `size` is the em in output pixels.
  const markup = `<span foreground="${label.colour ?? DEFAULTS.colour}">${escapeMarkup(label.text)}</span>`;
  let text = await sharp({
    text: {
      text: markup,
      font: `${family}${bold ? ' Bold' : ''} ${size}px`,
      ...(fontfile ? { fontfile } : {}),
      rgba: true,
      dpi: 72,
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  if (text.info.width > band.width || text.info.height > band.height) {
    text = await sharp(text.data)
      .resize(band.width, band.height, { fit: 'inside' })
      .png()
      .toBuffer({ resolveWithObject: true });
  }
  const { width, height } = text.info;
  const align = label.align ?? DEFAULTS.align;
  const free = band.width - width;
  const dx = align === 'left' ? 0 : align === 'right' ? free : Math.floor(free / 2);
  return { input: text.data, left: band.x + dx, top: band.y + Math.floor((band.height - height) / 2) };
}

/** The code as printed: logo, labels, margins, background and DPI applied to the code's PNG. */
export async function compose(codePng: Buffer, options: ComposeOptions = {}): Promise<Composed> {
  checkOptions(options);
  const { width: codeWidth = 0, height: codeHeight = 0 } = await sharp(codePng).metadata();
  const layout = layOut(codeWidth, codeHeight, options);
  let code = codePng;
  if (options.logo) {
    const place = placeLogo(codeWidth, codeHeight, options.logo.shape, options.logo.fraction);
    const overlay = await logoOverlay(options.logo, place);
    code = await sharp(codePng)
      .ensureAlpha()
      .composite([{ input: overlay, left: place.left, top: place.top }])
      .png()
      .toBuffer();
  }
  const labels = options.labels ?? [];
  const drawn = await Promise.all(
    labels.map((label, i) => drawLabel(label, layout.labels[i]!, options.font)),
  );
  const background = options.background ?? '#ffffff';
  const canvas = sharp({
    create: {
      width: layout.width,
      height: layout.height,
      channels: 4,
      background: background === 'transparent' ? { r: 0, g: 0, b: 0, alpha: 0 } : background,
    },
  });
  const png = await canvas
    .composite([{ input: code, left: layout.code.x, top: layout.code.y }, ...drawn.filter((d) => d !== null)])
    .png()
    .toBuffer();
  return { png: withDpi(png, options.dpi ?? DEFAULT_DPI), layout };
}
