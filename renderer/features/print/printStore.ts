import { create } from 'zustand';
import type { PrintedCodeView, PrintOptions } from '../../../shared/ipc/channels';
import type { AppError } from '../../../shared/result';
import { call } from '../../app/api';
import { latestRequest } from '../../app/latestRequest';
import { useCode } from '../code/codeStore';
import { EMPTY_PRINT, type LabelDraft, NEW_LABEL, type PrintDraft } from './printDraft';

interface PrintState {
  draft: PrintDraft;
  /** The code as main composed it for the draft, and for which code and options. */
  printed: { codeId: string; key: string; view: PrintedCodeView } | null;
  /** Why the last compose (or logo) failed; shown at the field it names. */
  error: AppError | null;
  edit(patch: Partial<PrintDraft>): void;
  editLabel(index: number, patch: Partial<LabelDraft>): void;
  addLabel(): void;
  removeLabel(index: number): void;
  chooseLogo(): Promise<void>;
  compose(codeId: string, options: PrintOptions): Promise<void>;
  save(codeId: string, options: PrintOptions): Promise<void>;
  copy(codeId: string, options: PrintOptions): Promise<void>;
  drag(codeId: string, options: PrintOptions): Promise<void>;
}

/** The same options always give the same key: what the preview shows is known by it. */
export const printKey = (codeId: string, options: PrintOptions): string => JSON.stringify([codeId, options]);

const composes = latestRequest();

/** Errors of save, copy and drag show where the form's own do. */
const showError = (error: AppError) => useCode.setState({ error, notice: null });

export const usePrint = create<PrintState>()((set, get) => ({
  draft: EMPTY_PRINT,
  printed: null,
  error: null,

  edit(patch) {
    set({ draft: { ...get().draft, ...patch } });
  },

  editLabel(index, patch) {
    const labels = get().draft.labels.map((label, i) => (i === index ? { ...label, ...patch } : label));
    get().edit({ labels });
  },

  addLabel() {
    get().edit({ labels: [...get().draft.labels, NEW_LABEL] });
  },

  removeLabel(index) {
    get().edit({ labels: get().draft.labels.filter((_, i) => i !== index) });
  },

  async chooseLogo() {
    const chosen = await call('print:chooseLogo', undefined);
    if (!chosen.ok) set({ error: chosen.error });
    else if (chosen.value) {
      get().edit({ logo: { logoId: chosen.value.logoId, name: chosen.value.name } });
      set({ error: null });
    }
  },

  async compose(codeId, options) {
    const key = printKey(codeId, options);
    if (get().printed?.key === key) return;
    const latest = composes.ask();
    const composed = await call('print:compose', { codeId, print: options });
    if (!latest()) return;
    if (composed.ok) set({ printed: { codeId, key, view: composed.value }, error: null });
    else set({ printed: null, error: composed.error });
  },

  async save(codeId, options) {
    const saved = await call('print:save', { codeId, print: options });
    if (!saved.ok) showError(saved.error);
    else if (saved.value.saved)
      useCode.setState({ error: null, notice: { key: 'savedTo', params: { path: saved.value.path ?? '' } } });
  },

  async copy(codeId, options) {
    const copied = await call('print:copy', { codeId, print: options });
    if (copied.ok) useCode.setState({ error: null, notice: { key: 'copied' } });
    else showError(copied.error);
  },

  async drag(codeId, options) {
    const dragged = await call('print:drag', { codeId, print: options });
    if (!dragged.ok) showError(dragged.error);
  },
}));
