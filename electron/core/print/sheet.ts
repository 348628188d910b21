import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { sheetCellTooLarge } from '../../../shared/errors/print';
import { Failure } from '../../../shared/result';

// A print sheet: many codes on a page of real paper, each at its true physical size, with cut marks
// at each corner, as a PDF a print shop takes. Labels are already in each image (compose.ts), so
// the PDF needs no font. Written by hand: a few objects, images as Flate-compressed RGB, no dates,
// so the same codes give the same bytes.

export type Paper = 'A4' | 'A3' | 'Letter';

const PT_PER_MM = 72 / 25.4;
/** Paper in points, portrait (PRINT.md). */
export const PAPER_PT: Record<Paper, { width: number; height: number }> = {
  A4: { width: 210 * PT_PER_MM, height: 297 * PT_PER_MM },
  A3: { width: 297 * PT_PER_MM, height: 420 * PT_PER_MM },
  Letter: { width: 612, height: 792 },
};

export interface SheetCode {
  /** The code as printed (compose.ts output), any background. */
  png: Buffer;
  /** The image's printed width in millimetres: its height follows from its pixels. */
  widthMm: number;
}

export interface SheetOptions {
  paper: Paper;
  landscape?: boolean;
  /** Blank paper round the edge: sheets of labels leave at least 5 mm. */
  marginMm?: number;
  /** Between neighbouring codes, where the cut marks go. */
  gapMm?: number;
  cutMarks?: boolean;
}

export interface SheetLayout {
  page: { width: number; height: number };
  columns: number;
  rows: number;
  pages: number;
  /** Where each code goes, in points from the page's top-left corner. */
  cells: { page: number; x: number; y: number; width: number; height: number }[];
}

const DEFAULTS = { marginMm: 10, gapMm: 6, cutMarks: true };
const MARK_OFFSET_MM = 1;
const MARK_LENGTH_MM = 3;

/** The grid for `count` codes of `cellMm` on the paper: as many columns and rows as fit, centred. */
export function layOutSheet(
  count: number,
  cellMm: { width: number; height: number },
  options: SheetOptions,
): SheetLayout {
  const { marginMm, gapMm } = { ...DEFAULTS, ...options };
  const portrait = PAPER_PT[options.paper];
  const page = options.landscape ? { width: portrait.height, height: portrait.width } : portrait;
  const cell = { width: cellMm.width * PT_PER_MM, height: cellMm.height * PT_PER_MM };
  const margin = marginMm * PT_PER_MM;
  const gap = gapMm * PT_PER_MM;
  const room = { width: page.width - 2 * margin, height: page.height - 2 * margin };
  const columns = Math.floor((room.width + gap + 1e-6) / (cell.width + gap));
  const rows = Math.floor((room.height + gap + 1e-6) / (cell.height + gap));
  if (columns < 1 || rows < 1) {
    const mm = (pt: number) => (pt / PT_PER_MM).toFixed(0);
    throw new Failure(
      sheetCellTooLarge(
        `${cellMm.width.toFixed(0)} × ${cellMm.height.toFixed(0)}`,
        `${mm(room.width)} × ${mm(room.height)}`,
        options.paper,
      ),
    );
  }
  const perPage = columns * rows;
  const left = (page.width - (columns * cell.width + (columns - 1) * gap)) / 2;
  const top = (page.height - (rows * cell.height + (rows - 1) * gap)) / 2;
  const cells = Array.from({ length: count }, (_, i) => {
    const onPage = i % perPage;
    return {
      page: Math.floor(i / perPage),
      x: left + (onPage % columns) * (cell.width + gap),
      y: top + Math.floor(onPage / columns) * (cell.height + gap),
      ...cell,
    };
  });
  return { page, columns, rows, pages: Math.max(1, Math.ceil(count / perPage)), cells };
}

const num = (n: number) => (Math.round(n * 1000) / 1000).toString();

