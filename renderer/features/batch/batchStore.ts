import { create } from 'zustand';
import {
  type BatchColumn,
  type BatchUpdate,
  type ColumnMapping,
  MAX_SHEET_FILE_BYTES,
  type PlanView,
  type SheetView,
  type UnfinishedBatchView,
} from '../../../shared/batch';
import type { CodeKind } from '../../../shared/codeRequest';
import type { FolderGrant } from '../../../shared/ipc/channels';
import type { AppError, Result } from '../../../shared/result';
import { call } from '../../app/api';
import { useAccounts } from '../accounts/accountsStore';
import { CONCURRENCY, type FormStyle, PACE, wholeNumber } from './batchRules';

interface BatchState {
  sheet: SheetView | null;
  opening: boolean;
  importError: AppError | null;
  unfinished: UnfinishedBatchView[];
  kind: CodeKind | null;
  mapping: ColumnMapping;
  plan: PlanView | null;
  planning: boolean;
  planError: AppError | null;
  /** null: the plan's default template, which follows the columns until the user types one. */
  nameTemplate: string | null;
  exampleNames: string[];
  nameError: AppError | null;
  /** The folder chosen in main's dialog: its path to show, and the grant Start names it by. */
  folder: FolderGrant | null;
  zip: boolean;
  concurrency: string;
  ratePerMinute: string;
  job: BatchUpdate | null;
  /** A finished job the user put away (New batch, another import): coming back to the view does not bring it back. */
  dismissedJobId: string | null;
  starting: boolean;
  runError: AppError | null;
  /** Bumped when a job ends: the library has changed, so the plan is checked again. */
  finishedRuns: number;

  load(): Promise<void>;
  open(): Promise<void>;
  /** A .csv or .xlsx dropped onto the window. */
  openDropped(file: File): Promise<void>;
  setKind(kind: CodeKind): void;
  setColumn(column: BatchColumn, index: number | undefined): void;
  check(accountId: string | null, style: FormStyle): Promise<void>;
  setNameTemplate(template: string): Promise<void>;
  chooseFolder(): Promise<void>;
  setZip(zip: boolean): void;
  setConcurrency(text: string): void;
  setRatePerMinute(text: string): void;
  start(): Promise<void>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  cancel(): Promise<void>;
  received(update: BatchUpdate): void;
  showOutput(): Promise<void>;
  continueBatch(batchId: string): Promise<void>;
  discard(batchId: string): Promise<void>;
  newBatch(): void;
}

const SETUP = {
  sheet: null,
  importError: null,
  kind: null,
  mapping: {},
  plan: null,
  planning: false,
  planError: null,
  nameTemplate: null,
  exampleNames: [],
  nameError: null,
  folder: null,
  zip: false,
  concurrency: String(CONCURRENCY.default),
  ratePerMinute: String(PACE.default),
  job: null,
  starting: false,
  runError: null,
} satisfies Partial<BatchState>;

// Answers that arrive after a newer question was asked are dropped.
let planAsked = 0;
let namesAsked = 0;

/**
 * An answer about a job may arrive after a newer event (a cancel's answer after the `finished`
 * event, a status asked for before a pause): the update made last in main wins, whatever arrives last.
 */
function supersedes(current: BatchUpdate | null, update: BatchUpdate): boolean {
  if (!current || current.jobId !== update.jobId) return true;
  return update.sequence > current.sequence;
}

