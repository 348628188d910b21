import { create } from 'zustand';

/** The three things the window does; one shows at a time. */
export type View = 'code' | 'batch' | 'history';

export const VIEWS: readonly View[] = ['code', 'batch', 'history'];

interface ViewState {
  view: View;
  show(view: View): void;
}

export const useView = create<ViewState>()((set) => ({
  view: 'code',
  show: (view) => set({ view }),
}));
