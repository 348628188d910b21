import { create } from 'zustand';
import type { BatchState, BatchUpdate } from '../../../shared/batch';
import type { CodeKind } from '../../../shared/codeRequest';
import type {
  CampaignView,
  ExportedCodes,
  GeneratedCode,
  LibraryEntryView,
} from '../../../shared/ipc/channels';
import type { AppError } from '../../../shared/result';
import { call } from '../../app/api';
import { latestRequest } from '../../app/latestRequest';
import { keepShown, NO_PICKS, type PickHow, type Picks, pick, pickedInOrder } from './historyPicks';

/** How many codes the list asks for at first and per "Show more": the library may hold 50,000. */
export const PAGE_SIZE = 200;

export interface HistoryFilter {
  query: string;
  /** '' for all accounts. */
  accountId: string;
  /** '' for all kinds. */
  kind: CodeKind | '';
  /** '' for all campaigns. */
  campaign: string;
  /** One batch of the campaign; '' for all of them. */
  batch: string;
}

export const NO_FILTER: HistoryFilter = { query: '', accountId: '', kind: '', campaign: '', batch: '' };

export const isFiltered = (filter: HistoryFilter): boolean =>
  filter.query.trim() !== '' ||
  filter.accountId !== '' ||
  filter.kind !== '' ||
  filter.campaign !== '' ||
  filter.batch !== '';

interface HistoryState {
  /** As the user set it; the list follows it (the query after a pause in typing). */
  filter: HistoryFilter;
  /** The pages fetched so far of the codes matching `listedFor`, newest first; null until the first answer. */
  entries: LibraryEntryView[] | null;
  /** How many codes match `listedFor` in all, as counted with the first page. */
  total: number;
  /** More than `total` match: the count stopped at its cap ("10,000+ codes"). */
  totalCapped: boolean;
  /** Where the next page starts; undefined after the last page. */
  nextCursor: string | undefined;
  listedFor: HistoryFilter;
  selectedId: string | null;
  /** The selected code's image, once read. */
  selected: GeneratedCode | null;
  confirmingDelete: boolean;
  /** The codes picked for Save to folder, ZIP and Delete (the selected one among them). */
  picks: Picks;
  /** Campaigns with their batches, for the campaign filter. */
  campaigns: CampaignView[];
  /** Asking to delete every picked code. */
  confirmingDeletePicked: boolean;
  /** What the last Save to folder or ZIP wrote, to say so. */
  exported: ExportedCodes | null;
  exporting: boolean;
  error: AppError | null;
  setFilter(patch: Partial<HistoryFilter>): void;
  load(filter: HistoryFilter): Promise<void>;
  /** Fetches the next page. */
  showMore(): Promise<void>;
  /** Hears a batch's progress while History is shown. */
  batchUpdated(update: Pick<BatchUpdate, 'progress'>): void;
  select(codeId: string | null): Promise<void>;
  /** Picks a code the way `how` says and shows it large. */
  pick(codeId: string, how: PickHow): Promise<void>;
  /** Ctrl/Cmd-A: every code shown. */
  pickAll(): void;
  /** Space: adds or removes the selected code. */
  togglePicked(): void;
  clearPicks(): void;
  loadCampaigns(): Promise<void>;
  /** Picked codes (or, without any, every code of the batch filtered by) to a folder or a ZIP main asks for. */
  exportPicked(zip: boolean): Promise<void>;
  exportBatch(zip: boolean): Promise<void>;
  askDeletePicked(asking: boolean): void;
  removePicked(): Promise<boolean>;
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
  totalCapped: false,
  nextCursor: undefined,
  listedFor: NO_FILTER,
  selectedId: null,
  selected: null,
  confirmingDelete: false,
  picks: NO_PICKS,
  campaigns: [],
  confirmingDeletePicked: false,
  exported: null,
  exporting: false,
  error: null,

  setFilter(patch) {
    const filter = { ...get().filter, ...patch };
    // A batch belongs to one campaign: another campaign shows all of its own.
    if (patch.campaign !== undefined && patch.batch === undefined) filter.batch = '';
    set({ filter });
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
    set({
      picks: keepShown(
        listed.value.entries.map((e) => e.codeId),
        get().picks,
      ),
      entries: listed.value.entries,
      // A first page always carries the count.
      total: listed.value.total ?? 0,
      totalCapped: listed.value.totalCapped === true,
      nextCursor: listed.value.nextCursor,
      listedFor: filter,
      error: null,
    });
    if (!stillListed && selectedId !== null) await get().select(null);
  },

