import { create } from 'zustand';
import type { AppJsonPages } from '../../../shared/ipc/channels';
import type { AppError } from '../../../shared/result';
import { call } from '../../app/api';

interface PagesState {
  /** Per account: the pages of the app.json last imported for it, while the window is open. */
  byAccount: Record<string, AppJsonPages>;
  /** Why the last import listed nothing (not JSON, no pages, too big), until the next one. */
  error: AppError | null;
  /** Asks main to open the dialog for an app.json and keeps its pages for `accountId`. */
  importFor(accountId: string): Promise<void>;
}

export const usePages = create<PagesState>()((set, get) => ({
  byAccount: {},
  error: null,

  async importFor(accountId) {
    const opened = await call('code:openAppJson', undefined);
    if (!opened.ok) {
      set({ error: opened.error });
      return;
    }
    // Cancelled: the list and any earlier error stay as they were.
    if (opened.value === null) return;
    set({ byAccount: { ...get().byAccount, [accountId]: opened.value }, error: null });
  },
}));
