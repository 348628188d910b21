import { create } from 'zustand';
import type { AppJsonPages } from '../../../shared/ipc/channels';
import type { AppError } from '../../../shared/result';
import { call } from '../../app/api';

interface PagesState {
  /** Per account: the pages of the app.json last imported for it (null: none), as main keeps them. */
  byAccount: Record<string, AppJsonPages | null>;
  /** Why the last import listed nothing (not JSON, no pages, too big), until the next one. */
  error: AppError | null;
  /** Fetches the account's kept list, once per account. */
  load(accountId: string): Promise<void>;
  /** Asks main to open the dialog for an app.json, whose pages become the account's list. */
  importFor(accountId: string): Promise<void>;
}

export const usePages = create<PagesState>()((set, get) => ({
  byAccount: {},
  error: null,

  async load(accountId) {
    if (accountId in get().byAccount) return;
    const kept = await call('code:pageList', { accountId });
    // An import that finished meanwhile is newer than what was kept.
    if (kept.ok && !(accountId in get().byAccount)) {
      set({ byAccount: { ...get().byAccount, [accountId]: kept.value } });
    }
  },

  async importFor(accountId) {
    const opened = await call('code:openAppJson', { accountId });
    if (!opened.ok) {
      set({ error: opened.error });
      return;
    }
    // Cancelled: the list and any earlier error stay as they were.
    if (opened.value === null) return;
    set({ byAccount: { ...get().byAccount, [accountId]: opened.value }, error: null });
  },
}));
