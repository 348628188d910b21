import sharp from 'sharp';
import type { CodeRequest } from '../../../shared/codeRequest';
import { noRowToSample } from '../../../shared/errors/batch';
import type { BatchSampleView, GeneratedCode } from '../../../shared/ipc/channels';
import type { BatchPrinter } from '../../core/batch/batchPrint';
import type { Sheet } from '../../core/batch/spreadsheet';
import type { Account } from '../../core/storage/accounts';
import { type LaunchDeps, type PlanChoice, planFor } from './batchLaunch';
import { exampleNames } from './batchViews';

/**
 * Makes one code the way the form does: through the form's spend guard (past a handful of paid
 * codes a minute, main asks natively), the app's code maker (the same one a batch job makes its
 * rows with) and into the library. CodeService.generate is this.
 */
export type MakeOne = (accountId: string, request: CodeRequest) => Promise<GeneratedCode>;

export interface SampleInput {
  sheet: Sheet;
  account: Account;
  choice: PlanChoice;
  nameTemplate: string;
  /** The Print part's printer: the row is shown as it prints too. */
  printer?: BatchPrinter | undefined;
}

/**
 * "See one before making all": the batch's first valid row, planned again against the library as
 * it is now, made (or taken from the library when the identical code is there: no call, no quota)
 * and named as Start will name its file. The code lands in the library under the same request
 * identity the batch uses, so Start copies it out rather than paying for it twice.
 */
export async function sampleFirstRow(
  deps: Pick<LaunchDeps, 'library'> & { makeOne: MakeOne },
  { sheet, account, choice, nameTemplate, printer }: SampleInput,
): Promise<BatchSampleView> {
  const plan = planFor(deps, sheet, account, choice);
  const first = plan.rows.at(0);
  if (!first) throw noRowToSample();
  // The first row's name is the same alone as among all rows: clashes only rename later rows.
  // A bad template is refused here, with its field error, before any call.
  const [fileName] = exampleNames({ ...plan, rows: [first] }, nameTemplate);
  const code = await deps.makeOne(account.id, first.request);
  // Drawn by the batch's own printer from the code just made: what Start writes for every row.
  const printed = await printer?.sample(Buffer.from(code.png), first);
  const size = printed && (await sharp(printed.png).metadata());
  return {
    ...(printed && size
      ? {
          printed: { png: printed.png, width: size.width ?? 0, height: size.height ?? 0, kind: printed.kind },
        }
      : {}),
    row: first.row,
    name: first.name,
    request: first.request,
    fileName: fileName!,
    code,
    others: plan.rows.length - 1,
  };
}
