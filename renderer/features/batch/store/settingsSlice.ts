import { DEFAULT_BATCH_SETTINGS } from '../batchSettings';
import type { BatchSlice, SettingsSlice } from './state';

export const settingsSlice: BatchSlice<SettingsSlice> = (set, get) => ({
  settings: DEFAULT_BATCH_SETTINGS,
  editSettings(patch) {
    set({ settings: { ...get().settings, ...patch } });
  },
});
