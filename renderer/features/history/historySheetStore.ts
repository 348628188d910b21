import { create } from 'zustand';
import type { SavedSheet } from '../../../shared/ipc/channels';
import type { AppError } from '../../../shared/result';
import { call } from '../../app/api';
import { NEW_SHEET_DRAFT, type SheetDraft, sheetChoiceOf } from '../print/sheetDraft';

// History's Print sheet… dialog: the options as typed, and what the last Save PDF… did. The page
// sends the picked codes' ids and the options; main asks where to save and writes the PDF.

export interface HistorySheetState {
  open: boolean;
  draft: SheetDraft;
  /** One label line per line of text; blank: no label. */
  labels: string;
  saving: boolean;
  saved: SavedSheet | null;
  error: AppError | null;
  show(open: boolean): void;
  setDraft(patch: Partial<SheetDraft>): void;
  setLabels(labels: string): void;
  save(codeIds: readonly string[]): Promise<void>;
}

export const useHistorySheet = create<HistorySheetState>()((set, get) => ({
  open: false,
  draft: NEW_SHEET_DRAFT,
  labels: '{name}',
  saving: false,
  saved: null,
  error: null,
  // The options stay as the user left them for the next sheet; the last result does not.
  show: (open) => set({ open, saved: null, error: null }),
  setDraft: (patch) => set((s) => ({ draft: { ...s.draft, ...patch }, error: null })),
  setLabels: (labels) => set({ labels, error: null }),
  async save(codeIds) {
    const sheet = sheetChoiceOf(get().draft);
    if (!sheet || codeIds.length === 0 || get().saving) return;
    const labels = get()
      .labels.split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    set({ saving: true, saved: null, error: null });
    const result = await call('library:printSheet', { codeIds: [...codeIds], labels, sheet });
    if (!result.ok) set({ saving: false, error: result.error });
    else set({ saving: false, saved: result.value });
  },
}));
