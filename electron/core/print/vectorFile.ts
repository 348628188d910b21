import {
  clip,
  concatTransformationMatrix,
  drawObject,
  endPath,
  PDFDocument,
  PDFOperator,
  PDFOperatorNames,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
} from 'pdf-lib';
import { formatHexColor, parseHexColor } from '../../../shared/validateCodeRequest';
import type { VectorCode } from './vectorCode';
import { circleSteps, num, pdfPath, setInk, stepsOfCode, svgPath } from './vectorPath';
import { plainPrint, type VectorLogo, type VectorPrint } from './vectorPrint';

// How a code as printed is written for a print shop: SVG text or a one-page PDF at a physical size.
// Everything is shapes but the logo's picture, embedded as PNG at print resolution and cut to its
// circle by a clip path.

const POINTS_PER_MM = 72 / 25.4;
const WHITE = { r: 255, g: 255, b: 255 };

const printOf = (input: VectorCode | VectorPrint): VectorPrint =>
  'code' in input ? input : plainPrint(input);

/** The code's outlines as SVG path data, in the traced image's pixels. */
export const svgPathData = (vector: VectorCode): string => svgPath(stepsOfCode(vector));

/** The printed size of the whole page when the code is `widthMm` wide. */
function pageMm(print: VectorPrint, widthMm: number): { width: number; height: number } {
  const mmPerPixel = widthMm / print.code.width;
  return { width: print.layout.width * mmPerPixel, height: print.layout.height * mmPerPixel };
}

function svgLogo(logo: VectorLogo): string {
  const { area, picture } = logo;
  const { x, y, width } = picture.rect;
  const image = `<image x="${x}" y="${y}" width="${width}" height="${width}" preserveAspectRatio="none" href="data:image/png;base64,${picture.png.toString('base64')}"`;
  if (logo.shape === 'square') {
    return `<rect x="${area.x}" y="${area.y}" width="${area.width}" height="${area.width}" fill="#ffffff"/>\n${image}/>\n`;
  }
  const r = area.width / 2;
  return (
    `<circle cx="${num(area.x + r)}" cy="${num(area.y + r)}" r="${num(r)}" fill="#ffffff"/>\n` +
    `<clipPath id="logo"><circle cx="${num(x + width / 2)}" cy="${num(y + width / 2)}" r="${num(width / 2)}"/></clipPath>\n` +
    `${image} clip-path="url(#logo)"/>\n`
  );
}

/**
 * The code as an SVG document. With `widthMm` (the code's printed width) it declares that printed
 * size (a print shop's tools read it); without, it is as many CSS pixels as the composed image.
 * The viewBox is the composed image's pixel grid either way, so the file scales without loss.
 */
export function toSvg(input: VectorCode | VectorPrint, options: { widthMm?: number } = {}): string {
  const print = printOf(input);
  const { code, layout } = print;
  const [w, h] = [layout.width, layout.height];
  const size = options.widthMm ? pageMm(print, options.widthMm) : undefined;
  const width = size ? `${num(size.width)}mm` : String(w);
  const height = size ? `${num(size.height)}mm` : String(h);
  const { x, y } = layout.code;
  const move = x || y ? ` transform="translate(${x} ${y})"` : '';
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${w} ${h}">\n`,
    print.background === 'transparent'
      ? ''
      : `<rect width="${w}" height="${h}" fill="${print.background}"/>\n`,
    code.transparent ? '' : `<rect${move} width="${code.width}" height="${code.height}" fill="#ffffff"/>\n`,
    `<path${move} fill="${formatHexColor(code.color)}" fill-rule="evenodd" d="${svgPathData(code)}"/>\n`,
    print.logo ? svgLogo(print.logo) : '',
    ...print.labels.map((label) => `<path fill="${label.colour}" d="${svgPath(label.steps)}"/>\n`),
    '</svg>\n',
  ];
  return parts.join('');
}

const fill = (evenOdd = false) =>
  PDFOperator.of(evenOdd ? PDFOperatorNames.FillEvenOdd : PDFOperatorNames.FillNonZero);
const rectOps = (x: number, y: number, width: number, height: number) => [
  rectangle(x, y, width, height),
  fill(),
];

async function pdfLogo(doc: PDFDocument, page: PDFPage, logo: VectorLogo): Promise<PDFOperator[]> {
  const { area, picture } = logo;
  const { x, y, width } = picture.rect;
  const name = page.node.newXObject('Logo', (await doc.embedPng(picture.png)).ref);
  const r = area.width / 2;
  const ops: PDFOperator[] = [setInk(WHITE)];
  if (logo.shape === 'square') ops.push(...rectOps(area.x, area.y, area.width, area.width));
  else ops.push(...pdfPath(circleSteps(area.x + r, area.y + r, r)), fill());
  ops.push(pushGraphicsState());
  if (logo.shape === 'round')
    ops.push(...pdfPath(circleSteps(x + width / 2, y + width / 2, width / 2)), clip(), endPath());
  // The page is drawn y-down; an image fills the unit square y-up, so it is flipped into place.
  ops.push(
    concatTransformationMatrix(width, 0, 0, -width, x, y + width),
    drawObject(name),
    popGraphicsState(),
  );
  return ops;
}

/**
 * The code as a one-page PDF, the code `widthMm` wide (the page keeps the composed image's
 * proportions): a print shop scales it or places it as it is. Deterministic for the same input.
 */
export async function toPdf(
  input: VectorCode | VectorPrint,
  options: { widthMm: number },
): Promise<Uint8Array> {
  const print = printOf(input);
  const { code, layout } = print;
  const size = pageMm(print, options.widthMm);
  const [widthPt, heightPt] = [size.width * POINTS_PER_MM, size.height * POINTS_PER_MM];
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setProducer('WxaCode Studio');
  doc.setCreator('WxaCode Studio');
  const page = doc.addPage([widthPt, heightPt]);
  const scale = widthPt / layout.width;
  // From the composed image's pixel grid (y down) to PDF space (y up, points).
  const ops: PDFOperator[] = [
    pushGraphicsState(),
    concatTransformationMatrix(scale, 0, 0, -scale, 0, heightPt),
  ];
  const background = print.background === 'transparent' ? null : parseHexColor(print.background);
  if (background) ops.push(setInk(background), ...rectOps(0, 0, layout.width, layout.height));
  ops.push(pushGraphicsState(), concatTransformationMatrix(1, 0, 0, 1, layout.code.x, layout.code.y));
  if (!code.transparent) ops.push(setInk(WHITE), ...rectOps(0, 0, code.width, code.height));
  ops.push(setInk(code.color), ...pdfPath(stepsOfCode(code)), fill(true), popGraphicsState());
  if (print.logo) ops.push(...(await pdfLogo(doc, page, print.logo)));
  for (const label of print.labels) {
    ops.push(setInk(parseHexColor(label.colour)!), ...pdfPath(label.steps), fill());
  }
  ops.push(popGraphicsState());
  page.pushOperators(...ops);
  return doc.save();
}