export const useBatch = create<BatchState>()((set, get) => {
  const examplesFor = async (plan: PlanView, template: string | null) => {
    const asked = ++namesAsked;
    if (template === null) {
      set({ exampleNames: plan.exampleNames, nameError: null });
      return;
    }
    const named = await call('batch:names', { planId: plan.planId, nameTemplate: template });
    if (asked !== namesAsked) return;
    set(
      named.ok
        ? { exampleNames: named.value.exampleNames, nameError: null }
        : { exampleNames: [], nameError: named.error },
    );
  };

  const loadUnfinished = async () => {
    const listed = await call('batch:unfinished', undefined);
    if (listed.ok) set({ unfinished: listed.value });
  };

  /** Answers of the control channels and the progress events land here alike. */
  const apply = (update: BatchUpdate) => {
    const before = get().job;
    if (!supersedes(before, update)) return;
    set({ job: update });
    const ended =
      update.progress.state === 'finished' &&
      !(before?.jobId === update.jobId && before.progress.state === 'finished');
    if (!ended) return;
    set({ finishedRuns: get().finishedRuns + 1 });
    if (update.progress.numUsed !== undefined) {
      useAccounts.getState().recordNumUsed(update.accountId, update.progress.numUsed);
    }
    void loadUnfinished();
  };

  /** A sheet opened from the dialog or dropped onto the window: a new batch starts from it. */
  const openSheet = async (open: () => Promise<Result<SheetView | null>>) => {
    if (get().opening) return;
    set({ opening: true });
    const answer = await open();
    if (!answer.ok) {
      set({ opening: false, importError: answer.error });
      return;
    }
    const sheet = answer.value;
    // Cancelled: whatever was imported before stays.
    if (!sheet) {
      set({ opening: false });
      return;
    }
    const { folder, zip, concurrency, ratePerMinute } = get();
    set({
      ...SETUP,
      dismissedJobId: get().job?.jobId ?? get().dismissedJobId,
      folder,
      zip,
      concurrency,
      ratePerMinute,
      opening: false,
      sheet,
      kind: sheet.kind ?? null,
      mapping: sheet.mapping,
    });
  };

  const control = async (channel: 'batch:pause' | 'batch:resume' | 'batch:cancel') => {
    const job = get().job;
    if (!job) return;
    const answer = await call(channel, { jobId: job.jobId });
    if (answer.ok) apply(answer.value);
    else set({ runError: answer.error });
  };

  return {
    ...SETUP,
    opening: false,
    unfinished: [],
    finishedRuns: 0,
    dismissedJobId: null,

    async load() {
      const [status] = await Promise.all([call('batch:status', undefined), loadUnfinished()]);
      if (!status.ok || !status.value) return;
      const putAway =
        status.value.jobId === get().dismissedJobId && status.value.progress.state === 'finished';
      if (!putAway) apply(status.value);
    },

    open: () => openSheet(() => call('batch:open', undefined)),

    // Only the bytes the main process accepts (and one more, so a larger file is refused there):
    // a 2 GB file dropped by mistake is not read into the page.
    openDropped: (file) =>
      openSheet(async () =>
        call('batch:openDropped', {
          name: file.name,
          bytes: new Uint8Array(await file.slice(0, MAX_SHEET_FILE_BYTES + 1).arrayBuffer()),
        }),
      ),

    setKind(kind) {
      set({ kind });
    },

    setColumn(column, index) {
      const mapping = { ...get().mapping };
      if (index === undefined) delete mapping[column];
      else mapping[column] = index;
      set({ mapping });
    },

    async check(accountId, style) {
      const { sheet, kind, mapping } = get();
      const asked = ++planAsked;
      if (!sheet || !kind || !accountId) {
        set({ plan: null, planning: false, planError: null });
        return;
      }
      set({ planning: true });
      const planned = await call('batch:plan', { sheetId: sheet.sheetId, accountId, kind, mapping, style });
      if (asked !== planAsked) return;
      if (!planned.ok) {
        set({ plan: null, planning: false, planError: planned.error, exampleNames: [] });
        return;
      }
      set({ plan: planned.value, planning: false, planError: null });
      await examplesFor(planned.value, get().nameTemplate);
    },

    async setNameTemplate(template) {
      set({ nameTemplate: template });
      const plan = get().plan;
      if (plan) await examplesFor(plan, template);
    },

    async chooseFolder() {
      const chosen = await call('batch:chooseFolder', undefined);
      if (!chosen.ok) set({ runError: chosen.error });
      else if (chosen.value) set({ folder: chosen.value });
    },

    setZip: (zip) => set({ zip }),
    setConcurrency: (concurrency) => set({ concurrency }),
    setRatePerMinute: (ratePerMinute) => set({ ratePerMinute }),

    async start() {
      const { plan, folder, nameTemplate, zip, concurrency, ratePerMinute, starting } = get();
      const workers = wholeNumber(concurrency, CONCURRENCY);
      const pace = wholeNumber(ratePerMinute, PACE);
      if (starting || !plan || !folder || workers === undefined || pace === undefined) return;
      set({ starting: true, runError: null, job: null });
      // Main plans again and, if the batch spends quota, asks the user in a native dialog.
      const started = await call('batch:start', {
        planId: plan.planId,
        folderGrant: folder.grant,
        nameTemplate: nameTemplate ?? plan.nameTemplate,
        zip,
        concurrency: workers,
        ratePerMinute: pace,
      });
      set({ starting: false });
      if (!started.ok) {
        // Cancel in that dialog was the user's own choice: nothing to report.
        if (started.error.code !== 'cancelled') set({ runError: started.error });
        return;
      }
      // Progress events may have told more already; the answer only fills in when none came.
      if (get().job?.jobId !== started.value.jobId) apply(started.value);
    },

    pause: () => control('batch:pause'),
    resume: () => control('batch:resume'),
    cancel: () => control('batch:cancel'),
    received: apply,

    async showOutput() {
      const job = get().job;
      if (!job) return;
      const shown = await call('batch:showOutput', { jobId: job.jobId });
      if (!shown.ok) set({ runError: shown.error });
    },

    async continueBatch(batchId) {
      if (get().starting) return;
      set({ starting: true, runError: null, importError: null, job: null });
      const continued = await call('batch:continue', { batchId });
      set({ starting: false });
      if (!continued.ok) {
        if (continued.error.code !== 'cancelled') set({ importError: continued.error });
        return;
      }
      if (get().job?.jobId !== continued.value.jobId) apply(continued.value);
      await loadUnfinished();
    },

    async discard(batchId) {
      if (get().starting) return;
      const discarded = await call('batch:discard', { batchId });
      if (!discarded.ok) set({ importError: discarded.error });
      await loadUnfinished();
    },

    newBatch() {
      set({ ...SETUP, dismissedJobId: get().job?.jobId ?? get().dismissedJobId });
      void loadUnfinished();
    },
  };
});
