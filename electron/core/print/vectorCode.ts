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
  /**
   * Per outline, 1 for each point the outline passes through on a curve, 0 for a sharp corner
   * (smoothCode); absent: every corner is sharp, the exact pixel edges.
   */
  round?: Uint8Array[];
}
