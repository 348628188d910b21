import type { StateCreator } from 'zustand';
import type {
  BatchColumn,
  BatchUpdate,
  ColumnMapping,
  PlanView,
  SheetView,
  UnfinishedBatchView,
} from '../../../../shared/batch';
import type { CodeKind } from '../../../../shared/codeRequest';
import type { BatchSampleView, FolderGrant } from '../../../../shared/ipc/channels';
import type { AppError } from '../../../../shared/result';
import { CONCURRENCY, PACE } from '../batchRules';
import type { BatchSettings } from '../batchSettings';

/** The spreadsheet a batch is made from, and which of its columns hold what. */
export interface SheetSlice {
  sheet: SheetView | null;
  opening: boolean;
  importError: AppError | null;
  kind: CodeKind | null;
  mapping: ColumnMapping;
  open(): Promise<void>;
  /** A .csv or .xlsx dropped onto the window. */
  openDropped(file: File): Promise<void>;
  setKind(kind: CodeKind): void;
  setColumn(column: BatchColumn, index: number | undefined): void;
}

/** The batch's own styling for every row (a row's width or colour cell still wins). */
export interface SettingsSlice {
  settings: BatchSettings;
  editSettings(patch: Partial<BatchSettings>): void;
}

/** Main's check of the sheet with the chosen columns and the batch's settings. */
export interface PlanSlice {
  plan: PlanView | null;
  planning: boolean;
  planError: AppError | null;
  check(accountId: string | null): Promise<void>;
}

/** The first valid row, made for the user to look at before Start makes the others. */
export interface SampleSlice {
  /** With the setup it was made from (see setupKey): a check of another setup is not shown as current. */
  sample: { key: string; view: BatchSampleView } | null;
  sampling: boolean;
  sampleError: AppError | null;
  makeSample(accountId: string | null): Promise<void>;
}

/** Where the codes go, what their files are called, and how fast they are made. */
export interface OutputSlice {
  /** null: the plan's default template, which follows the columns until the user types one. */
  nameTemplate: string | null;
  exampleNames: string[];
  nameError: AppError | null;
  /** The folder chosen in main's dialog: its path to show, and the grant Start names it by. */
  folder: FolderGrant | null;
  zip: boolean;
  concurrency: string;
  ratePerMinute: string;
  setNameTemplate(template: string): Promise<void>;
  /** Asks main for example file names of the current plan and template. */
  showExampleNames(): Promise<void>;
  chooseFolder(): Promise<void>;
  setZip(zip: boolean): void;
  setConcurrency(text: string): void;
  setRatePerMinute(text: string): void;
}

/** The job main runs, as its progress events and the control channels' answers tell it. */
export interface RunSlice {
  job: BatchUpdate | null;
  /** A finished job the user put away (New batch, another import): coming back to the view does not bring it back. */
  dismissedJobId: string | null;
  starting: boolean;
  runError: AppError | null;
  /** Bumped when a job ends: the library has changed, so the plan is checked again. */
  finishedRuns: number;
  load(): Promise<void>;
  start(): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  cancel(): Promise<void>;
  received(update: BatchUpdate): void;
  showOutput(): Promise<void>;
  /** Puts the batch away, its job included, and starts over with nothing chosen. */
  newBatch(): void;
}

/** Batches an earlier session left unfinished, which can be continued from their journal. */
export interface UnfinishedSlice {
  unfinished: UnfinishedBatchView[];
  loadUnfinished(): Promise<void>;
  continueBatch(batchId: string): Promise<void>;
  discard(batchId: string): Promise<void>;
}

export type BatchState = SheetSlice &
  SettingsSlice &
  PlanSlice &
  SampleSlice &
  OutputSlice &
  RunSlice &
  UnfinishedSlice;

/** One part of the batch store; each may read and set the others' fields. */
export type BatchSlice<T> = StateCreator<BatchState, [], [], T>;

/** What a new batch starts with, before a sheet is opened; the settings stay, as the output choices do. */
export const NEW_BATCH = {
  sheet: null,
  importError: null,
  kind: null,
  mapping: {},
  plan: null,
  planning: false,
  planError: null,
  sample: null,
  sampling: false,
  sampleError: null,
  nameTemplate: null,
  exampleNames: [],
  nameError: null,
  folder: null,
  zip: false,
  concurrency: String(CONCURRENCY.default),
  ratePerMinute: String(PACE.default),
  job: null,
  starting: false,
  runError: null,
} satisfies Partial<BatchState>;

/** The job the user puts away by starting over: the one shown, else the one put away before. */
export const putAway = (state: BatchState): string | null => state.job?.jobId ?? state.dismissedJobId;
