import { create } from 'zustand';
import {
  type BatchColumn,
  type BatchUpdate,
  type ColumnMapping,
  MAX_DROPPED_SHEET_BYTES,
  type PlanView,
  type SheetView,
  type UnfinishedBatchView,
} from '../../shared/batch';
import type { CodeKind } from '../../shared/codeRequest';
import type { AppError, Result } from '../../shared/result';
import { call } from '../api';
import { useAccounts } from './accountsStore';
import {
  CONCURRENCY,
  type FormStyle,
  needsConfirmation,
  PACE,
  type SpendConfirmation,
  wholeNumber,
} from './batchRules';

/** The sheet and account a plan was made for. */
interface PlanSource {
  sheetId: string;
  accountId: string;
}

interface BatchState {
  sheet: SheetView | null;
  opening: boolean;
  importError: AppError | null;
  unfinished: UnfinishedBatchView[];
  kind: CodeKind | null;
  mapping: ColumnMapping;
  plan: PlanView | null;
  /** What `plan` was made for: a yes to spending quota does not carry over to another account or sheet. */
  plannedFor: PlanSource | null;
  planning: boolean;
  planError: AppError | null;
  /** null: the plan's default template, which follows the columns until the user types one. */
  nameTemplate: string | null;
  exampleNames: string[];
  nameError: AppError | null;
  outDir: string | null;
  zip: boolean;
  concurrency: string;
  ratePerMinute: string;
  /**
   * The yes to spending quota, for the plan it was given on. A new plan of the same sheet and
   * account keeps it (and asks again if its count differs); one for another account or sheet drops it.
   */
  confirmedSpend: SpendConfirmation | null;
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
  confirm(yes: boolean): void;
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
  plannedFor: null,
  planning: false,
  planError: null,
  nameTemplate: null,
  exampleNames: [],
  nameError: null,
  outDir: null,
  zip: false,
  concurrency: String(CONCURRENCY.default),
  ratePerMinute: String(PACE.default),
  confirmedSpend: null,
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

/** The yes given for the last plan, moved to the new one when it is for the same sheet and account. */
function carriedConfirmation(
  confirmed: SpendConfirmation | null,
  before: PlanSource | null,
  now: PlanSource,
  plan: PlanView,
): SpendConfirmation | null {
  if (!confirmed || before?.sheetId !== now.sheetId || before.accountId !== now.accountId) return null;
  return { planId: plan.planId, newCodes: confirmed.newCodes };
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
    const { outDir, zip, concurrency, ratePerMinute } = get();
    set({
      ...SETUP,
      dismissedJobId: get().job?.jobId ?? get().dismissedJobId,
      outDir,
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
          bytes: new Uint8Array(await file.slice(0, MAX_DROPPED_SHEET_BYTES + 1).arrayBuffer()),
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
        set({ plan: null, plannedFor: null, planning: false, planError: null, confirmedSpend: null });
        return;
      }
      set({ planning: true });
      const planned = await call('batch:plan', { sheetId: sheet.sheetId, accountId, kind, mapping, style });
      if (asked !== planAsked) return;
      if (!planned.ok) {
        set({
          plan: null,
          plannedFor: null,
          planning: false,
          planError: planned.error,
          exampleNames: [],
          confirmedSpend: null,
        });
        return;
      }
      const source = { sheetId: sheet.sheetId, accountId };
      const { confirmedSpend, plannedFor } = get();
      set({
        plan: planned.value,
        plannedFor: source,
        planning: false,
        planError: null,
        confirmedSpend: carriedConfirmation(confirmedSpend, plannedFor, source, planned.value),
      });
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
      else if (chosen.value.folder) set({ outDir: chosen.value.folder });
    },

    setZip: (zip) => set({ zip }),
    setConcurrency: (concurrency) => set({ concurrency }),
    setRatePerMinute: (ratePerMinute) => set({ ratePerMinute }),

    confirm(yes) {
      const plan = get().plan;
      set({ confirmedSpend: yes && plan ? { planId: plan.planId, newCodes: plan.quota.newCodes } : null });
    },

    async start() {
      const { plan, outDir, nameTemplate, zip, concurrency, ratePerMinute, starting, confirmedSpend } = get();
      const workers = wholeNumber(concurrency, CONCURRENCY);
      const pace = wholeNumber(ratePerMinute, PACE);
      if (starting || !plan || !outDir || workers === undefined || pace === undefined) return;
      set({ starting: true, runError: null, job: null });
      const started = await call('batch:start', {
        planId: plan.planId,
        outDir,
        nameTemplate: nameTemplate ?? plan.nameTemplate,
        zip,
        concurrency: workers,
        ratePerMinute: pace,
        // Main plans again and refuses unless this is exactly what it would spend now.
        ...(needsConfirmation(plan)
          ? { confirmSpend: confirmedSpend?.planId === plan.planId ? confirmedSpend.newCodes : 0 }
          : {}),
      });
      set({ starting: false });
      if (!started.ok) {
        set({ runError: started.error });
        return;
      }
      // Progress events may have told more already; the answer only fills in when none came.
      if (get().job?.jobId !== started.value.jobId) apply(started.value);
      // Spent is spent: the next run of these settings asks again for whatever it would spend.
      set({ confirmedSpend: null });
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
        set({ importError: continued.error });
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
