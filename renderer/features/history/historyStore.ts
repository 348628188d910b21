import { create } from 'zustand';
import type { BatchState, BatchUpdate } from '../../../shared/batch';
import type { CodeKind } from '../../../shared/codeRequest';
import type { GeneratedCode, LibraryEntryView } from '../../../shared/ipc/channels';
import type { AppError } from '../../../shared/result';
import { call } from '../../app/api';
import { latestRequest } from '../../app/latestRequest';

/** How many codes the list asks for at first and per "Show more": the library may hold 50,000. */
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
  /** The pages fetched so far of the codes matching `listedFor`, newest first; null until the first answer. */
  entries: LibraryEntryView[] | null;
  /** How many codes match `listedFor` in all. */
  total: number;
  listedFor: HistoryFilter;
  selectedId: string | null;
  /** The selected code's image, once read. */
  selected: GeneratedCode | null;
  confirmingDelete: boolean;
  error: AppError | null;
  setFilter(patch: Partial<HistoryFilter>): void;
  load(filter: HistoryFilter): Promise<void>;
  /** Fetches the next page. */
  showMore(): Promise<void>;
  /** Hears a batch's progress while History is shown. */
  batchUpdated(update: Pick<BatchUpdate, 'progress'>): void;
  select(codeId: string | null): Promise<void>;
  askDelete(asking: boolean): void;
  remove(codeId: string): Promise<boolean>;
  dismissError(): void;
}

const listRequests = latestRequest();
const imageRequests = latestRequest();
/** The state of the batch last heard of. */
let lastBatchState: BatchState | undefined;

export const useHistory = create<HistoryState>()((set, get) => ({
  filter: NO_FILTER,
  entries: null,
  total: 0,
  listedFor: NO_FILTER,
  selectedId: null,
  selected: null,
  confirmingDelete: false,
  error: null,

  setFilter(patch) {
    set({ filter: { ...get().filter, ...patch } });
  },

  async load(filter) {
    const latest = listRequests.ask();
    // A refresh of the same list keeps as many codes as were shown, so the user stays in place.
    const sameFilter = JSON.stringify(filter) === JSON.stringify(get().listedFor);
    const limit = sameFilter ? Math.max(PAGE_SIZE, get().entries?.length ?? 0) : PAGE_SIZE;
    const listed = await call('library:list', { ...filterPayload(filter), limit });
    if (!latest()) return;
    if (!listed.ok) {
      set({ error: listed.error });
      return;
    }
    const { selectedId } = get();
    const stillListed = listed.value.entries.some((e) => e.codeId === selectedId);
    set({ entries: listed.value.entries, total: listed.value.total, listedFor: filter, error: null });
    if (!stillListed && selectedId !== null) await get().select(null);
  },

  async showMore() {
    const { listedFor } = get();
    const latest = listRequests.current();
    const offset = get().entries?.length ?? 0;
    const listed = await call('library:list', { ...filterPayload(listedFor), offset, limit: PAGE_SIZE });
    // A new search meanwhile, or another page already added: this answer is stale.
    const entries = get().entries ?? [];
    if (!latest() || entries.length !== offset) return;
    if (!listed.ok) {
      set({ error: listed.error });
      return;
    }
    // Codes made since the last page shift the offset: the page may repeat codes already listed.
    const listedIds = new Set(entries.map((e) => e.codeId));
    const added = listed.value.entries.filter((e) => !listedIds.has(e.codeId));
    set({ entries: [...entries, ...added], total: listed.value.total });
  },

  batchUpdated({ progress: { state } }) {
    // A batch adds codes to the library: once it stops making them, the list shows them. Once per
    // stop: a paused batch still reports every second.
    const stopped = (state === 'finished' || state === 'paused') && state !== lastBatchState;
    lastBatchState = state;
    if (stopped) void get().load(get().listedFor);
  },

  async select(codeId) {
    const latest = imageRequests.ask();
    if (codeId === get().selectedId && get().selected) return;
    set({ selectedId: codeId, selected: null, confirmingDelete: false });
    if (codeId === null) return;
    const read = await call('library:image', { codeId });
    if (!latest()) return;
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
    set({ entries: rest, total: get().total - 1, confirmingDelete: false, error: null });
    await get().select(next);
    await get().load(get().listedFor);
    return true;
  },

  dismissError() {
    set({ error: null });
  },
}));

function filterPayload(filter: HistoryFilter) {
  const query = filter.query.trim();
  return {
    ...(query ? { query } : {}),
    ...(filter.accountId ? { accountId: filter.accountId } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
  };
}
