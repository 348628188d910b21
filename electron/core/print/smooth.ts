import type { VectorCode } from './vectorCode';

// Pixel outlines are exact at the source's size, but a 小程序码's round dots and arcs, scaled to a
// 1 m sign, would show their pixel stairs (each pixel of a 1280 px code is 0.8 mm there). Smoothing
// straightens the stairs into lines and rounds the gentle corners into curves, while the square
// corners of QR modules (90°) stay sharp. Measured against the source in print/vectorFile tests.

/** How far (source pixels) a simplified outline may stray from the middle of a pixel edge it drops. */
const TOLERANCE = 0.5;
/** A corner between two edges at least this long (pixels) is a real corner: QR modules are 6 px and more. */
const SHARP_EDGE = 5;

function distanceToLine(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length = Math.hypot(dx, dy);
  if (length === 0) return Math.hypot(px - ax, py - ay);
  return Math.abs((px - ax) * dy - (py - ay) * dx) / length;
}

/**
 * One outline smoothed. Where both edges at a corner are at least SHARP_EDGE long it is a real
 * corner (a QR module's) and stays; elsewhere the outline runs through the middle of each pixel
 * edge, which lies on the shape the pixels were cut from, not on its stairs. Douglas–Peucker then
 * drops the points a straight line passes close enough to, and each point left between two middles
 * becomes a curve.
 */
function smoothOutline(outline: Float64Array): { corners: Float64Array; round: Uint8Array } {
  const n = outline.length / 2;
  const x = (i: number) => outline[((i + n) % n) * 2]!;
  const y = (i: number) => outline[((i + n) % n) * 2 + 1]!;
  const length = (i: number) => Math.abs(x(i + 1) - x(i)) + Math.abs(y(i + 1) - y(i));
  const points: number[] = [];
  const sharp: number[] = [];
  for (let i = 0; i < n; i++) {
    if (length(i - 1) >= SHARP_EDGE && length(i) >= SHARP_EDGE) {
      points.push(x(i), y(i));
      sharp.push(points.length / 2 - 1);
    }
    points.push((x(i) + x(i + 1)) / 2, (y(i) + y(i + 1)) / 2);
  }
  const m = points.length / 2;
  // Simplify between kept points, walking round the loop from the first one back to it.
  const anchors = sharp.length ? sharp : [0, farthestFrom(points, 0)];
  const loop = new Float64Array(points.length + 2);
  loop.set(points);
  loop.set(points.slice(0, 2), points.length);
  const keep = new Uint8Array(m + 1);
  for (const a of anchors) keep[a] = 1;
  keep[m] = keep[0]!;
  const bounds = [...anchors, m + anchors[0]!];
  for (let k = 0; k + 1 < bounds.length; k++) simplifyAround(points, bounds[k]!, bounds[k + 1]!, keep);
  const kept: number[] = [];
  const round: number[] = [];
  const isSharp = new Set(sharp);
  for (let i = 0; i < m; i++) {
    if (!keep[i]) continue;
    kept.push(points[i * 2]!, points[i * 2 + 1]!);
    round.push(isSharp.has(i) ? 0 : 1);
  }
  return { corners: Float64Array.from(kept), round: Uint8Array.from(round) };
}

function farthestFrom(points: number[], from: number): number {
  let far = from;
  let farthest = -1;
  for (let i = 0; i < points.length / 2; i++) {
    const d = Math.hypot(points[i * 2]! - points[from * 2]!, points[i * 2 + 1]! - points[from * 2 + 1]!);
    if (d > farthest) [far, farthest] = [i, d];
  }
  return far;
}

/** Douglas–Peucker from point a to point b of a closed loop (b may pass the end: indices wrap). */
function simplifyAround(points: number[], a: number, b: number, keep: Uint8Array): void {
  const m = points.length / 2;
  const px = (i: number) => points[(i % m) * 2]!;
  const py = (i: number) => points[(i % m) * 2 + 1]!;
  const stack: [number, number][] = [[a, b]];
  while (stack.length) {
    const [from, to] = stack.pop()!;
    let far = -1;
    let farthest = TOLERANCE;
    for (let i = from + 1; i < to; i++) {
      const d = distanceToLine(px(i), py(i), px(from), py(from), px(to), py(to));
      if (d > farthest) [far, farthest] = [i, d];
    }
    if (far === -1) continue;
    keep[far % m] = 1;
    stack.push([from, far], [far, to]);
  }
}

/** The code with its stairs straightened and its gentle corners rounded. */
export function smoothCode(vector: VectorCode): VectorCode {
  const outlines: Float64Array[] = [];
  const round: Uint8Array[] = [];
  for (const outline of vector.outlines) {
    const smoothed = smoothOutline(outline);
    outlines.push(smoothed.corners);
    round.push(smoothed.round);
  }
  return { ...vector, outlines, round };
}

/** One step of an outline as drawn: absolute coordinates in source pixels. */
export type Step =
  | { op: 'move' | 'line'; x: number; y: number }
  | { op: 'curve'; c1x: number; c1y: number; c2x: number; c2y: number; x: number; y: number }
  | { op: 'close' };

/**
 * The steps that draw an outline: a line between two sharp corners, otherwise a cubic curve through
 * the points (Catmull–Rom: the tangent at a point is parallel to the line joining its neighbours,
 * so the curve passes through every point smoothly; at a sharp corner the tangent is the edge).
 */
export function stepsOf(corners: Float64Array, round: Uint8Array | undefined, out: Step[]): void {
  const n = corners.length / 2;
  if (n < 3) return;
  const x = (i: number) => corners[((i + n) % n) * 2]!;
  const y = (i: number) => corners[((i + n) % n) * 2 + 1]!;
  const smooth = (i: number) => round?.[(i + n) % n] === 1;
  out.push({ op: 'move', x: x(0), y: y(0) });
  for (let i = 0; i < n; i++) {
    const last = i === n - 1;
    if (!smooth(i) && !smooth(i + 1)) {
      if (!last) out.push({ op: 'line', x: x(i + 1), y: y(i + 1) });
      continue;
    }
    // Tangent at each end: across the neighbours where smooth, along this edge where sharp.
    const [t1x, t1y] = smooth(i)
      ? [x(i + 1) - x(i - 1), y(i + 1) - y(i - 1)]
      : [2 * (x(i + 1) - x(i)), 2 * (y(i + 1) - y(i))];
    const [t2x, t2y] = smooth(i + 1)
      ? [x(i + 2) - x(i), y(i + 2) - y(i)]
      : [2 * (x(i + 1) - x(i)), 2 * (y(i + 1) - y(i))];
    out.push({
      op: 'curve',
      c1x: x(i) + t1x / 6,
      c1y: y(i) + t1y / 6,
      c2x: x(i + 1) - t2x / 6,
      c2y: y(i + 1) - t2y / 6,
      x: x(i + 1),
      y: y(i + 1),
    });
  }
  out.push({ op: 'close' });
}
