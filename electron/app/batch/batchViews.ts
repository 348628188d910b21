import { basename } from 'node:path';
import {
  type BatchSummaryView,
  type BatchUpdate,
  MAX_PROBLEM_ROWS,
  type PlanView,
  type SheetView,
  type UnfinishedBatchView,
} from '../../../shared/batch';
import type { BatchProgress, BatchSummary } from '../../core/batch/batchJob';
import type { UnfinishedBatch } from '../../core/batch/journal';
import { guessKind, guessMapping } from '../../core/batch/mapping';
import { defaultNameTemplate, fileNames } from '../../core/batch/naming';
import type { BatchPlan } from '../../core/batch/plan';
import type { RowOutcome } from '../../core/batch/results';
import type { Sheet } from '../../core/batch/spreadsheet';

// What the Batch view is shown of the engine's objects: plain data, no paths but the ones the user chose.

const SAMPLE_ROWS = 5;
const EXAMPLE_NAMES = 3;
/** Bad rows the Check step lists: the count says how many there are in all (results.csv lists every one). */
const MAX_SHOWN_INVALID = 1000;

export function sheetView(sheetId: string, sheet: Sheet): SheetView {
  const mapping = guessMapping(sheet.headers);
  const kind = guessKind(mapping);
  return {
    sheetId,
    fileName: basename(sheet.file),
    format: sheet.format,
    ...(sheet.encoding ? { encoding: sheet.encoding } : {}),
    headers: sheet.headers,
    rowCount: sheet.rows.length,
    sample: sheet.rows.slice(0, SAMPLE_ROWS).map((row) => row.cells),
    mapping,
    ...(kind ? { kind } : {}),
  };
}

export function planView(planId: string, plan: BatchPlan): PlanView {
  const nameTemplate = defaultNameTemplate(plan.mapping);
  return {
    planId,
    kind: plan.kind,
    valid: plan.rows.length,
    invalid: plan.invalid.slice(0, MAX_SHOWN_INVALID),
    invalidCount: plan.invalid.length,
    repeats: plan.repeats,
    inLibrary: plan.inLibrary,
    quota: plan.quota,
    nameTemplate,
    exampleNames: exampleNames(plan, nameTemplate),
  };
}

/** The first rows' file names under a template; throws a `nameTemplate` field error for a bad one. */
export const exampleNames = (plan: BatchPlan, template: string): string[] =>
  fileNames(plan.rows.slice(0, EXAMPLE_NAMES), template, plan.sheet.headers);

export function summaryView(summary: BatchSummary, outDir: string): BatchSummaryView {
  return {
    outDir,
    resultsFile: summary.resultsFile,
    ...(summary.zipFile ? { zipFile: summary.zipFile } : {}),
    cancelled: summary.cancelled,
    ...(summary.stoppedBy ? { stoppedBy: summary.stoppedBy } : {}),
    ...(summary.outputError ? { outputError: summary.outputError } : {}),
    ...(summary.notKept ? { notKept: summary.notKept } : {}),
    problemRows: problemRows(summary.outcomes),
  };
}

export function batchUpdate(
  {
    jobId,
    sequence,
    accountId,
    fileName,
    skippedRows,
  }: Pick<BatchUpdate, 'jobId' | 'sequence' | 'accountId' | 'fileName' | 'skippedRows'>,
  progress: BatchProgress,
  summary?: BatchSummaryView,
): BatchUpdate {
  return { jobId, sequence, accountId, fileName, skippedRows, progress, ...(summary ? { summary } : {}) };
}

export function unfinishedView(
  { manifest, finished }: UnfinishedBatch,
  unreceived: number,
): UnfinishedBatchView {
  return {
    unreceived,
    batchId: manifest.id,
    fileName: basename(manifest.input),
    outDir: manifest.outDir,
    startedAt: manifest.startedAt,
    rows: manifest.rows,
    finished,
  };
}

/** The first rows that failed or were not run, read from the outcomes on disk until there are enough. */
function problemRows(outcomes: Iterable<RowOutcome>): RowOutcome[] {
  const rows: RowOutcome[] = [];
  for (const o of outcomes) {
    if (o.status !== 'failed' && o.status !== 'not-run') continue;
    rows.push(o);
    if (rows.length >= MAX_PROBLEM_ROWS) break;
  }
  return rows;
}
