import { z } from 'zod';
import { OUTPUT_FORMATS } from './errors/cli';
import { sheetChoiceSchema } from './print/sheetChoice';

// A batch's print options: what each row's code looks like on paper, and the print sheet beside
// the PNGs. Saved with the batch (its manifest), so Continue makes the same files; the form, the CLI
// and a continued batch all pass through this one schema.

export { SHEET_PAPERS, type SheetPaper } from './print/sheetChoice';

/** Bounds here are the outer ones; core/print checks the finer rules (sizes, placeholders) with fixes. */
export const batchPrintSchema = z.strictObject({
  /** Label lines under each code; placeholders like {门店名称} come from the row's cells. */
  labels: z.array(z.string().max(500)).max(6).optional(),
  /** The centre logo's file (PNG, JPEG or SVG): chosen in a main-process dialog, never by the page. */
  logoFile: z.string().min(1).max(4096).optional(),
  /** The printed width, '4cm', '40mm' or '1.5in': WeChat's width follows from it and the DPI. */
  printSize: z.string().min(1).max(20).optional(),
  dpi: z.number().int().min(72).max(1200).optional(),
  /** A poster template's JSON file: each row's code placed on it, as `<file>-poster.png` or `.pdf`. */
  posterFile: z.string().min(1).max(4096).optional(),
  /** Besides each PNG, a vector file traced from it. */
  format: z.enum(OUTPUT_FORMATS).optional(),
  sheet: sheetChoiceSchema
    .extend({
      /** The PDF; default `<output folder>/sheet.pdf`. Size defaults to the printed size, else 4 cm. */
      file: z.string().min(1).max(4096).optional(),
    })
    .optional(),
});

export type BatchPrint = z.infer<typeof batchPrintSchema>;

/**
 * What the batch view's Print part sends with Start: no path at all. The logo is named by the grant
 * main gave for the file the user picked in its dialog, the poster by its saved template's id; the
 * sheet goes into the output folder.
 */
export const batchPrintChoiceSchema = batchPrintSchema
  .omit({ logoFile: true, posterFile: true, sheet: true })
  .extend({
    logoGrant: z.string().min(1).max(200).optional(),
    /** A template saved in the app, by main's id. */
    posterId: z.string().min(1).max(200).optional(),
    sheet: batchPrintSchema.shape.sheet.unwrap().omit({ file: true }).optional(),
  });

export type BatchPrintChoice = z.infer<typeof batchPrintChoiceSchema>;

/** A logo the user chose in main's dialog: its file name, for display, and the grant that names it. */
export interface LogoGrant {
  grant: string;
  name: string;
}

/** True when the options ask for anything beyond the PNGs WeChat sends. */
export const printsAnything = (print: BatchPrint | undefined): print is BatchPrint =>
  print !== undefined &&
  ((print.labels?.length ?? 0) > 0 ||
    print.logoFile !== undefined ||
    print.posterFile !== undefined ||
    print.printSize !== undefined ||
    print.dpi !== undefined ||
    (print.format !== undefined && print.format !== 'png') ||
    print.sheet !== undefined);
