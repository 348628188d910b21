import {
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
import type { VectorCode } from './trace';

// How a traced code is written for a print shop: SVG text or a one-page PDF at a physical size.

const POINTS_PER_MM = 72 / 25.4;

/** Coordinates with at most two decimals: a hundredth of a source pixel is far below what prints. */
const num = (value: number): string => String(Math.round(value * 100) / 100);

/**
 * One path for all outlines: each starts with a move relative to the previous outline's start and
 * then steps to each corner (h/v for the axis-aligned edges a pixel trace is made of).
 */
export function svgPathData(vector: VectorCode): string {
  const parts: string[] = [];
  let startX = 0;
  let startY = 0;
  for (const outline of vector.outlines) {
    if (outline.length < 6) continue;
    let x = outline[0]!;
    let y = outline[1]!;
    parts.push(`${parts.length ? 'm' : 'M'}${num(x - startX)} ${num(y - startY)}`);
    [startX, startY] = [x, y];
    for (let i = 2; i < outline.length; i += 2) {
      const dx = outline[i]! - x;
      const dy = outline[i + 1]! - y;
      parts.push(dy === 0 ? `h${num(dx)}` : dx === 0 ? `v${num(dy)}` : `l${num(dx)} ${num(dy)}`);
      x = outline[i]!;
      y = outline[i + 1]!;
    }
    parts.push('z');
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
  for (const outline of vector.outlines) {
    if (outline.length < 6) continue;
    ops.push(moveTo(outline[0]!, outline[1]!));
    for (let i = 2; i < outline.length; i += 2) ops.push(lineTo(outline[i]!, outline[i + 1]!));
    ops.push(closePath());
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
