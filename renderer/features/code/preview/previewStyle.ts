import type { CodeRequest, Rgb } from '../../../../shared/codeRequest';
import { MAX_WIDTH, MIN_WIDTH } from '../../../../shared/codeRequest';
import { formatHexColor, parseHexColor } from '../../../../shared/validateCodeRequest';
import type { Draft } from '../draft';
import type { MadeWith } from './coverage';

/** How the preview paints: a colour and a background at a width. */
export interface PreviewStyle {
  width: number;
  color: string;
  transparent: boolean;
}

const BLACK = '#000000';

export function madeWithOf(request: CodeRequest): MadeWith {
  if (request.kind === 'qrcode') return { transparent: false, lineColor: { r: 0, g: 0, b: 0 } };
  return { transparent: request.transparent, lineColor: request.autoColor ? null : request.lineColor };
}

/**
 * The style the form asks for, painted on the last real image. A half-typed field keeps the real
 * image's value rather than blanking the preview. With automatic colour on, WeChat's choice is
 * only known from a code it made that way; otherwise the preview shows the default black.
 */
/** The fields of the form the preview follows. */
export type PreviewFields = Pick<Draft, 'kind' | 'width' | 'lineColor' | 'autoColor' | 'transparent'>;

export const previewFieldsOf = ({
  kind,
  width,
  lineColor,
  autoColor,
  transparent,
}: Draft): PreviewFields => ({
  kind,
  width,
  lineColor,
  autoColor,
  transparent,
});

export function previewStyle(draft: PreviewFields, made: CodeRequest, madeInk: Rgb): PreviewStyle {
  const typed = /^\d+$/.test(draft.width.trim()) ? Number(draft.width) : Number.NaN;
  const width = typed >= MIN_WIDTH && typed <= MAX_WIDTH ? typed : made.width;
  if (draft.kind === 'qrcode' || made.kind === 'qrcode') return { width, color: BLACK, transparent: false };
  const parsed = parseHexColor(draft.lineColor);
  const color = draft.autoColor
    ? made.autoColor
      ? formatHexColor(madeInk)
      : BLACK
    : parsed
      ? formatHexColor(parsed)
      : formatHexColor(made.lineColor);
  return { width, color, transparent: draft.transparent };
}

/** The size an image of `source` proportions has at `width`. */
export const scaledHeight = (source: { width: number; height: number }, width: number): number =>
  Math.round((source.height * width) / source.width);

/** The room the preview has on screen, in CSS pixels, and the screen's pixels per CSS pixel. */
export interface Stage {
  width: number;
  height: number;
  pixelRatio: number;
}

/**
 * How many pixels wide the preview canvas is painted. The stage shows a code scaled down to fit, so
 * a 1280 px code on a 600 px stage would be painted at 1280 only for the browser to shrink it: the
 * canvas holds no more pixels than the screen shows, and a width change above that repaints nothing.
 */
export function paintedWidth(width: number, source: { width: number; height: number }, stage: Stage): number {
  if (stage.width <= 0 || stage.height <= 0) return width;
  const shown = Math.min(stage.width, (stage.height * source.width) / source.height);
  return Math.max(1, Math.min(width, Math.ceil(shown * stage.pixelRatio)));
}
