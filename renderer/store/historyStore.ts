import { create } from 'zustand';
import type { CodeKind } from '../../shared/codeRequest';
import type { GeneratedCode, LibraryEntryView } from '../../shared/ipc';
import type { AppError } from '../../shared/result';
import { call } from '../api';

/** How many codes the list shows at first and adds per "Show more": the library may hold 50,000. */
export const PAGE_SIZE = 200;

export interface HistoryFilter {
  query: string;
  /** '' for all accounts. */
  accountId: string;
  /** '' for all kinds. */
  kind: CodeKind | '';
}

export const NO_FILTER: HistoryFilter = { query: '', accountId: '', kind: '' };

export const isFiltered = (filter: HistoryFilter): boolean =>
  filter.query.trim() !== '' || filter.accountId !== '' || filter.kind !== '';

interface HistoryState {
  /** As the user set it; the list follows it (the query after a pause in typing). */
  filter: HistoryFilter;
  /** The codes matching `listedFor`, newest first; null until the first answer. */
  entries: LibraryEntryView[] | null;
  listedFor: HistoryFilter;
  shown: number;
  selectedId: string | null;
  /** The selected code's image, once read. */
  selected: GeneratedCode | null;
  confirmingDelete: boolean;
  error: AppError | null;
  setFilter(patch: Partial<HistoryFilter>): void;
  load(filter: HistoryFilter): Promise<void>;
  showMore(): void;
  select(codeId: string | null): Promise<void>;
  askDelete(asking: boolean): void;
  remove(codeId: string): Promise<boolean>;
  dismissError(): void;
}

// Answers can arrive out of order (a slow search, then a quick one): only the latest request counts.
let listTicket = 0;
let imageTicket = 0;

export const useHistory = create<HistoryState>()((set, get) => ({
  filter: NO_FILTER,
  entries: null,
  listedFor: NO_FILTER,
  shown: PAGE_SIZE,
  selectedId: null,
  selected: null,
  confirmingDelete: false,
  error: null,

  setFilter(patch) {
    set({ filter: { ...get().filter, ...patch } });
  },

  async load(filter) {
    const ticket = ++listTicket;
    const query = filter.query.trim();
    const listed = await call('library:list', {
      ...(query ? { query } : {}),
      ...(filter.accountId ? { accountId: filter.accountId } : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
    });
    if (ticket !== listTicket) return;
    if (!listed.ok) {
      set({ error: listed.error });
      return;
    }
    const sameFilter = JSON.stringify(filter) === JSON.stringify(get().listedFor);
    const { selectedId } = get();
    const stillListed = listed.value.some((e) => e.codeId === selectedId);
    set({
      entries: listed.value,
      listedFor: filter,
      shown: sameFilter ? get().shown : PAGE_SIZE,
      error: null,
    });
    if (!stillListed && selectedId !== null) await get().select(null);
  },

  showMore() {
    set({ shown: get().shown + PAGE_SIZE });
  },

  async select(codeId) {
    const ticket = ++imageTicket;
    if (codeId === get().selectedId && get().selected) return;
    set({ selectedId: codeId, selected: null, confirmingDelete: false });
    if (codeId === null) return;
    const read = await call('library:image', { codeId });
    if (ticket !== imageTicket) return;
    set(read.ok ? { selected: read.value, error: null } : { error: read.error });
  },

  askDelete(asking) {
    set({ confirmingDelete: asking });
  },

  async remove(codeId) {
    const deleted = await call('library:delete', { codeId });
    if (!deleted.ok) {
      set({ error: deleted.error });
      return false;
    }
    // The neighbour takes the deleted code's place, so the keyboard user stays where they were.
    const entries = get().entries ?? [];
    const at = entries.findIndex((e) => e.codeId === codeId);
    const rest = entries.filter((e) => e.codeId !== codeId);
    const next = rest[Math.min(at, rest.length - 1)]?.codeId ?? null;
    set({ entries: rest, confirmingDelete: false, error: null });
    await get().select(next);
    await get().load(get().listedFor);
    return true;
  },

  dismissError() {
    set({ error: null });
  },
}));
