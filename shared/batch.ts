// What the batch engine (electron/core/batch) and the Batch view share: the engine's view-level
// types live here, once, and the engine imports them; the views of a sheet, a plan and a running
// job are what the batch channels in shared/ipc.ts carry.
import type { CodeKind } from './codeRequest';
import type { AppError, Localized } from './result';
import type { CodeRequestInput } from './validateCodeRequest';

/** What a spreadsheet column can hold for a batch. */
export type BatchColumn = 'path' | 'scene' | 'page' | 'name' | 'width' | 'color';

export const BATCH_COLUMNS: readonly BatchColumn[] = ['path', 'scene', 'page', 'name', 'width', 'color'];

/** Which column (0-based index into the sheet's headers) holds each thing; absent means not in the sheet. */
export type ColumnMapping = Partial<Record<BatchColumn, number>>;

/** The built-in placeholders of a file name template, e.g. `{row}-{name}.png`; any column header is one too. */
export const NAME_PLACEHOLDERS = ['row', 'name', 'page', 'scene', 'path'] as const;

/** The batch's own styling and options (set in the Batch view), applied to every row; a row's own width or colour cell wins. */
export type BatchStyle = Pick<
  CodeRequestInput,
  'width' | 'lineColor' | 'autoColor' | 'transparent' | 'envVersion' | 'checkPath'
>;

export interface RowProblem {
  /** The request field at fault (path, scene, page, width, lineColor, …). */
  field: string;
  /** The header of the column the value came from; absent when it came from the batch's settings. */
  column?: string;
  message: Localized;
  hint: Localized;
}

export interface InvalidRow {
  row: number;
  problems: RowProblem[];
}

export interface QuotaCheck {
  /** limited and qrcode codes spend the shared 100,000; unlimited ones do not. */
  spends: boolean;
  /** Codes this batch will ask WeChat for: distinct requests that are not in the library yet. */
  newCodes: number;
  /** WeChat's last reported Num-Used for this AppID, when known. */
  numUsed?: number;
  remaining?: number;
  /** False only when the remainder is known and the batch needs more than it. */
  enough: boolean;
}

export type BatchState = 'idle' | 'running' | 'pausing' | 'paused' | 'stopping' | 'finished';

export interface BatchProgress {
  state: BatchState;
  /** Valid rows. */
  total: number;
  /** Rows whose file is written, this run and earlier runs of the same batch. */
  done: number;
  failed: number;
  remaining: number;
  /** Rows copied from the library (no API call) this run. */
  fromLibrary: number;
  /** Over the last 10 seconds. */
  codesPerSecond: number;
  secondsLeft?: number;
  /** The pace in force (slower than asked after WeChat's rate limit); undefined when unlimited. */
  callsPerMinute?: number;
  /** WeChat's latest Num-Used for the 100,000 quota. */
  numUsed?: number;
  /**
   * Codes an earlier run of this batch asked WeChat for and never received (it was killed mid-call):
   * WeChat may have charged for them. Resuming makes them again.
   */
  unreceived?: number;
  /**
   * Why the batch paused by itself (WeChat's daily limit, or the same error row after row), with the
   * fix; absent when the user paused it.
   */
  pausedBy?: AppError;
  /** Rows failed so far, grouped by error (its meaning and fix), the most frequent first. */
  failures?: FailureGroup[];
}

export interface FailureGroup {
  /** The first of the group's errors as it came: its meaning and fix. */
  error: AppError;
  rows: number;
}

export type RowStatus = 'done' | 'failed' | 'invalid' | 'not-run';

/** What the renderer knows about an imported spreadsheet; main keeps the parsed rows. */
export interface SheetView {
  sheetId: string;
  /** Base name only. */
  fileName: string;
  format: 'csv' | 'xlsx';
  /** How a CSV's text was stored (detected): 'utf-8', 'utf-8-bom', 'gb18030', … */
  encoding?: string;
  headers: string[];
  rowCount: number;
  /** The first 5 rows' cells. */
  sample: string[][];
  /** Guessed from the headers. */
  mapping: ColumnMapping;
  /** Guessed from the mapping; undefined when unclear. */
  kind?: CodeKind;
}

export interface PlanView {
  planId: string;
  kind: CodeKind;
  /** Valid rows. */
  valid: number;
  /** The first bad rows with their problems (field, column header, message, hint), up to 1,000. */
  invalid: InvalidRow[];
  /** Every bad row, counted. */
  invalidCount: number;
  /** Valid rows repeating an earlier row's code (made once). */
  repeats: number;
  /** Distinct codes already in the library (no API call). */
  inLibrary: number;
  quota: QuotaCheck;
  /** The default file name template for this mapping. */
  nameTemplate: string;
  /** The first 3 file names with that template. */
  exampleNames: string[];
}

