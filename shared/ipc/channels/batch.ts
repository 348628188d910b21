import { z } from 'zod';
import {
  BATCH_CONCURRENCY,
  BATCH_PACE,
  type BatchUpdate,
  type ColumnMapping,
  type PlanView,
  type SheetView,
  type UnfinishedBatchView,
} from '../../batch';
import { batchPrintChoiceSchema, type LogoGrant } from '../../batchPrint';
import { CAMPAIGN_MAX_CHARS } from '../../campaign';
import type { CodeRequest } from '../../codeRequest';
import type { GeneratedCode } from './code';
import { type ChannelTable, codeKind, id, none, schema } from './payloads';

/** The first valid row of a planned batch, made (or found in the library) for the user to look at before Start. */
export interface BatchSampleView {
  /** The row's number in the sheet, as the Check step and results.csv count rows. */
  row: number;
  /** The row's name cell, '' when the sheet has none. */
  name: string;
  /** What the row asks for, with the batch's settings and the row's own cells applied. */
  request: CodeRequest;
  /** The file the row gets in the output folder, under the chosen name template. */
  fileName: string;
  code: GeneratedCode;
  /**
   * The row as the Print part prints it (its poster, or the code with labels and logo), composed
   * by the batch's own printer; absent when the Print part asks for nothing.
   */
  printed?: { png: Uint8Array; width: number; height: number; kind: 'poster' | 'code' };
  /** Valid rows after this one: what Start still makes. */
  others: number;
}

/** A folder the user chose in main's dialog: its path, for display, and the grant that names it to main. */
export interface FolderGrant {
  grant: string;
  folder: string;
}

const columnIndex = z.number().int().min(0).max(16_383);
const columnMapping: z.ZodType<ColumnMapping> = z
  .object({
    path: columnIndex,
    scene: columnIndex,
    page: columnIndex,
    name: columnIndex,
    width: columnIndex,
    color: columnIndex,
  })
  .partial()
  .strict();
/** The batch's own settings for every row; the values get the form's field checks (batchStyleErrors) when the batch is planned. */
const batchStyle = z
  .object({
    width: z.union([z.number(), z.string().max(20)]),
    lineColor: z.union([
      z.string().max(20),
      z.object({ r: z.number(), g: z.number(), b: z.number() }).strict(),
    ]),
    autoColor: z.boolean(),
    transparent: z.boolean(),
    envVersion: z.enum(['release', 'trial', 'develop']),
    checkPath: z.boolean(),
  })
  .partial()
  .strict();
const nameTemplate = z.string().max(300);
const job = schema(z.strictObject({ jobId: id }));
const batch = schema(z.strictObject({ batchId: id }));

export const batchChannels = {
  'batch:open': { parse: none, result: {} as SheetView | null },
  'batch:openDropped': {
    // The bytes and the name of a file dropped onto the window, never its path; the size is
    // bounded (MAX_SHEET_FILE_BYTES, the limit of any sheet a batch reads) by openDroppedSheet, with an error that says so in both languages.
    parse: schema(z.strictObject({ name: z.string().min(1).max(255), bytes: z.instanceof(Uint8Array) })),
    result: {} as SheetView,
  },
  'batch:plan': {
    parse: schema(
      z.strictObject({
        sheetId: id,
        accountId: id,
        kind: codeKind,
        mapping: columnMapping,
        style: batchStyle,
      }),
    ),
    result: {} as PlanView,
  },
  'batch:names': {
    parse: schema(z.strictObject({ planId: id, nameTemplate })),
    result: {} as { exampleNames: string[] },
  },
  // One code, the plan's first valid row, on the user's click: it goes through the form's spend
  // guard and into the library, so Start then copies it out rather than paying for it again.
  'batch:sample': {
    // With the Print part's choices, the row is shown as printed (its poster, labels or logo) too.
    parse: schema(z.strictObject({ planId: id, nameTemplate, print: batchPrintChoiceSchema.optional() })),
    result: {} as BatchSampleView,
  },
  // The page gets the chosen folder's path to show, and a grant to start a batch into it: it never
  // sends a path. Quota is confirmed in main's native dialog at start, not by the page.
  'batch:chooseFolder': { parse: none, result: {} as FolderGrant | null },
  // The same for the centre logo of a batch's printed codes: the page gets a name and a grant, never a path.
  'batch:chooseLogo': { parse: none, result: {} as LogoGrant | null },
  'batch:start': {
    parse: schema(
      z.strictObject({
        planId: id,
        folderGrant: id,
        nameTemplate,
        zip: z.boolean(),
        concurrency: z.number().int().min(BATCH_CONCURRENCY.min).max(BATCH_CONCURRENCY.max),
        ratePerMinute: z.number().int().min(BATCH_PACE.min).max(BATCH_PACE.max),
        // Bounded here; its rule and the message naming the field are shared/campaign.ts's. Absent:
        // the sheet's name.
        campaign: z
          .string()
          .max(CAMPAIGN_MAX_CHARS * 2)
          .optional(),
        // Labels, logo, printed size, vector format, print sheet (shared/batchPrint.ts); absent: PNGs only.
        print: batchPrintChoiceSchema.optional(),
      }),
    ),
    result: {} as BatchUpdate,
  },
  'batch:pause': { parse: job, result: {} as BatchUpdate },
  'batch:resume': { parse: job, result: {} as BatchUpdate },
  'batch:cancel': { parse: job, result: {} as BatchUpdate },
  'batch:status': { parse: none, result: {} as BatchUpdate | null },
  'batch:unfinished': { parse: none, result: {} as UnfinishedBatchView[] },
  'batch:continue': { parse: batch, result: {} as BatchUpdate },
  'batch:discard': { parse: batch, result: {} as { discarded: true } },
  'batch:showOutput': { parse: job, result: {} as { shown: true } },
} as const satisfies ChannelTable<'batch'>;
