import { create } from 'zustand';
import type { AccountDraft, AccountView, EventPayload } from '../../../shared/ipc/channels';
import type { AppError, Result } from '../../../shared/result';
import { call } from '../../app/api';
import { useSettings } from '../../app/settingsStore';

/** Secrets pass straight through to the main process: they are never kept in this store. */
export interface AccountSecrets {
  secret?: string;
  tokenCredential?: string;
}

interface AccountsState {
  accounts: AccountView[];
  activeId: string | null;
  loadError: AppError | null;
  /** The Accounts dialog, when open: on the account in use, or on a new account's empty form. */
  dialog: { adding: boolean } | null;
  openDialog(adding?: boolean): void;
  closeDialog(): void;
  load(): Promise<void>;
  select(id: string): void;
  save(account: AccountDraft, secrets: AccountSecrets): Promise<Result<AccountView>>;
  remove(id: string): Promise<Result<unknown>>;
  forgetSecret(id: string): Promise<Result<AccountView>>;
  test(id: string): Promise<Result<{ expiresInSeconds: number }>>;
  /** Main kept a new Num-Used for an account (a code made by the form or a batch). */
  numUsedReported(report: EventPayload<'accounts:numUsed'>): void;
}

function pickActive(accounts: AccountView[], wanted: string | null | undefined): string | null {
  if (wanted && accounts.some((a) => a.id === wanted)) return wanted;
  return accounts[0]?.id ?? null;
}

export const useAccounts = create<AccountsState>()((set, get) => ({
  accounts: [],
  activeId: null,
  loadError: null,
  dialog: null,

  openDialog: (adding = false) => set({ dialog: { adding } }),
  closeDialog: () => set({ dialog: null }),

  async load() {
    const listed = await call('accounts:list', undefined);
    if (!listed.ok) {
      set({ loadError: listed.error });
      return;
    }
    const wanted = get().activeId ?? useSettings.getState().settings.lastAccountId;
    set({ accounts: listed.value, activeId: pickActive(listed.value, wanted), loadError: null });
  },

  select(id) {
    set({ activeId: id });
    void useSettings.getState().update({ lastAccountId: id });
  },

  async save(account, secrets) {
    const saved = await call('accounts:save', { account, ...secrets });
    if (saved.ok) {
      const others = get().accounts.filter((a) => a.id !== saved.value.id);
      const accounts = account.id
        ? get().accounts.map((a) => (a.id === saved.value.id ? saved.value : a))
        : [...others, saved.value];
      set({ accounts, activeId: get().activeId ?? saved.value.id });
    }
    return saved;
  },

  async remove(id) {
    const removed = await call('accounts:remove', { id });
    if (removed.ok) {
      const accounts = get().accounts.filter((a) => a.id !== id);
      set({ accounts, activeId: pickActive(accounts, get().activeId) });
    }
    return removed;
  },

  async forgetSecret(id) {
    const forgotten = await call('accounts:forgetSecret', { id });
    if (forgotten.ok) set({ accounts: get().accounts.map((a) => (a.id === id ? forgotten.value : a)) });
    return forgotten;
  },

  test: (id) => call('accounts:test', { id }),

  numUsedReported({ accountId, numUsed }) {
    set({ accounts: get().accounts.map((a) => (a.id === accountId ? { ...a, numUsed } : a)) });
  },
}));

export const useActiveAccount = (): AccountView | undefined =>
  useAccounts((s) => s.accounts.find((a) => a.id === s.activeId));

/** Whether only the built-in Sandbox account exists: the app has not met the user's mini program yet. */
export const useOnlySandbox = (): boolean =>
  useAccounts((s) => s.accounts.length > 0 && s.accounts.every((a) => a.source.kind === 'sandbox'));
