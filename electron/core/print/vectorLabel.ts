import { readFileSync } from 'node:fs';
import opentype, { type Font, type Glyph, type PathCommand } from 'opentype.js';
import { LABEL_DEFAULTS, type Label, type Rect } from './compose';
import type { LabelFont } from './labelFont';
import type { Step } from './smooth';

// A label line as shapes for a vector file, placed as compose's drawLabel places the rendered text:
// `size` pixels to the em, shrunk (never wrapped) to fit its band, its ink box aligned left, centre
// or right and centred in the band's height. Coordinates are the composed image's pixels. The glyph
// outlines, advances and kerning come from the font file through opentype.js, so the print shop's
// machine needs no font.

export interface VectorLabel {
  /** '#rrggbb'. */
  colour: string;
  steps: Step[];
  /** Each character's ink box, in order (blank characters have none): what a test looks for. */
  glyphBoxes: { x: number; y: number; width: number; height: number }[];
}

// Parsed once per process: a CJK font is megabytes. lowMemory reads a glyph's outline when it is
// first drawn instead of all 30 000 up front (seconds saved per face).
const fonts = new Map<string, Font>();
const fontAt = (file: string): Font => {
  let font = fonts.get(file);
  if (!font) {
    const data = readFileSync(file);
    const bytes = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
    font = opentype.parse(bytes, { lowMemory: true });
    fonts.set(file, font);
  }
  return font;
};

/** A glyph's path (font units, y up) as steps through `at`; quadratic curves become cubic ones. */
function glyphSteps(
  commands: readonly PathCommand[],
  at: (x: number, y: number) => [number, number],
  out: Step[],
) {
  let [cx, cy] = [0, 0];
  for (const c of commands) {
    if (c.type === 'Z') {
      out.push({ op: 'close' });
      continue;
    }
    const [x, y] = at(c.x, c.y);
    if (c.type === 'M') out.push({ op: 'move', x, y });
    else if (c.type === 'L') out.push({ op: 'line', x, y });
    else if (c.type === 'C') {
      const [c1x, c1y] = at(c.x1, c.y1);
      const [c2x, c2y] = at(c.x2, c.y2);
      out.push({ op: 'curve', c1x, c1y, c2x, c2y, x, y });
    } else {
      const [qx, qy] = at(c.x1, c.y1);
      out.push({
        op: 'curve',
        c1x: cx + (2 / 3) * (qx - cx),
        c1y: cy + (2 / 3) * (qy - cy),
        c2x: x + (2 / 3) * (qx - x),
        c2y: y + (2 / 3) * (qy - y),
        x,
        y,
      });
    }
    [cx, cy] = [x, y];
  }
}

/** The label's shapes in `band`, or null for a blank line (drawLabel draws nothing for it either). */
export function vectorLabel(label: Label, band: Rect, font: LabelFont): VectorLabel | null {
  if (label.text.trim() === '') return null;
  const size = label.size ?? LABEL_DEFAULTS.size;
  const bold = (label.weight ?? LABEL_DEFAULTS.weight) === 'bold';
  const face = fontAt(bold ? (font.bold ?? font.regular) : font.regular);
  // The line set at one font unit to the pixel, pen from 0 on the baseline, kerned as the font says.
  // A character the font lacks is its .notdef box, as the raster label draws it.
  const placed: { glyph: Glyph; pen: number; box: { x1: number; y1: number; x2: number; y2: number } }[] = [];
  face.forEachGlyph(label.text, 0, 0, face.unitsPerEm, { kerning: true }, (glyph, pen) => {
    if (glyph.path.commands.length) placed.push({ glyph, pen, box: glyph.getBoundingBox() });
  });
  if (!placed.length) return null;
  // Ink box of the line in font units (y up).
  const left = Math.min(...placed.map((p) => p.pen + p.box.x1));
  const right = Math.max(...placed.map((p) => p.pen + p.box.x2));
  const bottom = Math.min(...placed.map((p) => p.box.y1));
  const top = Math.max(...placed.map((p) => p.box.y2));
  let scale = size / face.unitsPerEm;
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
  for (const { glyph, pen, box } of placed) {
    const at = (x: number, y: number): [number, number] => [
      x0 + (pen + x - left) * scale,
      y0 + (top - y) * scale,
    ];
    glyphSteps(glyph.path.commands, at, steps);
    const [bx, by] = at(box.x1, box.y2);
    glyphBoxes.push({ x: bx, y: by, width: (box.x2 - box.x1) * scale, height: (box.y2 - box.y1) * scale });
  }
  return { colour: label.colour ?? LABEL_DEFAULTS.colour, steps, glyphBoxes };
}
