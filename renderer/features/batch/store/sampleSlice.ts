import { call } from '../../../app/api';
import { batchPrintChoice, useBatchPrint } from '../batchPrintStore';
import { type BatchSlice, type BatchState, NEW_BATCH, type SampleSlice } from './state';

/**
 * What the first-row check was made from: the sheet, code type, columns, settings, file names,
 * account and the Print part's choices. A check made from anything else no longer shows what Start
 * would make.
 */
export function setupKey(state: BatchState, accountId: string | null): string {
  const { sheet, kind, mapping, settings, nameTemplate } = state;
  const print = batchPrintChoice(useBatchPrint.getState());
  return JSON.stringify([sheet?.sheetId, kind, mapping, settings, nameTemplate, accountId, print ?? null]);
}

/** The check of the current setup has been made and is shown: Start may make the rest. */
export const sampleSeen = (state: BatchState, accountId: string | null): boolean =>
  state.sample !== null && state.sample.key === setupKey(state, accountId);

export const sampleSlice: BatchSlice<SampleSlice> = (set, get) => ({
  sample: NEW_BATCH.sample,
  sampling: NEW_BATCH.sampling,
  sampleError: NEW_BATCH.sampleError,

  async makeSample(accountId) {
    const state = get();
    const { plan, nameTemplate, sampling } = state;
    if (sampling || !plan || !accountId) return;
    const key = setupKey(state, accountId);
    set({ sampling: true, sampleError: null });
    const print = batchPrintChoice(useBatchPrint.getState());
    const made = await call('batch:sample', {
      planId: plan.planId,
      nameTemplate: nameTemplate ?? plan.nameTemplate,
      ...(print ? { print } : {}),
    });
    set({ sampling: false });
    if (!made.ok) {
      // Cancel in main's spend question was the user's own choice: nothing to report.
      if (made.error.code !== 'cancelled') set({ sampleError: made.error });
      return;
    }
    set({ sample: { key, view: made.value } });
    // The code is in the library now: the plan counts it there, and Start will not pay for it again.
    await get().check(accountId);
  },
});
