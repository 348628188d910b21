import { call } from '../../../app/api';
import type { BatchSlice, UnfinishedSlice } from './state';

export const unfinishedSlice: BatchSlice<UnfinishedSlice> = (set, get) => ({
  unfinished: [],

  async loadUnfinished() {
    const listed = await call('batch:unfinished', undefined);
    if (listed.ok) set({ unfinished: listed.value });
  },

  async continueBatch(batchId) {
    if (get().starting) return;
    set({ starting: true, runError: null, importError: null, job: null });
    const continued = await call('batch:continue', { batchId });
    set({ starting: false });
    if (!continued.ok) {
      if (continued.error.code !== 'cancelled') set({ importError: continued.error });
      return;
    }
    // Progress events may have told more already; the answer only fills in when none came.
    if (get().job?.jobId !== continued.value.jobId) get().received(continued.value);
    await get().loadUnfinished();
  },

  async discard(batchId) {
    if (get().starting) return;
    const discarded = await call('batch:discard', { batchId });
    if (!discarded.ok) set({ importError: discarded.error });
    await get().loadUnfinished();
  },
});