/** What became of one spreadsheet row. */
export interface RowOutcomeView {
  row: number;
  status: RowStatus;
  /** The output file (name within the output folder), for rows that are or will be made. */
  file?: string;
  /** The code as printed (labels, logo, DPI) and its vector file, beside `file` (shared/batchPrint.ts). */
  printFile?: string;
  vectorFile?: string;
  /** The row's code on the batch's poster template, PNG or PDF. */
  posterFile?: string;
  /** The print sheet's page (from 1) the row's code is on. */
  sheetPage?: number;
  /** Copied from the library: no API call, no quota. */
  fromLibrary?: boolean;
  /** Made once for an earlier row with the same code. */
  sameAs?: number;
  /** Why the row failed or was not run. */
  error?: AppError;
  /** Why the row is invalid, field by field. */
  problems?: RowProblem[];
}

export interface BatchSummaryView {
  outDir: string;
  /** '' when the batch failed before it could write one (see stoppedBy). */
  resultsFile: string;
  zipFile?: string;
  cancelled: boolean;
  stoppedBy?: AppError;
  outputError?: AppError;
  /** Codes written to the folder that could not be kept in the library (a full disk). */
  notKept?: AppError;
  /** Failed and not-run rows (at most MAX_PROBLEM_ROWS), for the table. */
  problemRows: RowOutcomeView[];
}

export const MAX_PROBLEM_ROWS = 500;

/**
 * WeChat's documented limit for getUnlimitedQRCode, 5,000 calls a minute per mini program: the
 * fastest pace a batch may ask for, from the form, the CLI or a continued batch alike.
 */
export const WECHAT_CALLS_PER_MINUTE = 5000;

/** Codes a batch asks for at the same time. */
export const BATCH_CONCURRENCY = { min: 1, max: 16, default: 4 } as const;

/** A batch's pace in calls a minute; 0 leaves it to WeChat's answers alone (the limiter slows on 45009). */
export const BATCH_PACE = { min: 0, max: WECHAT_CALLS_PER_MINUTE, default: WECHAT_CALLS_PER_MINUTE } as const;

/**
 * The largest spreadsheet a batch reads, chosen or dropped onto the window (whose bytes cross IPC):
 * a million rows of a scene and a name are about 30 MB as CSV. A chosen CSV is read in chunks and
 * never held whole; a .xlsx (a ZIP) and a dropped file are, so this bounds the memory they take.
 */
export const MAX_SHEET_FILE_BYTES = 32 * 2 ** 20;

// What a spreadsheet may hold, checked while it is read (electron/core/batch/sheetLimits.ts).

/**
 * Rows under the header. A batch's rows, plan and outcomes live on disk (spillList.ts), so memory
 * stays flat with the sheet; a million unlimited codes take 3⅓ hours at WeChat's 5,000 a minute,
 * and a batch of limited or square codes can never spend more than WeChat's 100,000 lifetime quota
 * anyway. A .xlsx is bounded sooner by its unpacked worksheet (sheetLimits.ts: about 120,000 rows
 * of ten cells); the error then says to save it as CSV.
 */
export const MAX_ROWS = 1_000_000;
/** A batch reads at most six kinds of column; 128 leaves room for exports with many other columns. */
export const MAX_COLUMNS = 128;
/** No valid field is longer than 1,024 characters; 4,096 leaves room for a name or a note. */
export const MAX_CELL_CHARACTERS = 4096;
/** Excel's own limit: no workbook it writes has more rows, blank or formatted ones included. */
export const EXCEL_MAX_ROWS = 1_048_576;

/**
 * Where a batch's ZIP goes when the user asks for one: inside its output folder (the one the user
 * granted, nothing beside it), named after it.
 */
export const zipFileFor = (outDir: string): string => {
  const name =
    outDir
      .replace(/[\\/]+$/, '')
      .split(/[\\/]/)
      .pop() || 'codes';
  return `${outDir.replace(/[\\/]+$/, '')}/${name}.zip`;
};

/** Payload of the 'batch:progress' event and the answer of the control channels. */
export interface BatchUpdate {
  jobId: string;
  /**
   * Counts up with every update of the job, events and answers alike: the page keeps the highest,
   * so an answer that arrives after a newer event does not take the view back.
   */
  sequence: number;
  /** The account the batch makes codes for: its Num-Used is the one the batch reports. */
  accountId: string;
  fileName: string;
  /** Bad rows the batch skipped (they are in results.csv as invalid). */
  skippedRows: number;
  progress: BatchProgress;
  /** Present once the job has finished (state 'finished'). */
  summary?: BatchSummaryView;
}

export interface UnfinishedBatchView {
  batchId: string;
  fileName: string;
  outDir: string;
  startedAt: string;
  /** Valid rows in the batch. */
  rows: number;
  /** Rows already finished. */
  finished: number;
  /** Codes the stopped run asked WeChat for and never received: WeChat may have charged for them. */
  unreceived: number;
}
