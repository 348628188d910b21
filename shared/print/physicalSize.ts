import { dpiInvalid, printSizeInvalid } from '../errors/print';
import { Failure } from '../result';

// From the size a code is printed at to the pixels asked of WeChat, and what that size serves.
// Facts in PRINT.md: ≥ 300 DPI at the printed size; WeChat sends 280 to 1280 px; a code scans from
// about 10 × its width.

export const DEFAULT_DPI = 300;
export const MIN_DPI = 72;
export const MAX_DPI = 1200;
/** Print shops treat 2 cm as the floor; 1 cm still scans from close by, so it is allowed. */
export const MIN_PRINT_CM = 1;
/** A 2 m sign: past that it is a banner job for a vector file, not this app. */
export const MAX_PRINT_CM = 200;
/** WeChat's bounds for `width`. */
export const WECHAT_MIN_WIDTH = 280;
export const WECHAT_MAX_WIDTH = 1280;
const CM_PER_INCH = 2.54;

export type LengthUnit = 'cm' | 'mm' | 'in';

export interface PrintSize {
  /** The code's printed width, in centimetres. */
  cm: number;
  /** As the user wrote it, for messages. */
  text: string;
}

export interface PrintPlan {
  size: PrintSize;
  dpi: number;
  /** Pixels the printed size needs at `dpi`. */
  neededPx: number;
  /** The `width` to ask of WeChat: neededPx within WeChat's 280–1280. */
  requestWidth: number;
  /** WeChat cannot send enough pixels: the raster prints below `dpi`; the vector output (SVG/PDF) can. */
  needsVector: boolean;
  /** How far away a phone still reads it (≈ 10 × the code's width), in centimetres. */
  scanDistanceCm: number;
}

/** "4cm", "40 mm", "1.5in", "1.5″": the printed width; a Failure naming the fix otherwise. */
export function parsePrintSize(raw: string): PrintSize {
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(cm|mm|in|inch|inches|″|")\s*$/i.exec(raw);
  const value = match ? Number(match[1]) : Number.NaN;
  const unit = match?.[2]?.toLowerCase();
  const cm = unit === 'cm' ? value : unit === 'mm' ? value / 10 : value * CM_PER_INCH;
  if (!Number.isFinite(cm) || cm < MIN_PRINT_CM || cm > MAX_PRINT_CM) {
    throw new Failure(printSizeInvalid(raw, MIN_PRINT_CM, MAX_PRINT_CM));
  }
  return { cm, text: raw.trim() };
}

/** A DPI given as text (a flag, a form field); the default when absent. */
export function parseDpi(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_DPI;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < MIN_DPI || value > MAX_DPI) {
    throw new Failure(dpiInvalid(raw, MIN_DPI, MAX_DPI));
  }
  return value;
}

/** What to ask of WeChat for a code printed `size` wide at `dpi`, and what that code serves. */
export function planPrint(size: PrintSize, dpi = DEFAULT_DPI): PrintPlan {
  const neededPx = Math.ceil((size.cm / CM_PER_INCH) * dpi - 1e-9);
  const requestWidth = Math.min(WECHAT_MAX_WIDTH, Math.max(WECHAT_MIN_WIDTH, neededPx));
  return {
    size,
    dpi,
    neededPx,
    requestWidth,
    needsVector: neededPx > WECHAT_MAX_WIDTH,
    scanDistanceCm: Math.round(size.cm * 10),
  };
}

/**
 * The DPI to record in a code image `widthPx` wide so it prints exactly `size` wide: WeChat may send
 * more or fewer pixels than asked (280 at least, 1280 at most), and the paper size is what counts.
 */
export function dpiForWidth(widthPx: number, size: PrintSize): number {
  return (widthPx / size.cm) * CM_PER_INCH;
}

/** The largest code that still gets `dpi` from WeChat's 1280 px: 10.8 cm at 300 DPI. */
export function largestRasterCm(dpi = DEFAULT_DPI): number {
  return (WECHAT_MAX_WIDTH / dpi) * CM_PER_INCH;
}
