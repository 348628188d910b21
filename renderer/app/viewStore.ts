import { create } from 'zustand';
import { VIEWS, type View } from '../../shared/views';

export { VIEWS, type View };

interface ViewState {
  view: View;
  show(view: View): void;
}

export const useView = create<ViewState>()((set) => ({
  view: 'code',
  show: (view) => set({ view }),
}));
