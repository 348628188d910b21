import { LABEL_DEFAULTS, type Label, type Rect } from './compose';
import { type FontOutlines, type FontPoint, readFontOutlines } from './fontOutlines';
import type { LabelFont } from './labelFont';
import type { Step } from './smooth';

// A label line as shapes for a vector file, placed as compose's drawLabel places the rendered text:
// `size` pixels to the em, shrunk (never wrapped) to fit its band, its ink box aligned left, centre
// or right and centred in the band's height. Coordinates are the composed image's pixels.

export interface VectorLabel {
  /** '#rrggbb'. */
  colour: string;
  steps: Step[];
  /** Each character's ink box, in order (blank characters have none): what a test looks for. */
  glyphBoxes: { x: number; y: number; width: number; height: number }[];
}

const fonts = new Map<string, FontOutlines>();
const fontAt = (file: string) => {
  let font = fonts.get(file);
  if (!font) {
    font = readFontOutlines(file);
    fonts.set(file, font);
  }
  return font;
};

/** One contour of quadratic splines as cubic steps, through `at` (font units → page). */
function contourSteps(
  points: FontPoint[],
  at: (x: number, y: number) => [number, number],
  out: Step[],
): void {
  const n = points.length;
  if (n < 2) return;
  const mid = (p: FontPoint, q: FontPoint): FontPoint => ({
    x: (p.x + q.x) / 2,
    y: (p.y + q.y) / 2,
    on: true,
  });
  // Start on a point on the curve: the first one, or the middle of two leading control points.
  const startIndex = points.findIndex((p) => p.on);
  const start = startIndex >= 0 ? points[startIndex]! : mid(points[0]!, points[1]!);
  const offset = Math.max(startIndex, 0);
  let [cx, cy] = at(start.x, start.y);
  out.push({ op: 'move', x: cx, y: cy });
  let control: FontPoint | null = null;
  const curveTo = (q: FontPoint, p: FontPoint) => {
    const [qx, qy] = at(q.x, q.y);
    const [px, py] = at(p.x, p.y);
    out.push({
      op: 'curve',
      c1x: cx + (2 / 3) * (qx - cx),
      c1y: cy + (2 / 3) * (qy - cy),
      c2x: px + (2 / 3) * (qx - px),
      c2y: py + (2 / 3) * (qy - py),
      x: px,
      y: py,
    });
    [cx, cy] = [px, py];
  };
  for (let k = 1; k <= n; k++) {
    const p = k === n && startIndex >= 0 ? start : points[(offset + k) % n]!;
    if (!p.on) {
      if (control) curveTo(control, mid(control, p));
      control = p;
      continue;
    }
    if (control) curveTo(control, p);
    else {
      [cx, cy] = at(p.x, p.y);
      out.push({ op: 'line', x: cx, y: cy });
    }
    control = null;
  }
  if (control) curveTo(control, start);
  out.push({ op: 'close' });
}

/** The label's shapes in `band`, or null for a blank line (drawLabel draws nothing for it either). */
export function vectorLabel(label: Label, band: Rect, font: LabelFont): VectorLabel | null {
  if (label.text.trim() === '') return null;
  const size = label.size ?? LABEL_DEFAULTS.size;
  const bold = (label.weight ?? LABEL_DEFAULTS.weight) === 'bold';
  const outlines = fontAt(bold ? (font.bold ?? font.regular) : font.regular);
  const glyphs = Array.from(label.text, (ch) => outlines.glyph(ch.codePointAt(0)!));
  // Ink box of the line in font units, pen starting at 0 on the baseline.
  let pen = 0;
  let [left, right, bottom, top] = [Infinity, -Infinity, Infinity, -Infinity];
  const pens = glyphs.map((g) => {
    const x = pen;
    pen += g.advance;
    if (g.contours.length) {
      [left, right] = [Math.min(left, x + g.xMin), Math.max(right, x + g.xMax)];
      [bottom, top] = [Math.min(bottom, g.yMin), Math.max(top, g.yMax)];
    }
    return x;
  });
  if (left === Infinity) return null;
  let scale = size / outlines.unitsPerEm;
  const inkWidth = () => Math.ceil((right - left) * scale);
  const inkHeight = () => Math.ceil((top - bottom) * scale);
  if (inkWidth() > band.width || inkHeight() > band.height) {
    scale *= Math.min(band.width / inkWidth(), band.height / inkHeight());
  }
  const align = label.align ?? LABEL_DEFAULTS.align;
  const free = band.width - inkWidth();
  const x0 = band.x + (align === 'left' ? 0 : align === 'right' ? free : Math.floor(free / 2));
  const y0 = band.y + Math.floor((band.height - inkHeight()) / 2);
  const steps: Step[] = [];
  const glyphBoxes: VectorLabel['glyphBoxes'] = [];
  glyphs.forEach((g, i) => {
    if (!g.contours.length) return;
    const at = (x: number, y: number): [number, number] => [
      x0 + (pens[i]! + x - left) * scale,
      y0 + (top - y) * scale,
    ];
    for (const contour of g.contours) contourSteps(contour, at, steps);
    const [bx, by] = at(g.xMin, g.yMax);
    glyphBoxes.push({ x: bx, y: by, width: (g.xMax - g.xMin) * scale, height: (g.yMax - g.yMin) * scale });
  });
  return { colour: label.colour ?? LABEL_DEFAULTS.colour, steps, glyphBoxes };
}
