import sharp from 'sharp';
import type { Rgb } from '../../../shared/codeRequest';

/**
 * A code as outlines: closed polygons on the source image's pixel grid (0..width, 0..height), filled
 * with one colour. Every outline keeps the ink on its right (clockwise on screen around ink,
 * anticlockwise around holes), so the non-zero and even-odd fill rules both fill exactly the ink.
 */
export interface VectorCode {
  /** The traced image's size in pixels: the coordinate space of `outlines`. */
  width: number;
  height: number;
  color: Rgb;
  /** false: the code sits on white paper, as WeChat's opaque images do; true: nothing behind the ink. */
  transparent: boolean;
  /** Each outline is x0, y0, x1, y1, … of its corners (closed: the last corner joins the first). */
  outlines: Float64Array[];
}

export interface TraceOptions {
  /** The ink colour the code was made in: opaque images are split into ink and paper along white → color. */
  color: Rgb;
  /** A transparent code's ink is whatever is opaque; an opaque code's is whatever is nearer ink than paper. */
  transparent: boolean;
}

/** One byte per pixel, row by row: 1 where the ink is. */
export interface InkMask {
  width: number;
  height: number;
  ink: Uint8Array;
}

// Below this distance from white a colour cannot be told from the paper by hue: fall back to lightness.
const FAINT_INK = 48;

/**
 * Which pixels are ink. Opaque images: the pixel's position on the line from white paper to the ink
 * colour, ink past half way (a light ink such as yellow has no dark pixels, so lightness alone would
 * lose it). Pixels with some transparency are put on white first, as a page would show them.
 */
export function inkOf(rgba: Uint8Array, width: number, height: number, options: TraceOptions): InkMask {
  const ink = new Uint8Array(width * height);
  if (options.transparent) {
    for (let i = 0; i < ink.length; i++) ink[i] = rgba[i * 4 + 3]! >= 128 ? 1 : 0;
    return { width, height, ink };
  }
  let dr = 255 - options.color.r;
  let dg = 255 - options.color.g;
  let db = 255 - options.color.b;
  if (Math.hypot(dr, dg, db) < FAINT_INK) [dr, dg, db] = [255, 255, 255];
  const half = (dr * dr + dg * dg + db * db) / 2;
  for (let i = 0; i < ink.length; i++) {
    const o = i * 4;
    const a = rgba[o + 3]! / 255;
    // (white − pixel) · (white − ink): how far the pixel has moved from paper towards ink.
    const along = (255 - rgba[o]!) * a * dr + (255 - rgba[o + 1]!) * a * dg + (255 - rgba[o + 2]!) * a * db;
    ink[i] = along >= half ? 1 : 0;
  }
  return { width, height, ink };
}

// Directions of travel along pixel edges: right, down, left, up (screen coordinates, y down).
const DX = [1, 0, -1, 0];
const DY = [0, 1, 0, -1];
const TURNS = [1, 0, 3];

/**
 * The outlines of the ink: every edge between an ink pixel and a paper pixel (or the image border),
 * linked into closed loops with corners only where the direction turns. Rasterised at the source's
 * size, the outlines give back exactly the ink: intersection-over-union 1.
 */
export function outlinesOf(mask: InkMask): Float64Array[] {
  const { width: w, height: h, ink } = mask;
  const at = (x: number, y: number) => (x >= 0 && y >= 0 && x < w && y < h ? ink[y * w + x]! : 0);
  // Horizontal edge (x, y)→(x+1, y) is index y*w + x; vertical edge (x, y)→(x, y+1) is y*(w+1) + x.
  const usedH = new Uint8Array(w * (h + 1));
  const usedV = new Uint8Array((w + 1) * h);
  /** Whether the edge leaving corner (x, y) in direction d has ink on its right and paper on its left. */
  const isOutline = (x: number, y: number, d: number): boolean => {
    switch (d) {
      case 0:
        return x < w && at(x, y) === 1 && at(x, y - 1) === 0;
      case 1:
        return y < h && at(x - 1, y) === 1 && at(x, y) === 0;
      case 2:
        return x > 0 && at(x - 1, y - 1) === 1 && at(x - 1, y) === 0;
      default:
        return y > 0 && at(x, y - 1) === 1 && at(x - 1, y - 1) === 0;
    }
  };
  const markUsed = (x: number, y: number, d: number): boolean => {
    const used = d === 0 || d === 2 ? usedH : usedV;
    const index =
      d === 0 ? y * w + x : d === 2 ? y * w + x - 1 : d === 1 ? y * (w + 1) + x : (y - 1) * (w + 1) + x;
    if (used[index]) return false;
    used[index] = 1;
    return true;
  };
  const outlines: Float64Array[] = [];
  const corners: number[] = [];
  // Only rows of ink can start a loop (its top edge, entered from below): a plain scan finds them.
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      if (ink[row + x] === 0 || (y > 0 && ink[row - w + x] === 1) || usedH[row + x]) continue;
      // Walk the loop this edge starts. Every corner has as many outline edges in as out, so the
      // walk can only end where it began; where two loops touch at a corner (diagonal pixels) the
      // right turn is taken, which keeps diagonal neighbours apart; either choice fills the same.
      corners.length = 0;
      let cx = x;
      let cy = y;
      let d = 0;
      markUsed(cx, cy, d);
      corners.push(cx, cy);
      for (;;) {
        cx += DX[d]!;
        cy += DY[d]!;
        let next = -1;
        for (let turn = 1; turn <= 3; turn++) {
          // Right turn first, then straight on, then left: (d + 1), d, (d + 3) modulo 4.
          const candidate = (d + TURNS[turn - 1]!) & 3;
          if (isOutline(cx, cy, candidate) && markUsed(cx, cy, candidate)) {
            next = candidate;
            break;
          }
        }
        if (next === -1) break; // back at the start: its edge is already used
        if (next !== d) corners.push(cx, cy);
        d = next;
      }
      // The start is a real corner: the first unused rightward edge of a row is always entered from below.
      outlines.push(Float64Array.from(corners));
    }
  }
  return outlines;
}

/** Decodes a PNG (or JPEG) to RGBA, as sharp reads it: the CLI and the app both store PNGs. */
async function rgbaOf(image: Uint8Array): Promise<{ rgba: Uint8Array; width: number; height: number }> {
  const { data, info } = await sharp(image, { failOn: 'error' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    rgba: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    width: info.width,
    height: info.height,
  };
}

/** Traces a code image (as WeChat sent it, up to 1280 px) into outlines in the given colour. */
export async function traceCode(png: Uint8Array, options: TraceOptions): Promise<VectorCode> {
  const { rgba, width, height } = await rgbaOf(png);
  const outlines = outlinesOf(inkOf(rgba, width, height, options));
  return { width, height, color: options.color, transparent: options.transparent, outlines };
}
