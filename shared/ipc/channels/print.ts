import { z } from 'zod';
import {
  type PosterBackgroundView,
  type PosterEdit,
  type PosterSummary,
  posterDraftSchema,
} from '../../poster';
import { MAX_DPI, MIN_DPI } from '../../print/physicalSize';
import {
  MAX_LABEL_CHARACTERS,
  MAX_LABEL_LINES,
  MAX_LABEL_SIZE,
  MAX_PRINT_MARGIN,
  MIN_LABEL_SIZE,
} from '../../print/printLimits';
import { type ChannelTable, id, none, schema } from './payloads';

const hexColour = z.string().regex(/^#[0-9a-f]{6}$/i);
/**
 * How the form's Print section asks for the current code as printed. Everything is bounded here;
 * the core's checks (labelText.ts, compose.ts, logo.ts, physicalSize.ts) then give the messages
 * naming the field and the fix. The logo is named by the id main gave it when it read the file.
 */
const printOptions = z.strictObject({
  /** The code's printed width as typed, e.g. "4cm" or "1.5in"; absent, the code is printed at `dpi`. */
  printSize: z.string().max(20).optional(),
  dpi: z.number().int().min(MIN_DPI).max(MAX_DPI),
  labels: z
    .array(
      z.strictObject({
        // Characters are counted by the core (a character may be two UTF-16 units).
        text: z.string().max(MAX_LABEL_CHARACTERS * 2),
        position: z.enum(['above', 'below']),
        size: z.number().int().min(MIN_LABEL_SIZE).max(MAX_LABEL_SIZE),
        weight: z.enum(['normal', 'bold']),
        colour: hexColour,
        align: z.enum(['left', 'centre', 'right']),
      }),
    )
    .max(MAX_LABEL_LINES),
  margin: z.number().int().min(0).max(MAX_PRINT_MARGIN),
  background: z.union([z.literal('transparent'), hexColour]),
  logo: z
    .strictObject({
      logoId: id,
      ring: z.boolean(),
      /** The logo's width as a share of the code's; logo.ts refuses what would cover data. */
      fraction: z.number().min(0.01).max(1),
    })
    .optional(),
  /** A saved poster template (by main's id): the code goes into its slot, the poster is what leaves. */
  poster: z.strictObject({ posterId: id }).optional(),
});
export type PrintOptions = z.infer<typeof printOptions>;
const printedCode = schema(z.strictObject({ codeId: id, print: printOptions }));

/** The current code as printed, composed by main from the stored code and the Print section's options. */
export interface PrintedCodeView {
  png: Uint8Array;
  width: number;
  height: number;
  /** The resolution recorded in the PNG (pHYs). */
  dpi: number;
}

/** A logo main read from the file the user chose; the page names it by `logoId`, never by path. */
export interface LogoView {
  logoId: string;
  /** The file's base name, to show. */
  name: string;
  width: number;
  height: number;
}

export const printChannels = {
  // Print: the stored code composed with labels, logo and DPI (print/compose.ts). Save, copy and
  // drag compose again from the same inputs, so what leaves is what the preview showed.
  'print:compose': { parse: printedCode, result: {} as PrintedCodeView },
  'print:save': { parse: printedCode, result: {} as { saved: boolean; path?: string } },
  'print:copy': { parse: printedCode, result: {} as { copied: true } },
  'print:drag': { parse: printedCode, result: {} as { started: true } },
  // A logo the user picks in main's open dialog (null when they cancel); main reads it within
  // logo.ts's bounds and keeps it for this session.
  'print:chooseLogo': { parse: none, result: {} as LogoView | null },
  // Poster templates saved in the data folder (app/posters). Backgrounds and template files come
  // from main's open dialogs; the page names them by main's ids. The preview is the core renderer's.
  'posters:list': { parse: none, result: {} as PosterSummary[] },
  'posters:chooseBackground': { parse: none, result: {} as PosterBackgroundView | null },
  'posters:import': { parse: none, result: {} as PosterSummary | null },
  'posters:open': { parse: schema(z.strictObject({ posterId: id })), result: {} as PosterEdit },
  'posters:preview': {
    parse: schema(z.strictObject({ draft: posterDraftSchema })),
    result: {} as PrintedCodeView,
  },
  'posters:save': {
    parse: schema(z.strictObject({ posterId: id.optional(), draft: posterDraftSchema })),
    result: {} as PosterSummary,
  },
  'posters:remove': { parse: schema(z.strictObject({ posterId: id })), result: {} as { removed: true } },
} as const satisfies ChannelTable<'print' | 'posters'>;
