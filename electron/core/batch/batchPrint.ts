import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { BatchPrint } from '../../../shared/batchPrint';
import type { CodeKind } from '../../../shared/codeRequest';
import { type ComposeOptions, compose } from '../print/compose';
import { bundledLabelFont } from '../print/labelFont';
import { labelSizing } from '../print/labelSizing';
import { checkLabels, labelForRow } from '../print/labelText';
import { type LogoOptions, readLogoFile } from '../print/logo';
import {
  DEFAULT_DPI,
  dpiForWidth,
  type PrintSize,
  parseDpi,
  parsePrintSize,
  planPrint,
} from '../print/physicalSize';
import { printSheet, type SheetCode } from '../print/sheet';
import { sheetOptionsOf, sheetSizing } from '../print/sheetCodes';
import { vectorOutput } from '../print/vectorOutput';
import { writeFileAtomic } from '../storage/atomicFile';
import { BatchPoster } from './batchPoster';
import type { PlannedRow } from './plan';
import { rowFilePath } from './subfolders';

// A batch's print step, per row and at the end: the code composed as printed (labels from the row's
// cells, the centre logo, the DPI of its printed size), a vector file traced from it, and the print
// sheet of every row made. Files are named after the row's PNG, so a continued batch finds them.

/** Sheet codes are this wide when neither the sheet nor the print options say. */
const DEFAULT_SHEET_SIZE = '4cm';

/** The files a row's print options make besides its PNG, as names within the output folder. */
export interface RowPrintFiles {
  printFile?: string;
  vectorFile?: string;
  posterFile?: string;
}

/**
 * Every option checked against the sheet's headers, before any call: a label naming no column, a
 * size of 0, an unknown paper each throw a Failure naming the fix. The width WeChat is asked for
 * comes from the printed size (undefined: the batch's own width stands).
 */
export function checkBatchPrint(print: BatchPrint, headers: readonly string[]): { requestWidth?: number } {
  checkLabels(print.labels ?? [], headers);
  const dpi = print.dpi === undefined ? DEFAULT_DPI : parseDpi(String(print.dpi));
  const size = print.printSize === undefined ? undefined : parsePrintSize(print.printSize);
  const sheet = print.sheet;
  if (sheet?.grid !== undefined) sheetSizing(sheet);
  else if (sheet?.size !== undefined) parsePrintSize(sheet.size);
  return size ? { requestWidth: planPrint(size, dpi).requestWidth } : {};
}

/** `001-上海店.png` → `001-上海店-print.png`, `001-上海店.svg`. */
const stem = (file: string) => file.replace(/\.png$/i, '');

export class BatchPrinter {
  private readonly size?: PrintSize;
  private readonly dpi: number;
  private readonly font = bundledLabelFont();

  private constructor(
    readonly print: BatchPrint,
    private readonly headers: readonly string[],
    private readonly logo: LogoOptions | undefined,
    readonly poster: BatchPoster | undefined,
  ) {
    this.dpi = print.dpi ?? DEFAULT_DPI;
    if (print.printSize !== undefined) this.size = parsePrintSize(print.printSize);
  }

  /** Checks the options and reads the logo: a Failure before any row is made when something is wrong. */
  static async open(print: BatchPrint, headers: readonly string[], kind: CodeKind): Promise<BatchPrinter> {
    checkBatchPrint(print, headers);
    const logo = print.logoFile === undefined ? undefined : await readLogoFile(print.logoFile, kind);
    const poster =
      print.posterFile === undefined ? undefined : await BatchPoster.open(print.posterFile, headers, logo);
    return new BatchPrinter(print, headers, logo, poster);
  }

  /** Whether each code is composed (labels, logo, printed size or DPI) into a file of its own. */
  private get composes(): boolean {
    const p = this.print;
    return (
      (p.labels?.length ?? 0) > 0 ||
      this.logo !== undefined ||
      p.printSize !== undefined ||
      p.dpi !== undefined
    );
  }

  /** What writeRow makes for a row whose PNG is `file`. */
  filesFor(file: string): RowPrintFiles {
    const format = this.print.format ?? 'png';
    return {
      ...(this.composes ? { printFile: `${stem(file)}-print.png` } : {}),
      ...(format !== 'png' ? { vectorFile: `${stem(file)}.${format}` } : {}),
      ...(this.poster ? { posterFile: this.poster.fileFor(file) } : {}),
    };
  }

