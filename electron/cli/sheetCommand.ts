import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import sharp from 'sharp';
import { restatedForFlag } from '../../shared/errors/cli';
import { paperUnknown, sheetNoCodes, sheetOutNotPdf, sheetSizeOrGrid } from '../../shared/errors/print';
import { parseGrid, type SheetGrid } from '../../shared/print/sheetGrid';
import { Failure } from '../../shared/result';
import type { PlannedRow } from '../core/batch/plan';
import { compose } from '../core/print/compose';
import { bundledLabelFont } from '../core/print/labelFont';
import { labelSizing } from '../core/print/labelSizing';
import { checkLabels, labelForRow } from '../core/print/labelText';
import { parsePrintSize } from '../core/print/physicalSize';
import { PAPER_PT, type Paper, printSheet } from '../core/print/sheet';
import { writeFileAtomic } from '../core/storage/atomicFile';
import { asFlagError } from './codeFlags';
import { parseFlags, requireFlag, wholeNumber } from './flags';
import { sheetSources } from './sheetSources';

export const SHEET_USAGE =
  "wxacode sheet --from DIR|results.csv (--size 4cm|1.5in | --grid 3x4) --out sheet.pdf [--paper A4|A3|Letter] [--landscape] [--label TEXT ({row} {name} = the file's name)]… [--margin MM] [--no-cut-marks] [--cmyk]";

/** With a grid, codes are laid out at this width and scaled to fill their cells. */
const GRID_NOMINAL_CM = 1;

/** The most codes one sheet run lays out: 100 A4 pages of 4 cm codes. */
const MAX_CODES = 2400;

/** `wxacode sheet`: the PNG codes of a folder on print-ready pages, at their true size. */
export async function sheetCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values } = parseFlags(
    args,
    {
      from: { type: 'string' },
      size: { type: 'string' },
      out: { type: 'string' },
      paper: { type: 'string' },
      landscape: { type: 'boolean' },
      label: { type: 'string', multiple: true },
      margin: { type: 'string' },
      'no-cut-marks': { type: 'boolean' },
      grid: { type: 'string' },
      cmyk: { type: 'boolean' },
    },
    SHEET_USAGE,
  );
  const folder = requireFlag(
    values.from,
    '--from',
    'the folder of PNG codes, or a batch’s results.csv',
    '放 PNG 码的文件夹，或批量生成的 results.csv',
  );
  const file = requireFlag(values.out, '--out', 'the PDF file to write', '要写入的 PDF 文件');
  if (!/\.pdf$/i.test(file)) throw new Failure(asFlagError(sheetOutNotPdf()));
  const paper = values.paper ?? 'A4';
  if (!Object.hasOwn(PAPER_PT, paper)) throw new Failure(asFlagError(paperUnknown(paper)));
  const marginMm = wholeNumber('--margin', values.margin, 0, 50, 10);
  const labels = values.label ?? [];
  if ((values.size === undefined) === (values.grid === undefined)) {
    const both = values.size !== undefined;
    throw new Failure(restatedForFlag(sheetSizeOrGrid(both), both ? '--grid' : '--size', 0));
  }
  let sizeCm: number | undefined;
  let grid: SheetGrid | undefined;
  try {
    if (values.size !== undefined) sizeCm = parsePrintSize(values.size).cm;
    if (values.grid !== undefined) grid = parseGrid(values.grid);
    checkLabels(labels, []);
  } catch (caught) {
    if (!(caught instanceof Failure)) throw caught;
    const flag = { printSize: '--size', grid: '--grid' }[caught.error.field ?? ''] ?? '--label';
    throw new Failure(restatedForFlag(caught.error, flag, 0));
  }
  const names = await sheetSources(folder, MAX_CODES);
  if (names.length === 0) throw new Failure(asFlagError(sheetNoCodes(folder)));

  const font = bundledLabelFont();
  const codes = [];
  for (const [index, name] of names.entries()) {
    const png = await readFile(name);
    const row: PlannedRow = {
      row: index + 1,
      key: '',
      name: basename(name, extname(name)),
      cells: [],
      request: { kind: 'qrcode', path: '', width: 0 },
    };
    const { width = 0 } = await sharp(png)
      .metadata()
      .catch(() => ({ width: 0 }));
    if (!width) throw new Failure(asFlagError(sheetNoCodes(name)));
    // No margin around each code: the sheet puts its own gap between cells.
    const { size, gap } = labelSizing(width, labels.length);
    const { png: printed, layout } = await compose(png, {
      font,
      labels: labels.map((text) => ({ text: labelForRow(text, row, []), size })),
      gap,
    });
    codes.push({ png: printed, widthMm: ((sizeCm ?? GRID_NOMINAL_CM) * 10 * layout.width) / width });
  }
  const { bytes, scale } = await printSheet(codes, {
    paper: paper as Paper,
    landscape: values.landscape ?? false,
    ...(marginMm !== undefined ? { marginMm } : {}),
    cutMarks: !values['no-cut-marks'],
    ...(grid ? { grid } : {}),
    cmyk: values.cmyk ?? false,
  });
  await writeFileAtomic(file, bytes);
  const cm = (sizeCm ?? GRID_NOMINAL_CM) * scale;
  out(`Saved ${file}: ${codes.length} codes, each ${cm.toFixed(1)} cm wide, on ${paper} paper.`);
}
