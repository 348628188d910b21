import type { Raster } from './vectorCheck';

// How closely a rasterised vector file matches compose's PNG of the same inputs. Both are put on
// white first (what paper shows). A pixel agrees when no channel differs by more than TOLERANCE
// (a sixth of the range: resampling a logo picture drawn at print resolution, or librsvg's and
// poppler's anti-aliasing, move a channel by a few units; a wrong colour or a missing shape moves it
// by far more). Pixels at an edge of compose's image — any pixel within EDGE px differing from them
// by more than TOLERANCE — are left out: there the tracer's smoothed outline and each renderer's
// anti-aliasing legitimately differ by a fraction of a pixel, which is not a difference in what
// prints. The share left out is reported so a test can bound it too.

export const TOLERANCE = 40;
const EDGE = 2;

const onWhite = (rgba: Uint8Array, i: number, channel: number) => {
  const alpha = rgba[i + 3]! / 255;
  return rgba[i + channel]! * alpha + 255 * (1 - alpha);
};

export interface Agreement {
  /** Agreeing pixels over compared (non-edge) pixels. */
  share: number;
  /** Edge pixels over all pixels. */
  edgeShare: number;
}

export function agreement(expected: Raster, actual: Raster): Agreement {
  const { width, height } = expected;
  if (actual.width !== width || actual.height !== height) {
    throw new Error(`sizes differ: ${width}×${height} and ${actual.width}×${actual.height}`);
  }
  const differs = (a: Uint8Array, i: number, b: Uint8Array, j: number) =>
    [0, 1, 2].some((c) => Math.abs(onWhite(a, i, c) - onWhite(b, j, c)) > TOLERANCE);
  let compared = 0;
  let agreeing = 0;
  let edges = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      let edge = false;
      for (let dy = -EDGE; dy <= EDGE && !edge; dy++) {
        for (let dx = -EDGE; dx <= EDGE && !edge; dx++) {
          const [nx, ny] = [x + dx, y + dy];
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          edge = differs(expected.rgba, i, expected.rgba, (ny * width + nx) * 4);
        }
      }
      if (edge) {
        edges++;
        continue;
      }
      compared++;
      if (!differs(expected.rgba, i, actual.rgba, i)) agreeing++;
    }
  }
  return { share: compared ? agreeing / compared : 1, edgeShare: edges / (width * height) };
}

/** The colour paper shows at (x, y): RGB on white. */
export function colourAt(raster: Raster, x: number, y: number): [number, number, number] {
  const i = (Math.round(y) * raster.width + Math.round(x)) * 4;
  return [0, 1, 2].map((c) => Math.round(onWhite(raster.rgba, i, c))) as [number, number, number];
}
