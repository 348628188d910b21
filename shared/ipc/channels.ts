import { z } from 'zod';
import {
  BATCH_CONCURRENCY,
  BATCH_PACE,
  type BatchUpdate,
  type ColumnMapping,
  type PlanView,
  type SheetView,
  type UnfinishedBatchView,
} from '../batch';
import { batchPrintChoiceSchema, type LogoGrant } from '../batchPrint';
import { CAMPAIGN_MAX_CHARS } from '../campaign';
import type { CodeOrigin } from '../codeOrigin';
import { CODE_KINDS, type CodeKind, type CodeRequest } from '../codeRequest';
import { invalidPayload } from '../errors/ipc';
import { type PosterBackgroundView, type PosterEdit, type PosterSummary, posterDraftSchema } from '../poster';
import { MAX_DPI, MIN_DPI } from '../print/physicalSize';
import {
  MAX_LABEL_CHARACTERS,
  MAX_LABEL_LINES,
  MAX_LABEL_SIZE,
  MAX_PRINT_MARGIN,
  MAX_SHEET_CODES,
  MIN_LABEL_SIZE,
} from '../print/printLimits';
import { sheetChoiceSchema } from '../print/sheetChoice';
import type { AppError, Result } from '../result';
import { validateCodeRequest } from '../validateCodeRequest';
import { VIEWS, type View } from '../views';
import type { ChannelName, EventName, SubscriberName } from './channelNames';

/**
 * Every IPC channel, declared once. The main process registers a handler per entry through the
 * one wrapper in electron/ipc.ts, which validates the payload with `parse` before the handler
 * runs; the preload exposes one function per entry. Neither side types a channel by hand.
 */

export type TokenSourceView =
  | { kind: 'secret'; hasSecret: boolean }
  /** `hasQuery`: the URL's query is kept in the keychain, and `url` is the address before it. */
  | { kind: 'token-url'; url: string; hasCredential: boolean; hasQuery?: boolean }
  | { kind: 'sandbox' };

/** An account as the renderer sees it: whether a secret is stored, never the secret. */
export interface AccountView {
  id: string;
  name: string;
  appId: string;
  source: TokenSourceView;
  apiBase?: string;
  numUsed?: number;
  numUsedAt?: string;
}

export interface GeneratedCode {
  codeId: string;
  png: Uint8Array;
  width: number;
  height: number;
  numUsed?: number;
  /** Served from the library: the same request was made before, so no API call was spent. */
  fromLibrary: boolean;
  createdAt: string;
  suggestedName: string;
  /** Why the code is not in the library (a full disk): it can be saved now, but is not kept. */
  notKept?: AppError;
}

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

/** The pages a mini program's app.json lists, for the page path field's suggestions. */
export interface AppJsonPages {
  /** The file's base name, to say which app.json the list came from. */
  fileName: string;
  /** Main package first (its first page is the home page), then each subpackage's `root/page`. */
  pages: string[];
}

/** A folder the user chose in main's dialog: its path, for display, and the grant that names it to main. */
export interface FolderGrant {
  grant: string;
  folder: string;
}

export interface AppSettings {
  locale: 'auto' | 'en' | 'zh';
  lastAccountId?: string;
  recentColors: string[];
  autoGenerateUnlimited: boolean;
  /** The view shown when the app was last used: the window opens on it again. */
  lastView?: View;
}

export interface AppInfo {
  version: string;
  /** The OS locale, for `locale: 'auto'`. */
  systemLocale: string;
  sandboxUrl?: string;
}

type Parser<T> = ((payload: unknown) => Result<T, AppError>) & {
  /** What the payload's structure must be, for the snapshot of the IPC surface (channels.test.ts). */
  readonly structure: z.ZodType;
};

/** Structural payload checks; code requests get the form's own field rules and messages. */
function schema<T>(s: z.ZodType<T>): Parser<T> {
  const parse = (payload: unknown): Result<T, AppError> => {
    const parsed = s.safeParse(payload);
    if (parsed.success) return { ok: true, value: parsed.data };
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'payload';
    return { ok: false, error: invalidPayload(field, issue?.message) };
  };
  return Object.assign(parse, { structure: s });
}

const id = z.string().min(1).max(200);
/** Codes History acts on at once (a ZIP holds at most 65,535). */
export const MAX_SELECTED = 50_000;
const none = schema(z.undefined().or(z.object({}).strict()));

const generateOuter = schema(
  z.strictObject({ accountId: id, request: z.unknown(), regenerate: z.boolean().optional() }),
);
type GeneratePayload = { accountId: string; request: CodeRequest; regenerate: boolean };
const checkGenerate = (payload: unknown): Result<GeneratePayload, AppError> => {
  const outer = generateOuter(payload);
  if (!outer.ok) return outer;
  const checked = validateCodeRequest(outer.value.request);
  if (!checked.ok) return { ok: false, error: checked.errors[0]! };
  return {
    ok: true,
    value: {
      accountId: outer.value.accountId,
      request: checked.value,
      regenerate: outer.value.regenerate ?? false,
    },
  };
};
// The request inside is checked field by field by validateCodeRequest, with the form's messages.
const generatePayload: Parser<GeneratePayload> = Object.assign(checkGenerate, {
  structure: generateOuter.structure,
});