  /** compose()'s options for a row: its labels filled from the row, the logo, the DPI its printed size gives. */
  private async optionsFor(png: Buffer, row: PlannedRow): Promise<ComposeOptions> {
    const { width = 0 } = await sharp(png).metadata();
    const texts = this.print.labels ?? [];
    const { size, margin, gap } = labelSizing(width, texts.length);
    return {
      labels: texts.map((text) => ({ text: labelForRow(text, row, this.headers), size })),
      margin,
      gap,
      dpi: this.size ? dpiForWidth(width, this.size) : this.dpi,
      font: this.font,
      ...(this.logo ? { logo: this.logo } : {}),
    };
  }

  /** The code as printed: labels, logo and DPI applied. */
  async composed(png: Buffer, row: PlannedRow): Promise<Buffer> {
    return (await compose(png, await this.optionsFor(png, row))).png;
  }

  /** Writes the row's print files beside its PNG; returns their names. */
  async writeRow(outDir: string, file: string, png: Buffer, row: PlannedRow): Promise<RowPrintFiles> {
    const files = this.filesFor(file);
    if (files.printFile) {
      await writeFileAtomic(await rowFilePath(outDir, files.printFile), await this.composed(png, row));
    }
    if (files.posterFile) {
      const bytes = await this.poster!.file(png, row);
      await writeFileAtomic(await rowFilePath(outDir, files.posterFile), bytes);
    }
    if (files.vectorFile) {
      const bytes = await this.vector(png, row);
      await writeFileAtomic(await rowFilePath(outDir, files.vectorFile), bytes);
    }
    return files;
  }

  /**
   * The row as the first-row check shows it: its poster, else the code as printed; undefined when
   * the options print nothing of the row's own (a vector file or the sheet only).
   */
  async sample(png: Buffer, row: PlannedRow): Promise<{ png: Buffer; kind: 'poster' | 'code' } | undefined> {
    if (this.poster) return { png: await this.poster.png(png, row), kind: 'poster' };
    return this.composes ? { png: await this.composed(png, row), kind: 'code' } : undefined;
  }

  /** Traced from the code as WeChat sent it, in its colour, at its printed width, with the PNG's labels and logo. */
  private async vector(png: Buffer, row: PlannedRow): Promise<Uint8Array | string> {
    const format = this.print.format === 'svg' ? 'svg' : 'pdf';
    const widthMm = this.size ? this.size.cm * 10 : undefined;
    return (await vectorOutput(format, png, row.request, widthMm, this.dpi, await this.optionsFor(png, row)))
      .bytes;
  }

  /** Each code's printed width on the sheet, in millimetres. */
  private get sheetCodeMm(): number {
    return parsePrintSize(this.print.sheet?.size ?? this.print.printSize ?? DEFAULT_SHEET_SIZE).cm * 10;
  }

  /**
   * The print sheet of the rows made, in row order, each code at its true size with its labels;
   * returns the page (from 1) each row landed on.
   */
  async writeSheet(
    outDir: string,
    sheetFile: string,
    rows: readonly { row: number; file: string; printFile?: string }[],
  ): Promise<Map<number, number>> {
    const sheet = this.print.sheet ?? {};
    const codeMm = this.sheetCodeMm;
    const codes: SheetCode[] = [];
    for (const made of rows) {
      const code = await readFile(await rowFilePath(outDir, made.file));
      const printed = made.printFile ? await readFile(await rowFilePath(outDir, made.printFile)) : code;
      const [codeMeta, printedMeta] = await Promise.all([sharp(code).metadata(), sharp(printed).metadata()]);
      // The code itself is `codeMm` wide; labels and margins of the composed image add to that.
      codes.push({ png: printed, widthMm: (codeMm * (printedMeta.width ?? 1)) / (codeMeta.width ?? 1) });
    }
    const { bytes, layout } = await printSheet(codes, sheetOptionsOf(sheet, sheet.grid));
    await writeFileAtomic(sheetFile, bytes);
    return new Map(rows.map((made, i) => [made.row, layout.cells[i]!.page + 1]));
  }
}
