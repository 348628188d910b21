import { call } from '../../../app/api';
import { latestRequest } from '../../../app/latestRequest';
import { settingsErrors, styleOf } from '../batchSettings';
import { type BatchSlice, NEW_BATCH, type PlanSlice } from './state';

export const planSlice: BatchSlice<PlanSlice> = (set, get) => {
  const planRequests = latestRequest();
  return {
    plan: NEW_BATCH.plan,
    planning: NEW_BATCH.planning,
    planError: NEW_BATCH.planError,

    async check(accountId) {
      const { sheet, kind, mapping, settings } = get();
      const latest = planRequests.ask();
      if (!sheet || !kind || !accountId) {
        set({ plan: null, planning: false, planError: null });
        return;
      }
      // Bad settings are shown under their fields at once; main is not asked to say the same.
      const [settingsError] = Object.values(settingsErrors(kind, settings));
      if (settingsError) {
        set({ plan: null, planning: false, planError: settingsError, exampleNames: [] });
        return;
      }
      set({ planning: true });
      const style = styleOf(settings);
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
