import { create } from 'zustand';
import type { BatchPrintChoice, LogoGrant } from '../../../shared/batchPrint';
import type { OutputFormat } from '../../../shared/errors/cli';
import { call } from '../../app/api';
import { NEW_SHEET_DRAFT, type SheetDraft, sheetChoiceOf } from '../print/sheetDraft';

// The batch view's Print part: what each row's code looks like on paper, and the print sheet. Main
// checks every choice against the sheet's columns at Start, before any call.

export interface BatchPrintState {
  /** One label line per line of text. */
  labels: string;
  logo: LogoGrant | null;
  /** A saved poster template, by main's id: one poster per row. */
  posterId: string | null;
  printSize: string;
  dpi: string;
  format: OutputFormat;
  sheet: boolean;
  sheetDraft: SheetDraft;
  setLabels(labels: string): void;
  chooseLogo(): Promise<void>;
  clearLogo(): void;
  setPoster(posterId: string | null): void;
  setPrintSize(size: string): void;
  setDpi(dpi: string): void;
  setFormat(format: OutputFormat): void;
  setSheet(sheet: boolean): void;
  setSheetDraft(patch: Partial<SheetDraft>): void;
}

export const useBatchPrint = create<BatchPrintState>()((set) => ({
  labels: '',
  logo: null,
  posterId: null,
  printSize: '',
  dpi: '300',
  format: 'png',
  sheet: false,
  // Blank size: the printed size, else 4 cm (batchPrint.ts).
  sheetDraft: { ...NEW_SHEET_DRAFT, size: '' },
  setLabels: (labels) => set({ labels }),
  async chooseLogo() {
    const chosen = await call('batch:chooseLogo', undefined);
    if (chosen.ok && chosen.value) set({ logo: chosen.value });
  },
  clearLogo: () => set({ logo: null }),
  setPoster: (posterId) => set({ posterId }),
  setPrintSize: (printSize) => set({ printSize }),
  setDpi: (dpi) => set({ dpi }),
  setFormat: (format) => set({ format }),
  setSheet: (sheet) => set({ sheet }),
  setSheetDraft: (patch) => set((s) => ({ sheetDraft: { ...s.sheetDraft, ...patch } })),
}));

/** Changes whenever what Start would send changes: the first-row check then asks for a new look. */
export const usePrintChoiceKey = (): string =>
  useBatchPrint((state) => JSON.stringify(batchPrintChoice(state) ?? null));

/** What Start sends; undefined when the Print part asks for nothing beyond the PNGs. */
export function batchPrintChoice(
  state: BatchPrintState = useBatchPrint.getState(),
): BatchPrintChoice | undefined {
  const labels = state.labels
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const size = state.printSize.trim();
  const dpi = Number(state.dpi);
  // A grid still being typed (out of 1..20) sends the sheet at its other settings' defaults rather than none.
  const sheet = state.sheet
    ? (sheetChoiceOf(state.sheetDraft) ?? { paper: state.sheetDraft.paper })
    : undefined;
  const composes = labels.length > 0 || state.logo !== null || size !== '';
  const choice: BatchPrintChoice = {
    ...(labels.length ? { labels } : {}),
    ...(state.logo ? { logoGrant: state.logo.grant } : {}),
    ...(state.posterId ? { posterId: state.posterId } : {}),
    ...(size ? { printSize: size } : {}),
    ...(composes && Number.isInteger(dpi) && dpi !== 300 ? { dpi } : {}),
    ...(state.format !== 'png' ? { format: state.format } : {}),
    ...(sheet ? { sheet } : {}),
  };
  return Object.keys(choice).length > 0 ? choice : undefined;
}