const accountDraft = z.strictObject({
  id: id.optional(),
  name: z.string().max(100),
  appId: z.string().max(64),
  source: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('secret') }),
    z.strictObject({ kind: z.literal('token-url'), url: z.string().max(2000) }),
    z.strictObject({ kind: z.literal('sandbox') }),
  ]),
  apiBase: z.string().max(2000).optional(),
});
export type AccountDraft = z.infer<typeof accountDraft>;

const settingsPatch = z
  .object({
    locale: z.enum(['auto', 'en', 'zh']),
    lastAccountId: id,
    recentColors: z.array(z.string().regex(/^#[0-9a-f]{6}$/i)).max(8),
    autoGenerateUnlimited: z.boolean(),
    lastView: z.enum(VIEWS),
  })
  .partial()
  .strict();

/** The three code kinds, as every channel (and a batch's manifest) accepts them. */
export const codeKind = z.enum(CODE_KINDS) satisfies z.ZodType<CodeKind>;
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

interface ChannelSpec {
  parse: Parser<unknown>;
  result: unknown;
}

export const channels = {
  'app:info': { parse: none, result: {} as AppInfo },
  // Shows main's own log file in the file manager: the page names no path.
  'app:showLog': { parse: none, result: {} as { shown: true } },
  'code:generate': { parse: generatePayload, result: {} as GeneratedCode },
  'code:save': {
    parse: schema(z.strictObject({ codeId: id })),
    result: {} as { saved: boolean; path?: string },
  },
  'code:copy': { parse: schema(z.strictObject({ codeId: id })), result: {} as { copied: true } },
  'code:drag': { parse: schema(z.strictObject({ codeId: id })), result: {} as { started: true } },
  // The page paths of the app.json the user picks in main's open dialog (null when they cancel),
  // kept as the account's list: the page names no file, and main reads at most MAX_APP_JSON_BYTES.
  'code:openAppJson': { parse: schema(z.strictObject({ accountId: id })), result: {} as AppJsonPages | null },
  // The account's list from its last import (null: none yet).
  'code:pageList': { parse: schema(z.strictObject({ accountId: id })), result: {} as AppJsonPages | null },
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
  'accounts:list': { parse: none, result: {} as AccountView[] },
  'accounts:save': {
    // A secret goes in and never comes back out: no channel returns one.
    parse: schema(
      z.strictObject({
        account: accountDraft,
        secret: z.string().max(512).optional(),
        tokenCredential: z.string().max(4096).optional(),
      }),
    ),
    result: {} as AccountView,
  },
  'accounts:remove': { parse: schema(z.strictObject({ id })), result: {} as { removed: true } },
  'accounts:forgetSecret': { parse: schema(z.strictObject({ id })), result: {} as AccountView },
  'accounts:test': { parse: schema(z.strictObject({ id })), result: {} as { expiresInSeconds: number } },
  'settings:get': { parse: none, result: {} as AppSettings },
  'settings:update': { parse: schema(settingsPatch), result: {} as AppSettings },
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
} as const satisfies { [C in ChannelName]: ChannelSpec };

/** Every event the main process sends to the page, with its payload. */
export const events = {
  /** A running batch's progress: at most every ~250 ms, at every state change and at the end. */
  'batch:progress': { payload: {} as BatchUpdate },
  /** The menu or a clicked notification asks the window to show a view (a batch's end shows Batch). */
  'app:show-view': { payload: {} as { view: View } },
  /** WeChat reported an account's Num-Used (a code made by the form or a batch); main has kept it. */
  'accounts:numUsed': { payload: {} as { accountId: string; numUsed: number } },
} as const satisfies { [E in EventName]: { payload: unknown } };

export type Channel = keyof typeof channels;
export type ChannelPayload<C extends Channel> =
  (typeof channels)[C]['parse'] extends Parser<infer T> ? T : never;
/** What the renderer passes: the payload before validation (a code request may still be a draft). */
export type ChannelInput<C extends Channel> = C extends 'code:generate'
  ? { accountId: string; request: unknown; regenerate?: boolean }
  : ChannelPayload<C>;
export type ChannelResult<C extends Channel> = (typeof channels)[C]['result'];

export type EventPayload<E extends EventName> = (typeof events)[E]['payload'];

/** Calls one channel; channels that take nothing can be called without an argument. */
export type Invoker<C extends Channel> =
  undefined extends ChannelInput<C>
    ? (payload?: ChannelInput<C>) => Promise<Result<ChannelResult<C>>>
    : (payload: ChannelInput<C>) => Promise<Result<ChannelResult<C>>>;

/** Listens to one event until the returned function is called. */
export type Subscriber<E extends EventName> = (listener: (payload: EventPayload<E>) => void) => () => void;

/**
 * `window.wxacode`: one function per channel, keyed by the channel's name
 * (`wxacode['code:generate'](…)`), and one subscriber per event (`wxacode.onBatchProgress(…)`).
 */
export type WxacodeApi = { [C in Channel]: Invoker<C> } & {
  [E in EventName as SubscriberName<E>]: Subscriber<E>;
};
