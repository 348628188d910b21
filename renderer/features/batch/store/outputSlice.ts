import { call } from '../../../app/api';
import { latestRequest } from '../../../app/latestRequest';
import { type BatchSlice, NEW_BATCH, type OutputSlice } from './state';

export const outputSlice: BatchSlice<OutputSlice> = (set, get) => {
  const nameRequests = latestRequest();
  return {
    nameTemplate: NEW_BATCH.nameTemplate,
    exampleNames: NEW_BATCH.exampleNames,
    nameError: NEW_BATCH.nameError,
    folder: NEW_BATCH.folder,
    zip: NEW_BATCH.zip,
    concurrency: NEW_BATCH.concurrency,
    ratePerMinute: NEW_BATCH.ratePerMinute,

    async setNameTemplate(template) {
      set({ nameTemplate: template });
      if (get().plan) await get().showExampleNames();
    },

    async showExampleNames() {
      const { plan, nameTemplate } = get();
      const latest = nameRequests.ask();
      if (!plan) return;
      if (nameTemplate === null) {
        set({ exampleNames: plan.exampleNames, nameError: null });
        return;
      }
      const named = await call('batch:names', { planId: plan.planId, nameTemplate });
      if (!latest()) return;
      set(
        named.ok
          ? { exampleNames: named.value.exampleNames, nameError: null }
          : { exampleNames: [], nameError: named.error },
      );
    },

    async chooseFolder() {
      const chosen = await call('batch:chooseFolder', undefined);
      if (!chosen.ok) set({ runError: chosen.error });
      else if (chosen.value) set({ folder: chosen.value });
    },

    setZip: (zip) => set({ zip }),
    setConcurrency: (concurrency) => set({ concurrency }),
    setRatePerMinute: (ratePerMinute) => set({ ratePerMinute }),
  };
};