  async showMore() {
    const { listedFor, nextCursor: cursor } = get();
    if (cursor === undefined) return;
    const latest = listRequests.current();
    // The page after the last code shown: codes made since do not shift it.
    const listed = await call('library:list', { ...filterPayload(listedFor), cursor, limit: PAGE_SIZE });
    // A new search meanwhile, or another page already added: this answer is stale.
    if (!latest() || get().nextCursor !== cursor) return;
    if (!listed.ok) {
      set({ error: listed.error });
      return;
    }
    set({
      // The count stays the first page's: later pages are not counted again.
      entries: [...(get().entries ?? []), ...listed.value.entries],
      nextCursor: listed.value.nextCursor,
    });
  },

  batchUpdated({ progress: { state } }) {
    // A batch adds codes to the library: once it stops making them, the list shows them. Once per
    // stop: a paused batch still reports every second.
    const stopped = (state === 'finished' || state === 'paused') && state !== lastBatchState;
    lastBatchState = state;
    if (stopped) {
      void get().load(get().listedFor);
      void get().loadCampaigns();
    }
  },

  async pick(codeId, how) {
    set({ picks: pick(shownIds(get()), get().picks, codeId, how), confirmingDeletePicked: false });
    await get().select(codeId);
  },

  pickAll() {
    const order = shownIds(get());
    set({ picks: { picked: new Set(order), anchorId: get().selectedId ?? order[0] ?? null } });
  },

  togglePicked() {
    const { selectedId } = get();
    if (selectedId) set({ picks: pick(shownIds(get()), get().picks, selectedId, 'toggle') });
  },

  clearPicks() {
    set({ picks: NO_PICKS, confirmingDeletePicked: false });
  },

  async loadCampaigns() {
    const listed = await call('library:campaigns', undefined);
    if (listed.ok) set({ campaigns: listed.value });
  },

  async exportPicked(zip) {
    const codeIds = pickedInOrder(shownIds(get()), get().picks);
    if (codeIds.length === 0) return;
    const { batch } = get().listedFor;
    await exportCodes(set, { codeIds, ...(batch ? { batch } : {}), zip });
  },

  async exportBatch(zip) {
    const { batch } = get().listedFor;
    if (batch) await exportCodes(set, { batch, zip });
  },

  askDeletePicked(asking) {
    set({ confirmingDeletePicked: asking });
  },

  async removePicked() {
    const codeIds = pickedInOrder(shownIds(get()), get().picks);
    if (codeIds.length === 0) return false;
    const deleted = await call('library:deleteMany', { codeIds });
    if (!deleted.ok) {
      set({ error: deleted.error });
      return false;
    }
    set({ picks: NO_PICKS, confirmingDeletePicked: false, error: null });
    if (codeIds.includes(get().selectedId ?? '')) await get().select(null);
    await Promise.all([get().load(get().listedFor), get().loadCampaigns()]);
    return true;
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
    const { total, totalCapped } = get();
    // Past the cap the count is unknown, so one fewer is still "10,000+".
    set({ entries: rest, total: totalCapped ? total : total - 1, confirmingDelete: false, error: null });
    if (next) await get().pick(next, 'only');
    else await get().select(null);
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
    ...(filter.campaign ? { campaign: filter.campaign } : {}),
    ...(filter.batch ? { batch: filter.batch } : {}),
  };
}

const shownIds = (state: Pick<HistoryState, 'entries'>): string[] =>
  (state.entries ?? []).map((e) => e.codeId);

/** The picked codes in the order History shows them. */
export const pickedCodeIds = (state: Pick<HistoryState, 'entries' | 'picks'>): string[] =>
  pickedInOrder(shownIds(state), state.picks);

/** Main asks for the folder in its own dialog; null back means the user cancelled it. */
async function exportCodes(
  set: (patch: Partial<HistoryState>) => void,
  choice: { codeIds?: string[]; batch?: string; zip: boolean },
): Promise<void> {
  set({ exporting: true, exported: null });
  const exported = await call('library:export', choice);
  set({ exporting: false });
  if (!exported.ok) set({ error: exported.error });
  else set({ exported: exported.value, error: null });
}
