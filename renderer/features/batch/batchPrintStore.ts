import { create } from 'zustand';
import type { BatchPrintChoice, LogoGrant, SheetPaper } from '../../../shared/batchPrint';
import type { OutputFormat } from '../../../shared/errors/cli';
import { call } from '../../app/api';

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
  paper: SheetPaper;
  setLabels(labels: string): void;
  chooseLogo(): Promise<void>;
  clearLogo(): void;
  setPoster(posterId: string | null): void;
  setPrintSize(size: string): void;
  setDpi(dpi: string): void;
  setFormat(format: OutputFormat): void;
  setSheet(sheet: boolean): void;
  setPaper(paper: SheetPaper): void;
}

export const useBatchPrint = create<BatchPrintState>()((set) => ({
  labels: '',
  logo: null,
  posterId: null,
  printSize: '',
  dpi: '300',
  format: 'png',
  sheet: false,
  paper: 'A4',
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
  setPaper: (paper) => set({ paper }),
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
  const composes = labels.length > 0 || state.logo !== null || size !== '';
  const choice: BatchPrintChoice = {
    ...(labels.length ? { labels } : {}),
    ...(state.logo ? { logoGrant: state.logo.grant } : {}),
    ...(state.posterId ? { posterId: state.posterId } : {}),
    ...(size ? { printSize: size } : {}),
    ...(composes && Number.isInteger(dpi) && dpi !== 300 ? { dpi } : {}),
    ...(state.format !== 'png' ? { format: state.format } : {}),
    ...(state.sheet ? { sheet: { paper: state.paper } } : {}),
  };
  return Object.keys(choice).length > 0 ? choice : undefined;
}
