import { create } from 'zustand';
import type { CodeKind, CodeRequest } from '../../../shared/codeRequest';
import { NO_ACCOUNT } from '../../../shared/errors/accounts';
import type { GeneratedCode } from '../../../shared/ipc/channels';
import type { AppError } from '../../../shared/result';
import type { CodeRequestField } from '../../../shared/validateCodeRequest';
import { formatHexColor } from '../../../shared/validateCodeRequest';
import { call } from '../../app/api';
import { latestRequest } from '../../app/latestRequest';
import { useSettings } from '../../app/settingsStore';
import { useView } from '../../app/viewStore';
import type { MessageKey, Params } from '../../i18n';
import { useAccounts } from '../accounts/accountsStore';
import { type CheckedDraft, checkDraft, type Draft, draftOf, EMPTY_DRAFT, switchKind } from './draft';

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
  /** The draft checked once per change; every field, the preview and Generate read this. */
  checked: CheckedDraft;
  /** Fields the user has edited: only those show errors, so an empty form is not a wall of red. */
  touched: Partial<Record<CodeRequestField, true>>;
  made: MadeCode | null;
  busy: boolean;
  error: AppError | null;
  /** What the last failed request asked for: making codes by themselves does not ask it again. */
  failed: { request: CodeRequest; accountId: string } | null;
  notice: Notice | null;
  /** The page path (or page) whose warning the user has read and chosen to use anyway. */
  acceptedWarning: string | null;
  edit(patch: Partial<Omit<Draft, 'kind'>>): void;
  setKind(kind: CodeKind): void;
  /** Marks every field with a problem, so each shows it; returns the first in the form's order. */
  markProblems(): CodeRequestField | null;
  /** Goes ahead with the target the form warns about (this text only: a new one is warned about again). */
  acceptWarning(): void;
  generate(options?: { regenerate?: boolean }): Promise<void>;
  /** Fills the form from a code made earlier and shows that code, as if it had just been made. */
  open(made: MadeCode): void;
  /** Save, copy and drag take any stored code: the form's, or one picked in History. */
  save(codeId: string): Promise<void>;
  copy(codeId: string): Promise<void>;
  drag(codeId: string): Promise<void>;
  dismissError(): void;
}

/**
 * The form's latest generate or open. An answer that comes after the user moved on (opened a code
 * from History, switched account) is stale: it must not replace the code the form shows.
 */
const formRequests = latestRequest();

/** A new draft and its check, always set together. */
const withDraft = (draft: Draft) => ({ draft, checked: checkDraft(draft) });

export const useCode = create<CodeState>()((set, get) => ({
  ...withDraft(EMPTY_DRAFT),
  touched: {},
  made: null,
  busy: false,
  error: null,
  failed: null,
  notice: null,
  acceptedWarning: null,

  edit(patch) {
    const touched = { ...get().touched };
    for (const field of Object.keys(patch)) touched[field as CodeRequestField] = true;
    // The error was about the request as it was: once the form asks for something else, it is gone.
    set({ ...withDraft({ ...get().draft, ...patch }), touched, error: null });
  },

  setKind(kind) {
    set({ ...withDraft(switchKind(get().draft, kind)), error: null });
  },

  markProblems() {
    const fields = Object.keys(get().checked.errors) as CodeRequestField[];
    const touched = { ...get().touched };
    for (const field of fields) touched[field] = true;
    set({ touched });
    return fields[0] ?? null;
  },

  acceptWarning() {
    set({ acceptedWarning: get().checked.warning?.target ?? null });
  },

  async generate({ regenerate = false } = {}) {
    if (get().busy) return;
    const { request, warning } = get().checked;
    if (!request) {
      get().markProblems();
      return;
    }
    // A web address as the page spends quota on a code that opens nothing: not without a yes.
    if (warning && warning.target !== get().acceptedWarning) return;
    const accountId = useAccounts.getState().activeId;
    if (!accountId) {
      set({ error: NO_ACCOUNT });
      return;
    }
    const latest = formRequests.ask();
    set({ busy: true, notice: null });
    const result = await call('code:generate', { accountId, request, regenerate });
    const current = latest() && useAccounts.getState().activeId === accountId;
    if (!current) {
      set({ busy: false });
      return;
    }
    if (!result.ok) {
      set({ busy: false, error: result.error, failed: { request, accountId } });
      return;
    }
    set({ busy: false, error: null, failed: null, made: { code: result.value, request, accountId } });
    if (request.kind !== 'qrcode' && !request.autoColor) {
      useSettings.getState().rememberColor(formatHexColor(request.lineColor));
    }
  },

  open(made) {
    formRequests.drop();
    set({ ...withDraft(draftOf(made.request)), touched: {}, made, error: null, failed: null, notice: null });
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

// A failed code's error belongs to Make a code: leaving the view clears it rather than carrying it
// into Batch or History (the form still shows its own field problems on return).
useView.subscribe((now, before) => {
  if (before.view === 'code' && now.view !== 'code') useCode.getState().dismissError();
});
