import { resolve } from 'node:path';
import { type BatchPrint, printsAnything, type SheetPaper } from '../../shared/batchPrint';
import type { CodeKind } from '../../shared/codeRequest';
import { formatUnknown, OUTPUT_FORMATS, type OutputFormat, restatedForFlag } from '../../shared/errors/cli';
import { widthWithPrintSize } from '../../shared/errors/print';
import { paperUnknown, sheetOutNotPdf, sheetSizeOrGrid } from '../../shared/errors/printSheet';
import { parseGrid, type SheetGrid } from '../../shared/print/sheetGrid';
import { Failure } from '../../shared/result';
import { checkBatchPrint } from '../core/batch/batchPrint';
import { readLogoFile } from '../core/print/logo';
import { parseDpi, parsePrintSize } from '../core/print/physicalSize';
import { PAPER_PT } from '../core/print/sheet';
import { asFlagError } from './codeFlags';
import { FORMAT_FLAG } from './outputFormat';
import { posterFromFlag, posterWidth } from './posterFlags';
import { PRINT_FLAGS, type PrintFlagValues } from './printFlags';

// The print flags of `batch`: labels from the sheet's columns, the logo, the printed size, a vector
// file per row and a print sheet. All checked against the sheet's headers, and the logo read,
// before any call to WeChat.

export const BATCH_PRINT_FLAGS = {
  ...PRINT_FLAGS,
  ...FORMAT_FLAG,
  sheet: { type: 'string' },
  paper: { type: 'string' },
  size: { type: 'string' },
  landscape: { type: 'boolean' },
  grid: { type: 'string' },
  cmyk: { type: 'boolean' },
} as const;

export const BATCH_PRINT_USAGE =
  "[--label TEXT (placeholders: '{门店名称}', any header)]… [--logo FILE] [--print-size 4cm|1.5in] [--dpi N] [--format png|svg|pdf] [--sheet sheet.pdf [--paper A4|A3|Letter] [--landscape] [--size 4cm | --grid 3x4] [--cmyk]]";

export interface BatchPrintFlagValues extends PrintFlagValues {
  format?: string;
  sheet?: string;
  paper?: string;
  size?: string;
  landscape?: boolean;
  grid?: string;
  cmyk?: boolean;
  /** The poster template's JSON file: each row's poster is made beside its code, as the app does. */
  poster?: string;
}

/**
 * The batch's print options from its flags, checked; undefined when none was given. `requestWidth`
 * is the width WeChat is asked for when --print-size sets it, else (without --width) a poster's slot.
 */
export async function batchPrintFromFlags(
  values: BatchPrintFlagValues,
  headers: readonly string[],
  kind: CodeKind,
): Promise<{ print?: BatchPrint; requestWidth?: number }> {
  const sheetOnly = (['paper', 'size', 'landscape', 'grid', 'cmyk'] as const).find(
    (flag) => values[flag] !== undefined && values[flag] !== false,
  );
  if (sheetOnly && values.sheet === undefined) {
    throw new Failure(restatedForFlag(sheetOutNotPdf(), `--${sheetOnly}`, 0));
  }
  if (values.size !== undefined && values.grid !== undefined) {
    throw new Failure(restatedForFlag(sheetSizeOrGrid(true), '--grid', 0));
  }
  if (values.format !== undefined && !(OUTPUT_FORMATS as readonly string[]).includes(values.format)) {
    throw new Failure(formatUnknown(values.format));
  }
  if (values.sheet !== undefined && !/\.pdf$/i.test(values.sheet)) {
    throw new Failure(restatedForFlag(sheetOutNotPdf(), '--sheet', 0));
  }
  if (values.paper !== undefined && !Object.hasOwn(PAPER_PT, values.paper)) {
    throw new Failure(asFlagError(paperUnknown(values.paper)));
  }
  if (values['print-size'] !== undefined && values.width !== undefined) {
    throw new Failure(asFlagError(widthWithPrintSize()));
  }
  // The template parsed and its placeholders checked against the sheet: exit 2 naming --poster.
  const poster = await posterFromFlag(values.poster, headers);
  let grid: SheetGrid | undefined;
  try {
    if (values.size !== undefined) parsePrintSize(values.size);
    if (values.grid !== undefined) grid = parseGrid(values.grid);
  } catch (caught) {
    if (!(caught instanceof Failure)) throw caught;
    throw new Failure(restatedForFlag(caught.error, caught.error.field === 'grid' ? '--grid' : '--size', 0));
  }
  try {
    // --dpi is read as text: "300dpi" or 0 is refused with the bounds rather than becoming NaN.
    const dpi = values.dpi === undefined ? undefined : parseDpi(values.dpi);
    const print: BatchPrint = {
      ...(values.label?.length ? { labels: values.label } : {}),
      ...(values.logo !== undefined ? { logoFile: resolve(values.logo) } : {}),
      ...(values['print-size'] !== undefined ? { printSize: values['print-size'] } : {}),
      ...(dpi !== undefined ? { dpi } : {}),
      ...(values.format !== undefined ? { format: values.format as OutputFormat } : {}),
      ...(values.poster !== undefined ? { posterFile: resolve(values.poster) } : {}),
      ...(values.sheet !== undefined
        ? {
            sheet: {
              file: resolve(values.sheet),
              ...(values.paper !== undefined ? { paper: values.paper as SheetPaper } : {}),
              ...(values.landscape ? { landscape: true } : {}),
              ...(values.size !== undefined ? { size: values.size } : {}),
              ...(grid ? { grid } : {}),
              ...(values.cmyk ? { cmyk: true } : {}),
            },
          }
        : {}),
    };
    if (!printsAnything(print)) return {};
    const printed = checkBatchPrint(print, headers).requestWidth;
    // The printed size decides the width; without one (and without --width), the poster's slot does.
    const slot = poster && values.width === undefined ? Number(posterWidth(poster)) : undefined;
    const requestWidth = printed ?? slot;
    if (print.logoFile) await readLogoFile(print.logoFile, kind);
    return { print, ...(requestWidth !== undefined ? { requestWidth } : {}) };
  } catch (caught) {
    if (caught instanceof Failure) throw new Failure(asFlagError(caught.error));
    throw caught;
  }
}
