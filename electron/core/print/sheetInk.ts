import {
  lineTo,
  moveTo,
  PDFOperator as Operator,
  type PDFOperator,
  PDFOperatorNames,
  setLineWidth,
  setStrokingCmykColor,
  setStrokingGrayscaleColor,
} from 'pdf-lib';
import { PT_PER_MM } from './sheetLayout';

// The inks of a print sheet: RGB pixels as CMYK with black as pure K, and the cut marks, in K only
// when the sheet is for a print shop's CMYK plates (PRINT.md: rich black smears when plates shift).

/**
 * Packed 8-bit RGB as packed CMYK, with full grey-component replacement: K = 1 − max(r, g, b), then
 * C = (1 − r − K) / (1 − K) and so on. Pure black becomes 0/0/0/100 and white no ink at all; a grey
 * is K alone. Integer arithmetic, so the same pixels always give the same bytes.
 */
export function rgbToCmyk(rgb: Uint8Array): Buffer {
  const pixels = rgb.length / 3;
  const out = Buffer.alloc(pixels * 4);
  for (let i = 0; i < pixels; i++) {
    const r = rgb[3 * i]!;
    const g = rgb[3 * i + 1]!;
    const b = rgb[3 * i + 2]!;
    const most = Math.max(r, g, b);
    out[4 * i + 3] = 255 - most;
    if (most === 0) continue;
    // (1 − r − K) / (1 − K) with K = 1 − most/255 is (most − r) / most.
    out[4 * i] = Math.round((255 * (most - r)) / most);
    out[4 * i + 1] = Math.round((255 * (most - g)) / most);
    out[4 * i + 2] = Math.round((255 * (most - b)) / most);
  }
  return out;
}

const MARK_OFFSET_MM = 1;
const MARK_LENGTH_MM = 3;

/**
 * Two short lines pointing away from each corner of every cell (PDF space: y up), off its edge so
 * no ink touches the code; a quarter-point hairline, black or K only.
 */
export function cutMarkOperators(
  cells: readonly { x: number; y: number; width: number; height: number }[],
  cmyk: boolean,
): PDFOperator[] {
  const off = MARK_OFFSET_MM * PT_PER_MM;
  const len = MARK_LENGTH_MM * PT_PER_MM;
  const ops: PDFOperator[] = [
    setLineWidth(0.25),
    cmyk ? setStrokingCmykColor(0, 0, 0, 1) : setStrokingGrayscaleColor(0),
  ];
  const stroke = Operator.of(PDFOperatorNames.StrokePath);
  for (const { x, y, width, height } of cells) {
    for (const [cx, dx] of [
      [x, -1],
      [x + width, 1],
    ] as const) {
      for (const [cy, dy] of [
        [y, -1],
        [y + height, 1],
      ] as const) {
        ops.push(moveTo(cx + dx * off, cy), lineTo(cx + dx * (off + len), cy), stroke);
        ops.push(moveTo(cx, cy + dy * off), lineTo(cx, cy + dy * (off + len)), stroke);
      }
    }
  }
  return ops;
}
