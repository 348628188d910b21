// The batch engine as the app and the CLI use it: read → map → plan (validate, dedupe, quota) → run.
export {
  type BatchEvents,
  BatchJob,
  type BatchJobOptions,
  type BatchOutput,
  type BatchProgress,
  type BatchState,
  type BatchSummary,
  type Slowdown,
} from './batchJob';
export { type BatchManifest, type UnfinishedBatch, unfinishedBatches } from './journal';
export {
  BATCH_COLUMNS,
  type BatchColumn,
  type ColumnMapping,
  guessKind,
  guessMapping,
  overrideMapping,
} from './mapping';
export { checkNameTemplate, defaultNameTemplate, NAME_PLACEHOLDERS } from './naming';
export {
  type BatchPlan,
  type BatchStyle,
  type InvalidRow,
  lastNumUsed,
  type PlannedRow,
  planBatch,
  type QuotaCheck,
  type RowProblem,
} from './plan';
export type { RowOutcome, RowStatus } from './results';
export { readSpreadsheet, type Sheet, type SheetRow } from './spreadsheet';
