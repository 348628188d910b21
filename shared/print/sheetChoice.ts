import { z } from 'zod';
import { GRID_MAX } from './sheetGrid';

// What a print sheet is asked for with, wherever it is asked: the batch's options, History's sheet
// dialog. The outer bounds only; core/print checks sizes and grids with errors that name the fix.

/** As `wxacode sheet --margin` allows. */
export const SHEET_MARGIN_MAX_MM = 50;

export const SHEET_PAPERS = ['A4', 'A3', 'Letter'] as const;
export type SheetPaper = (typeof SHEET_PAPERS)[number];

const count = z.number().int().min(1).max(GRID_MAX);

export const sheetChoiceSchema = z.strictObject({
  paper: z.enum(SHEET_PAPERS).optional(),
  landscape: z.boolean().optional(),
  /** Each code's printed width, '4cm', '40mm' or '1.5in'; or else a grid. */
  size: z.string().min(1).max(20).optional(),
  /** Columns × rows per page: the codes' size follows from the paper. */
  grid: z.strictObject({ columns: count, rows: count }).optional(),
  cutMarks: z.boolean().optional(),
  /** Blank paper round the page's edge, in mm: most printers need at least 5. */
  marginMm: z.number().int().min(0).max(SHEET_MARGIN_MAX_MM).optional(),
  /** Black as 100 % K for print shops. */
  cmyk: z.boolean().optional(),
});

export type SheetChoice = z.infer<typeof sheetChoiceSchema>;
