import { create } from 'zustand';
import { outputSlice } from './store/outputSlice';
import { planSlice } from './store/planSlice';
import { runSlice } from './store/runSlice';
import { sampleSlice } from './store/sampleSlice';
import { settingsSlice } from './store/settingsSlice';
import { sheetSlice } from './store/sheetSlice';
import type { BatchState } from './store/state';
import { unfinishedSlice } from './store/unfinishedSlice';

export type { BatchState };

/** The Batch view's state: one store, so a slice can read the others, built from one slice per step. */
export const useBatch = create<BatchState>()((...a) => ({
  ...sheetSlice(...a),
  ...settingsSlice(...a),
  ...planSlice(...a),
  ...sampleSlice(...a),
  ...outputSlice(...a),
  ...runSlice(...a),
  ...unfinishedSlice(...a),
}));
