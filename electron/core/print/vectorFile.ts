import {
  appendBezierCurve,
  closePath,
  concatTransformationMatrix,
  lineTo,
  moveTo,
  PDFDocument,
  PDFOperator,
  PDFOperatorNames,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingCmykColor,
  setFillingRgbColor,
} from 'pdf-lib';
import type { Rgb } from '../../../shared/codeRequest';
import { formatHexColor } from '../../../shared/validateCodeRequest';
import { type Step, stepsOf } from './smooth';
import type { VectorCode } from './vectorCode';

// How a traced code is written for a print shop: SVG text or a one-page PDF at a physical size.

const POINTS_PER_MM = 72 / 25.4;

/** Coordinates with at most two decimals: a hundredth of a source pixel is far below what prints. */
const num = (value: number): string => String(Math.round(value * 100) / 100);

/** Every outline's steps, in order. */
function stepsOfCode(vector: VectorCode): Step[] {
  const steps: Step[] = [];
  for (const [i, outline] of vector.outlines.entries()) stepsOf(outline, vector.round?.[i], steps);
  return steps;
}

/**
 * One path for all outlines, in relative steps (short numbers): h/v for the axis-aligned edges a
 * pixel trace is made of, l for straightened ones, c for curves.
 */
export function svgPathData(vector: VectorCode): string {
  const parts: string[] = [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  for (const step of stepsOfCode(vector)) {
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

/** The printed size for `widthMm` wide, keeping the code's proportions. */
function sizeMm(vector: VectorCode, widthMm: number): { width: number; height: number } {
  return { width: widthMm, height: (widthMm * vector.height) / vector.width };
}

/**
 * The code as an SVG document. With `widthMm` it declares that printed size (a print shop's tools
 * read it); without, it is as many CSS pixels as the source image. The viewBox is the source's
 * pixel grid either way, so the file scales to any size without loss.
 */
export function toSvg(vector: VectorCode, options: { widthMm?: number } = {}): string {
  const { width: w, height: h } = vector;
  const size = options.widthMm ? sizeMm(vector, options.widthMm) : { width: undefined, height: undefined };
  const width = size.width === undefined ? String(w) : `${num(size.width)}mm`;
  const height = size.height === undefined ? String(h) : `${num(size.height)}mm`;
  const paper = vector.transparent ? '' : `<rect width="${w}" height="${h}" fill="#ffffff"/>\n`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${w} ${h}">\n` +
    paper +
    `<path fill="${formatHexColor(vector.color)}" fill-rule="evenodd" d="${svgPathData(vector)}"/>\n` +
    '</svg>\n'
  );
}

const isBlack = (c: Rgb) => c.r === 0 && c.g === 0 && c.b === 0;

/**
 * Black is written as pure K (C0 M0 Y0 K100) as print shops ask, so the modules stay sharp when the
 * plates shift; any other colour as the RGB the user chose, for the shop's colour management.
 */
function setInk(color: Rgb): PDFOperator {
  return isBlack(color)
    ? setFillingCmykColor(0, 0, 0, 1)
    : setFillingRgbColor(color.r / 255, color.g / 255, color.b / 255);
}

function drawCode(page: PDFPage, vector: VectorCode, widthPt: number, heightPt: number): void {
  const scale = widthPt / vector.width;
  // From the pixel grid (y down) to PDF space (y up, points).
  const ops: PDFOperator[] = [
    pushGraphicsState(),
    concatTransformationMatrix(scale, 0, 0, -scale, 0, heightPt),
  ];
  if (!vector.transparent) {
    ops.push(setFillingCmykColor(0, 0, 0, 0), rectangle(0, 0, vector.width, vector.height));
    ops.push(PDFOperator.of(PDFOperatorNames.FillNonZero));
  }
  ops.push(setInk(vector.color));
  for (const step of stepsOfCode(vector)) {
    if (step.op === 'close') {
      ops.push(closePath());
      continue;
    }
    if (step.op === 'move') ops.push(moveTo(step.x, step.y));
    else if (step.op === 'line') ops.push(lineTo(step.x, step.y));
    else if (step.op === 'curve')
      ops.push(appendBezierCurve(step.c1x, step.c1y, step.c2x, step.c2y, step.x, step.y));
  }
  ops.push(PDFOperator.of(PDFOperatorNames.FillEvenOdd), popGraphicsState());
  page.pushOperators(...ops);
}

/**
 * The code as a one-page PDF exactly `widthMm` wide (the height keeps the proportions), the code
 * filling the page: a print shop scales it or places it as it is. Deterministic for the same input.
 */
export async function toPdf(vector: VectorCode, options: { widthMm: number }): Promise<Uint8Array> {
  const size = sizeMm(vector, options.widthMm);
  const widthPt = size.width * POINTS_PER_MM;
  const heightPt = size.height * POINTS_PER_MM;
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setProducer('WxaCode Studio');
  doc.setCreator('WxaCode Studio');
  const page = doc.addPage([widthPt, heightPt]);
  drawCode(page, vector, widthPt, heightPt);
  return doc.save();
}
