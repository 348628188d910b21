import { create } from 'zustand';
import type { CodeKind, CodeRequest } from '../../shared/codeRequest';
import type { GeneratedCode } from '../../shared/ipc';
import type { AppError } from '../../shared/result';
import type { CodeRequestField } from '../../shared/validateCodeRequest';
import { formatHexColor } from '../../shared/validateCodeRequest';
import { call } from '../api';
import type { MessageKey, Params } from '../i18n';
import { useAccounts } from './accountsStore';
import { checkDraft, type Draft, draftOf, EMPTY_DRAFT, switchKind } from './draft';
import { useSettings } from './settingsStore';

/** The last real image and what it was made from, so the preview can tell whether it is current. */
export interface MadeCode {
  code: GeneratedCode;
  request: CodeRequest;
  accountId: string;
}

export interface Notice {
  key: MessageKey;
  params?: Params;
}

interface CodeState {
  draft: Draft;
  /** Fields the user has edited: only those show errors, so an empty form is not a wall of red. */
  touched: Partial<Record<CodeRequestField, true>>;
  made: MadeCode | null;
  busy: boolean;
  error: AppError | null;
  notice: Notice | null;
  edit(patch: Partial<Omit<Draft, 'kind'>>): void;
  setKind(kind: CodeKind): void;
  generate(options?: { regenerate?: boolean }): Promise<void>;
  /** Fills the form from a code made earlier and shows that code, as if it had just been made. */
  open(made: MadeCode): void;
  /** Save, copy and drag take any stored code: the form's, or one picked in History. */
  save(codeId: string): Promise<void>;
  copy(codeId: string): Promise<void>;
  drag(codeId: string): Promise<void>;
  dismissError(): void;
}

const NO_ACCOUNT: AppError = {
  code: 'no-account',
  message: { en: 'No account is chosen.', zh: '尚未选择账号。' },
  hint: {
    en: 'Choose an account in the status bar, or add one in Accounts.',
    zh: '请在状态栏中选择账号，或在“账号”中添加。',
  },
};

export const useCode = create<CodeState>()((set, get) => ({
  draft: EMPTY_DRAFT,
  touched: {},
  made: null,
  busy: false,
  error: null,
  notice: null,

  edit(patch) {
    const touched = { ...get().touched };
    for (const field of Object.keys(patch)) touched[field as CodeRequestField] = true;
    set({ draft: { ...get().draft, ...patch }, touched });
  },

  setKind(kind) {
    set({ draft: switchKind(get().draft, kind) });
  },

  async generate({ regenerate = false } = {}) {
    if (get().busy) return;
    const { request, errors } = checkDraft(get().draft);
    if (!request) {
      const touched = { ...get().touched };
      for (const field of Object.keys(errors)) touched[field as CodeRequestField] = true;
      set({ touched });
      return;
    }
    const accountId = useAccounts.getState().activeId;
    if (!accountId) {
      set({ error: NO_ACCOUNT });
      return;
    }
    set({ busy: true, notice: null });
    const result = await call('code:generate', { accountId, request, regenerate });
    if (!result.ok) {
      set({ busy: false, error: result.error });
      return;
    }
    set({ busy: false, error: null, made: { code: result.value, request, accountId } });
    if (result.value.numUsed !== undefined) {
      useAccounts.getState().recordNumUsed(accountId, result.value.numUsed);
    }
    if (request.kind !== 'qrcode' && !request.autoColor) {
      useSettings.getState().rememberColor(formatHexColor(request.lineColor));
    }
  },

  open(made) {
    set({ draft: draftOf(made.request), touched: {}, made, error: null, notice: null });
  },

  async save(codeId) {
    const saved = await call('code:save', { codeId });
    if (!saved.ok) set({ error: saved.error, notice: null });
    else if (saved.value.saved)
      set({ error: null, notice: { key: 'savedTo', params: { path: saved.value.path ?? '' } } });
  },

  async copy(codeId) {
    const copied = await call('code:copy', { codeId });
    set(copied.ok ? { error: null, notice: { key: 'copied' } } : { error: copied.error, notice: null });
  },

  async drag(codeId) {
    const dragged = await call('code:drag', { codeId });
    if (!dragged.ok) set({ error: dragged.error });
  },

  dismissError() {
    set({ error: null });
  },
}));