/** Two short lines pointing away from each corner of a cell, off its edge so no ink touches the code. */
function cutMarks(x: number, y: number, width: number, height: number): string {
  const off = MARK_OFFSET_MM * PT_PER_MM;
  const len = MARK_LENGTH_MM * PT_PER_MM;
  const lines: string[] = [];
  for (const [cx, dx] of [
    [x, -1],
    [x + width, 1],
  ] as const) {
    for (const [cy, dy] of [
      [y, -1],
      [y + height, 1],
    ] as const) {
      lines.push(`${num(cx + dx * off)} ${num(cy)} m ${num(cx + dx * (off + len))} ${num(cy)} l S`);
      lines.push(`${num(cx)} ${num(cy + dy * off)} m ${num(cx)} ${num(cy + dy * (off + len))} l S`);
    }
  }
  return lines.join('\n');
}

/** The codes laid out on as many pages as they need, as PDF bytes. */
export async function printSheet(codes: readonly SheetCode[], options: SheetOptions): Promise<Buffer> {
  const images = await Promise.all(
    codes.map(async (code) => {
      const { data, info } = await sharp(code.png)
        .flatten({ background: '#ffffff' })
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      return { data: deflateSync(data), width: info.width, height: info.height, widthMm: code.widthMm };
    }),
  );
  const cellMm = images.reduce(
    (most, image) => ({
      width: Math.max(most.width, image.widthMm),
      height: Math.max(most.height, (image.widthMm * image.height) / image.width),
    }),
    { width: 0, height: 0 },
  );
  const layout = layOutSheet(codes.length, cellMm, options);
  const marks = options.cutMarks ?? DEFAULTS.cutMarks;

  // Objects: 1 catalog, 2 page tree, then per page its page and content, then one per image.
  const objects: Buffer[] = [];
  const pageIds = Array.from({ length: layout.pages }, (_, p) => 3 + 2 * p);
  const imageId = (i: number) => 3 + 2 * layout.pages + i;
  objects[1] = Buffer.from('<< /Type /Catalog /Pages 2 0 R >>');
  objects[2] = Buffer.from(
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${layout.pages} >>`,
  );
  const { width: pw, height: ph } = layout.page;
  for (let p = 0; p < layout.pages; p++) {
    const onPage = layout.cells.map((cell, i) => ({ cell, i })).filter(({ cell }) => cell.page === p);
    const draw = onPage.map(({ cell, i }) => {
      const image = images[i]!;
      // Each image keeps its own aspect within the cell, at its own physical width, top-left aligned.
      const width = image.widthMm * PT_PER_MM;
      const height = (width * image.height) / image.width;
      return `q ${num(width)} 0 0 ${num(height)} ${num(cell.x)} ${num(ph - cell.y - height)} cm /Im${i} Do Q`;
    });
    const cuts = marks
      ? onPage.map(({ cell }) => cutMarks(cell.x, ph - cell.y - cell.height, cell.width, cell.height))
      : [];
    const content = Buffer.from([...draw, '0.25 w 0 G', ...cuts].join('\n'));
    const xobjects = onPage.map(({ i }) => `/Im${i} ${imageId(i)} 0 R`).join(' ');
    objects[pageIds[p]!] = Buffer.from(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(pw)} ${num(ph)}] /Resources << /XObject << ${xobjects} >> >> /Contents ${pageIds[p]! + 1} 0 R >>`,
    );
    objects[pageIds[p]! + 1] = Buffer.concat([
      Buffer.from(`<< /Length ${content.length} >>\nstream\n`),
      content,
      Buffer.from('\nendstream'),
    ]);
  }
  images.forEach((image, i) => {
    objects[imageId(i)] = Buffer.concat([
      Buffer.from(
        `<< /Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length ${image.data.length} >>\nstream\n`,
      ),
      image.data,
      Buffer.from('\nendstream'),
    ]);
  });

  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = length;
    const body = Buffer.concat([Buffer.from(`${id} 0 obj\n`), objects[id]!, Buffer.from('\nendobj\n')]);
    parts.push(body);
    length += body.length;
  }
  const xref = [
    'xref',
    `0 ${objects.length}`,
    '0000000000 65535 f ',
    ...offsets.slice(1).map((offset) => `${String(offset).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length} /Root 1 0 R >>`,
    'startxref',
    String(length),
    '%%EOF',
  ].join('\n');
  parts.push(Buffer.from(`${xref}\n`));
  return Buffer.concat(parts);
}
