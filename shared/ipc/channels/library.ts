import { z } from 'zod';
import { CAMPAIGN_MAX_CHARS } from '../../campaign';
import type { CodeOrigin } from '../../codeOrigin';
import type { CodeKind, CodeRequest } from '../../codeRequest';
import { MAX_SHEET_CODES } from '../../print/printLimits';
import { sheetChoiceSchema } from '../../print/sheetChoice';
import type { GeneratedCode } from './code';
import { type ChannelTable, codeKind, id, none, schema } from './payloads';

export interface LibraryEntryView {
  codeId: string;
  accountId: string;
  appId: string;
  kind: CodeKind;
  request: CodeRequest;
  width: number;
  height: number;
  numUsed?: number;
  createdAt: string;
  suggestedName: string;
  /** The batch row it was made for, when a batch made it. */
  origin?: CodeOrigin;
}

/** One page of the codes matching a search, newest first, and with the first page how many match in all. */
export interface LibraryPage {
  entries: LibraryEntryView[];
  /**
   * How many codes match, counted with the first page only (absent on the pages after it: the list
   * keeps the first page's figure), and only up to a cap, past which `totalCapped` is set.
   */
  total?: number;
  /** More codes than `total` match: the count stopped there (History shows "10,000+ codes"). */
  totalCapped?: true;
  /** Asks for the page after this one; absent on the last page. */
  nextCursor?: string;
}

/** A batch of a campaign, as History's campaign view lists it. */
export interface CampaignBatchView {
  batchId: string;
  /** The spreadsheet's file name. */
  sourceFile: string;
  startedAt: string;
  /** Its rows with a code in the library. */
  codes: number;
}

export interface CampaignView {
  name: string;
  /** Distinct codes of all its batches. */
  codes: number;
  /** Newest first. */
  batches: CampaignBatchView[];
}

/** What Save to folder or ZIP wrote, in the folder the user chose in main's dialog. */
export interface ExportedCodes {
  count: number;
  folder: string;
  /** The ZIP's path, when one was made. */
  file?: string;
}

/** What History's Print sheet… wrote, where the user chose in main's dialog. */
export interface SavedSheet {
  file: string;
  count: number;
  pages: number;
  /** Each code's printed width: the size asked for, or what the grid left room for. */
  codeCm: number;
}

/** History's Print sheet…: the picked codes by id (never a path), label lines and the sheet's options. */
export const historySheetChoiceSchema = z.strictObject({
  codeIds: z.array(z.string().min(1).max(200)).min(1).max(MAX_SHEET_CODES),
  // Loose here: checkLabels refuses too many or too long with an error that names the fix.
  labels: z.array(z.string().max(500)).max(20).optional(),
  sheet: sheetChoiceSchema,
});

export type HistorySheetChoice = z.infer<typeof historySheetChoiceSchema>;

/** Codes History acts on at once (a ZIP holds at most 65,535). */
export const MAX_SELECTED = 50_000;

export const libraryChannels = {
  'library:list': {
    parse: schema(
      z.strictObject({
        query: z.string().max(200).optional(),
        accountId: id.optional(),
        kind: codeKind.optional(),
        campaign: z
          .string()
          .max(CAMPAIGN_MAX_CHARS * 2)
          .optional(),
        batch: id.optional(),
        // A page at a time: the library may hold a million codes, too many to send at once. The
        // cursor is the last page's nextCursor: deep pages cost what the first does.
        cursor: z
          .string()
          .regex(/^\d{1,16}$/)
          .optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      }),
    ),
    result: {} as LibraryPage,
  },
  'library:image': { parse: schema(z.strictObject({ codeId: id })), result: {} as GeneratedCode },
  'library:delete': { parse: schema(z.strictObject({ codeId: id })), result: {} as { deleted: true } },
  'library:deleteMany': {
    parse: schema(z.strictObject({ codeIds: z.array(id).min(1).max(MAX_SELECTED) })),
    result: {} as { deleted: number },
  },
  'library:campaigns': { parse: none, result: {} as CampaignView[] },
  // Codes leave for a folder main asks for in its own dialog: the page names none. Without codeIds,
  // every code of the batch, under the batch's names.
  'library:export': {
    parse: schema(
      z
        .strictObject({
          codeIds: z.array(id).min(1).max(MAX_SELECTED).optional(),
          batch: id.optional(),
          zip: z.boolean(),
        })
        .refine((c) => c.codeIds !== undefined || c.batch !== undefined, {
          message: 'name the codes or the batch',
          path: ['codeIds'],
        }),
    ),
    result: {} as ExportedCodes | null,
  },
  // A PDF of the picked codes: main asks where in its own dialog; the page names no path.
  'library:printSheet': { parse: schema(historySheetChoiceSchema), result: {} as SavedSheet | null },
} as const satisfies ChannelTable<'library'>;
