import { call } from '../../../app/api';
import { latestRequest } from '../../../app/latestRequest';
import { type BatchSlice, NEW_BATCH, type PlanSlice } from './state';

export const planSlice: BatchSlice<PlanSlice> = (set, get) => {
  const planRequests = latestRequest();
  return {
    plan: NEW_BATCH.plan,
    planning: NEW_BATCH.planning,
    planError: NEW_BATCH.planError,

    async check(accountId, style) {
      const { sheet, kind, mapping } = get();
      const latest = planRequests.ask();
      if (!sheet || !kind || !accountId) {
        set({ plan: null, planning: false, planError: null });
        return;
      }
      set({ planning: true });
      const planned = await call('batch:plan', { sheetId: sheet.sheetId, accountId, kind, mapping, style });
      if (!latest()) return;
      if (!planned.ok) {
        set({ plan: null, planning: false, planError: planned.error, exampleNames: [] });
        return;
      }
      set({ plan: planned.value, planning: false, planError: null });
      await get().showExampleNames();
    },
  };
};
