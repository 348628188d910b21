import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { restatedForFlag } from '../../shared/errors/cli';
import { paperUnknown, sheetNoCodes, sheetOutNotPdf } from '../../shared/errors/printSheet';
import { MAX_SHEET_CODES } from '../../shared/print/printLimits';
import { parseGrid } from '../../shared/print/sheetGrid';
import { Failure } from '../../shared/result';
import type { PlannedRow } from '../core/batch/plan';
import { bundledLabelFont } from '../core/print/labelFont';
import { checkLabels, labelForRow } from '../core/print/labelText';
import { PAPER_PT, type Paper, printSheet } from '../core/print/sheet';
import { labelledSheetCode, type SheetSizing, sheetSizing } from '../core/print/sheetCodes';
import { writeFileAtomic } from '../core/storage/atomicFile';
import { asFlagError } from './codeFlags';
import { parseFlags, requireFlag, wholeNumber } from './flags';
import { sheetSources } from './sheetSources';

export const SHEET_USAGE =
  "wxacode sheet --from DIR|results.csv (--size 4cm|1.5in | --grid 3x4) --out sheet.pdf [--paper A4|A3|Letter] [--landscape] [--label TEXT ({row} {name} = the file's name)]… [--margin MM] [--no-cut-marks] [--cmyk]";

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
  let sizing: SheetSizing;
  try {
    sizing = sheetSizing({
      size: values.size,
      ...(values.grid !== undefined ? { grid: parseGrid(values.grid) } : {}),
    });
    checkLabels(labels, []);
  } catch (caught) {
    if (!(caught instanceof Failure)) throw caught;
    const both = values.size !== undefined && values.grid !== undefined;
    const flags: Record<string, string> = {
      printSize: '--size',
      size: both ? '--grid' : '--size',
      grid: '--grid',
    };
    throw new Failure(restatedForFlag(caught.error, flags[caught.error.field ?? ''] ?? '--label', 0));
  }
  const names = await sheetSources(folder, MAX_SHEET_CODES);
  if (names.length === 0) throw new Failure(asFlagError(sheetNoCodes(folder)));

  const font = bundledLabelFont();
  const codes = [];
  for (const [index, name] of names.entries()) {
    const row: PlannedRow = {
      row: index + 1,
      key: '',
      name: basename(name, extname(name)),
      cells: [],
      request: { kind: 'qrcode', path: '', width: 0 },
    };
    const texts = labels.map((text) => labelForRow(text, row, []));
    const code = await labelledSheetCode(await readFile(name), texts, sizing.codeMm, font);
    if (!code) throw new Failure(asFlagError(sheetNoCodes(name)));
    codes.push(code);
  }
  const { bytes, scale } = await printSheet(codes, {
    paper: paper as Paper,
    landscape: values.landscape ?? false,
    ...(marginMm !== undefined ? { marginMm } : {}),
    cutMarks: !values['no-cut-marks'],
    ...(sizing.grid ? { grid: sizing.grid } : {}),
    cmyk: values.cmyk ?? false,
  });
  await writeFileAtomic(file, bytes);
  const cm = (sizing.codeMm * scale) / 10;
  out(`Saved ${file}: ${codes.length} codes, each ${cm.toFixed(1)} cm wide, on ${paper} paper.`);
}
