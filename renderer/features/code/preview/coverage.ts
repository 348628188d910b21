import type { Rgb } from '../../../../shared/codeRequest';

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
 * How much of each pixel is line, as the 20 values of an SVG feColorMatrix: drawn through it, the
 * real image becomes a mask, black with the coverage as alpha. A transparent code carries the
 * coverage in its alpha; an opaque one is a blend of white paper and the line colour, so the
 * coverage is how far the pixel has moved from white towards that colour (JPEG noise and
 * anti-aliased edges give the in-between values that keep the repaint smooth). That distance is
 * linear in R, G and B, so the browser computes it for every pixel in one filtered draw, where a
 * loop over the pixels of a 1280 px code took longer than the preview's 100 ms.
 */
export function coverageMatrix(madeWith: MadeWith, inkFound: Rgb): number[] {
  const rgbToBlack = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  if (madeWith.transparent) return [...rgbToBlack, 0, 0, 0, 1, 0];
  let ink = madeWith.lineColor ?? inkFound;
  let dr = WHITE - ink.r;
  let dg = WHITE - ink.g;
  let db = WHITE - ink.b;
  if (dr * dr + dg * dg + db * db < MIN_CONTRAST_SQUARED) {
    ink = { r: 0, g: 0, b: 0 };
    dr = dg = db = WHITE;
  }
  // coverage = ((255 − R)·dr + (255 − G)·dg + (255 − B)·db) / |d|², with R, G, B in 0–1 here.
  const scale = WHITE / (dr * dr + dg * dg + db * db);
  return [...rgbToBlack, -dr * scale, -dg * scale, -db * scale, 0, (dr + dg + db) * scale];
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
