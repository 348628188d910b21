import { promisify } from 'node:util';
import { deflate } from 'node:zlib';
import {
  concatTransformationMatrix,
  drawObject,
  PDFDocument,
  PDFName,
  type PDFRef,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';
import sharp from 'sharp';
import { cutMarkOperators, rgbToCmyk } from './sheetInk';
import {
  gridScale,
  layOutSheet,
  PT_PER_MM,
  SHEET_DEFAULTS,
  type SheetLayout,
  type SheetOptions,
} from './sheetLayout';

// A print sheet: many codes on a page of real paper, each at its true physical size, with cut marks
// at each corner, as a PDF a print shop takes. Labels are already in each image (compose.ts), so the
// PDF needs no font. Written with pdf-lib like the vector files, without dates or IDs, so the same
// codes give the same bytes.

export { PAPER_PT, type Paper, type SheetOptions } from './sheetLayout';

export interface SheetCode {
  /** The code as printed (compose.ts output), any background. */
  png: Buffer;
  /** The image's printed width in millimetres (with a grid, only its proportion to the others counts). */
  widthMm: number;
}

export interface PrintedSheet {
  bytes: Uint8Array;
  layout: SheetLayout;
  /** What each code's widthMm was multiplied by to fill the grid; 1 without one. */
  scale: number;
}

// On libuv's thread pool, so several images compress at once rather than one after another on the main thread.
const deflateAsync = promisify(deflate);

interface RawImage {
  data: Buffer;
  width: number;
  height: number;
}

/** On white, as packed RGB (or CMYK), Flate-compressed by Node's zlib: faster than pdf-lib's PNG path (which decodes and re-deflates in JS). */
async function rawImage(png: Buffer, cmyk: boolean): Promise<RawImage> {
  const { data, info } = await sharp(png)
    .flatten({ background: '#ffffff' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: await deflateAsync(cmyk ? rgbToCmyk(data) : data), width: info.width, height: info.height };
}

function embed(doc: PDFDocument, image: RawImage, cmyk: boolean): PDFRef {
  const stream = doc.context.stream(image.data, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: image.width,
    Height: image.height,
    ColorSpace: cmyk ? 'DeviceCMYK' : 'DeviceRGB',
    BitsPerComponent: 8,
    Filter: 'FlateDecode',
  });
  return doc.context.register(stream);
}

/** The codes laid out on as many pages as they need, as PDF bytes and where each landed. */
export async function printSheet(codes: readonly SheetCode[], options: SheetOptions): Promise<PrintedSheet> {
  const cmyk = options.cmyk ?? false;
  const images = await Promise.all(codes.map((code) => rawImage(code.png, cmyk)));
  const heightMm = (i: number) => (codes[i]!.widthMm * images[i]!.height) / images[i]!.width;
  const natural = images.reduce(
    (most, _, i) => ({
      width: Math.max(most.width, codes[i]!.widthMm),
      height: Math.max(most.height, heightMm(i)),
    }),
    { width: 0, height: 0 },
  );
  const scale = options.grid ? gridScale(natural, options.grid, options) : 1;
  const layout = layOutSheet(
    codes.length,
    { width: natural.width * scale, height: natural.height * scale },
    options,
  );

  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setProducer('WxaCode Studio');
  doc.setCreator('WxaCode Studio');
  const { width: pw, height: ph } = layout.page;
  const pages = Array.from({ length: layout.pages }, () => doc.addPage([pw, ph]));
  layout.cells.forEach((cell, i) => {
    const page = pages[cell.page]!;
    // Named by index rather than pdf-lib's uniqueKey, so names never depend on its counters.
    const name = PDFName.of(`Im${i}`);
    page.node.setXObject(name, embed(doc, images[i]!, cmyk));
    // Each image keeps its own aspect within the cell, at its own physical width, top-left aligned.
    const width = codes[i]!.widthMm * scale * PT_PER_MM;
    const height = heightMm(i) * scale * PT_PER_MM;
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(width, 0, 0, height, cell.x, ph - cell.y - height),
      drawObject(name),
      popGraphicsState(),
    );
  });
  if (options.cutMarks ?? SHEET_DEFAULTS.cutMarks) {
    pages.forEach((page, p) => {
      const cells = layout.cells
        .filter((cell) => cell.page === p)
        .map((cell) => ({ ...cell, y: ph - cell.y - cell.height }));
      page.pushOperators(...cutMarkOperators(cells, cmyk));
    });
  }
  // No object streams: a print shop's RIP may read only PDF 1.4 (PDF/X-1a forbids them).
  return { bytes: await doc.save({ useObjectStreams: false }), layout, scale };
}
