import {
  appendBezierCurve,
  closePath,
  lineTo,
  moveTo,
  type PDFOperator,
  setFillingCmykColor,
  setFillingRgbColor,
} from 'pdf-lib';
import type { Rgb } from '../../../shared/codeRequest';
import { type Step, stepsOf } from './smooth';
import type { VectorCode } from './vectorCode';

// Shapes as an SVG path or PDF path operators, and the ink they are filled with: shared by a
// vector file's code, logo disc and label glyphs.

/** Coordinates with at most two decimals: a hundredth of a source pixel is far below what prints. */
export const num = (value: number): string => String(Math.round(value * 100) / 100);

/** Every outline's steps, in order. */
export function stepsOfCode(vector: VectorCode): Step[] {
  const steps: Step[] = [];
  for (const [i, outline] of vector.outlines.entries()) stepsOf(outline, vector.round?.[i], steps);
  return steps;
}

/**
 * Steps as SVG path data in relative moves (short numbers): h/v for the axis-aligned edges a pixel
 * trace is made of, l for straightened ones, c for curves.
 */
export function svgPath(steps: readonly Step[]): string {
  const parts: string[] = [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  for (const step of steps) {
    if (step.op === 'close') {
      parts.push('z');
      [x, y] = [startX, startY];
      continue;
    }
    const dx = step.x - x;
    const dy = step.y - y;
    if (step.op === 'move') {
      parts.push(`${parts.length ? 'm' : 'M'}${num(dx)} ${num(dy)}`);
      [startX, startY] = [step.x, step.y];
    } else if (step.op === 'curve') {
      parts.push(
        `c${num(step.c1x - x)} ${num(step.c1y - y)} ${num(step.c2x - x)} ${num(step.c2y - y)} ${num(dx)} ${num(dy)}`,
      );
    } else {
      parts.push(dy === 0 ? `h${num(dx)}` : dx === 0 ? `v${num(dy)}` : `l${num(dx)} ${num(dy)}`);
    }
    [x, y] = [step.x, step.y];
  }
  return parts.join('');
}

/** Steps as PDF path construction operators (the caller fills or clips). */
export function pdfPath(steps: readonly Step[]): PDFOperator[] {
  return steps.map((step) => {
    if (step.op === 'close') return closePath();
    if (step.op === 'curve') return appendBezierCurve(step.c1x, step.c1y, step.c2x, step.c2y, step.x, step.y);
    return step.op === 'move' ? moveTo(step.x, step.y) : lineTo(step.x, step.y);
  });
}

/** A circle as four cubic curves (the usual 0.5523 handle length). */
export function circleSteps(cx: number, cy: number, r: number): Step[] {
  const k = 0.5523 * r;
  return [
    { op: 'move', x: cx + r, y: cy },
    { op: 'curve', c1x: cx + r, c1y: cy + k, c2x: cx + k, c2y: cy + r, x: cx, y: cy + r },
    { op: 'curve', c1x: cx - k, c1y: cy + r, c2x: cx - r, c2y: cy + k, x: cx - r, y: cy },
    { op: 'curve', c1x: cx - r, c1y: cy - k, c2x: cx - k, c2y: cy - r, x: cx, y: cy - r },
    { op: 'curve', c1x: cx + k, c1y: cy - r, c2x: cx + r, c2y: cy - k, x: cx + r, y: cy },
    { op: 'close' },
  ];
}

const isBlack = (c: Rgb) => c.r === 0 && c.g === 0 && c.b === 0;
const isWhite = (c: Rgb) => c.r === 255 && c.g === 255 && c.b === 255;

/**
 * Black is written as pure K (C0 M0 Y0 K100) as print shops ask, so the modules stay sharp when the
 * plates shift, and white as no ink; any other colour as the RGB the user chose, for the shop's
 * colour management.
 */
export function setInk(color: Rgb): PDFOperator {
  if (isBlack(color)) return setFillingCmykColor(0, 0, 0, 1);
  if (isWhite(color)) return setFillingCmykColor(0, 0, 0, 0);
  return setFillingRgbColor(color.r / 255, color.g / 255, color.b / 255);
}
