import type { Rgb } from '../../shared/codeRequest';

/** What a real image was made with, as far as the restyle needs to know. */
export interface MadeWith {
  transparent: boolean;
  /** null when WeChat chose the colour (auto colour): it is then read from the image. */
  lineColor: Rgb | null;
}

const WHITE = 255;
// A line colour this close to white leaves too little contrast to measure coverage against.
const MIN_CONTRAST_SQUARED = 3 * 24 * 24;

/**
 * How much of each pixel is line, 0–255, from the real image's RGBA pixels. A transparent code
 * carries it in its alpha; an opaque one is a blend of white paper and the line colour, so the
 * coverage is how far the pixel has moved from white towards that colour (JPEG noise and
 * anti-aliased edges give the in-between values that keep the repaint smooth).
 */
export function lineCoverage(rgba: ArrayLike<number>, madeWith: MadeWith): Uint8ClampedArray {
  const pixels = rgba.length / 4;
  const coverage = new Uint8ClampedArray(pixels);
  if (madeWith.transparent) {
    for (let i = 0; i < pixels; i++) coverage[i] = rgba[i * 4 + 3]!;
    return coverage;
  }
  let ink = madeWith.lineColor ?? inkColor(rgba, false);
  let dr = WHITE - ink.r;
  let dg = WHITE - ink.g;
  let db = WHITE - ink.b;
  if (dr * dr + dg * dg + db * db < MIN_CONTRAST_SQUARED) {
    ink = { r: 0, g: 0, b: 0 };
    dr = dg = db = WHITE;
  }
  const scale = 255 / (dr * dr + dg * dg + db * db);
  for (let i = 0; i < pixels; i++) {
    const o = i * 4;
    const along = (WHITE - rgba[o]!) * dr + (WHITE - rgba[o + 1]!) * dg + (WHITE - rgba[o + 2]!) * db;
    coverage[i] = along * scale;
  }
  return coverage;
}

/** The line colour actually in an image: the average of its most line-like pixels. */
export function inkColor(rgba: ArrayLike<number>, transparent: boolean): Rgb {
  const pixels = rgba.length / 4;
  const strength = (o: number) =>
    transparent ? rgba[o + 3]! : 3 * WHITE - rgba[o]! - rgba[o + 1]! - rgba[o + 2]!;
  let strongest = 0;
  for (let o = 0; o < pixels * 4; o += 4) strongest = Math.max(strongest, strength(o));
  if (strongest === 0) return { r: 0, g: 0, b: 0 };
  const threshold = strongest * 0.85;
  let r = 0;
  let g = 0;
  let b = 0;
  let n = 0;
  for (let o = 0; o < pixels * 4; o += 4) {
    if (strength(o) < threshold) continue;
    r += rgba[o]!;
    g += rgba[o + 1]!;
    b += rgba[o + 2]!;
    n++;
  }
  return { r: Math.round(r / n), g: Math.round(g / n), b: Math.round(b / n) };
}
