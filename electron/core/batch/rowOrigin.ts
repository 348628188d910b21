import { basename } from 'node:path';
import { defaultCampaign } from '../../../shared/campaign';
import type { CodeOrigin } from '../../../shared/codeOrigin';
import type { BatchPlan, PlannedRow } from './plan';

/** The campaign a batch belongs to: the one the user named, else its sheet's name. */
export function batchCampaign(plan: Pick<BatchPlan, 'sheet'>, campaign: string | undefined): string {
  return campaign?.trim() || defaultCampaign(basename(plan.sheet.file));
}

/**
 * What a row's code was made for, kept with it in the library so History finds it by the row's name
 * or any cell and lists it under its campaign and batch.
 */
export function rowOrigin(
  plan: Pick<BatchPlan, 'sheet'>,
  row: PlannedRow,
  batch: string,
  campaign: string,
): CodeOrigin {
  return {
    sourceFile: basename(plan.sheet.file),
    campaign,
    row: row.row,
    ...(row.name ? { rowName: row.name } : {}),
    cells: cellsByHeader(plan.sheet.headers, row.cells),
    batch,
  };
}

/** A row's cells under their headers; a blank header is `#3` (its column), a repeated one `门店 (2)`. */
export function cellsByHeader(headers: readonly string[], cells: readonly string[]): Record<string, string> {
  const byHeader: Record<string, string> = {};
  const seen = new Map<string, number>();
  cells.forEach((cell, index) => {
    const header = headers[index] || `#${index + 1}`;
    const times = (seen.get(header) ?? 0) + 1;
    seen.set(header, times);
    const key = times === 1 ? header : `${header} (${times})`;
    if (cell !== '') byHeader[key] = cell;
  });
  return byHeader;
}
