import type { BatchUpdate } from '../../../../shared/batch';
import { campaignError } from '../../../../shared/campaign';
import { call } from '../../../app/api';
import { batchPrintChoice } from '../batchPrintStore';
import { CONCURRENCY, PACE, wholeNumber } from '../batchRules';
import { campaignFor } from '../campaignStore';
import { type BatchSlice, NEW_BATCH, putAway, type RunSlice } from './state';

/**
 * An answer about a job may arrive after a newer event (a cancel's answer after the `finished`
 * event, a status asked for before a pause): the update made last in main wins, whatever arrives last.
 */
function supersedes(current: BatchUpdate | null, update: BatchUpdate): boolean {
  if (!current || current.jobId !== update.jobId) return true;
  return update.sequence > current.sequence;
}

export const runSlice: BatchSlice<RunSlice> = (set, get) => {
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
    void get().loadUnfinished();
  };

  const control = async (channel: 'batch:pause' | 'batch:resume' | 'batch:cancel') => {
    const job = get().job;
    if (!job) return;
    const answer = await call(channel, { jobId: job.jobId });
    if (answer.ok) apply(answer.value);
    else set({ runError: answer.error });
  };

  return {
    job: NEW_BATCH.job,
    dismissedJobId: null,
    starting: NEW_BATCH.starting,
    runError: NEW_BATCH.runError,
    finishedRuns: 0,

    async load() {
      const [status] = await Promise.all([call('batch:status', undefined), get().loadUnfinished()]);
      if (!status.ok || !status.value) return;
      const wasPutAway =
        status.value.jobId === get().dismissedJobId && status.value.progress.state === 'finished';
      if (!wasPutAway) apply(status.value);
    },

    async start() {
      const { plan, folder, nameTemplate, zip, concurrency, ratePerMinute, starting } = get();
      const workers = wholeNumber(concurrency, CONCURRENCY);
      const pace = wholeNumber(ratePerMinute, PACE);
      if (starting || !plan || !folder || workers === undefined || pace === undefined) return;
      const campaign = campaignFor(get().sheet);
      const badCampaign = campaignError(campaign);
      if (badCampaign) return set({ runError: badCampaign });
      set({ starting: true, runError: null, job: null });
      // Main plans again and, if the batch spends quota, asks the user in a native dialog.
      const started = await call('batch:start', {
        planId: plan.planId,
        folderGrant: folder.grant,
        nameTemplate: nameTemplate ?? plan.nameTemplate,
        zip,
        concurrency: workers,
        ratePerMinute: pace,
        campaign,
        ...printChoice(),
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

    newBatch() {
      set({ ...NEW_BATCH, dismissedJobId: putAway(get()) });
      void get().loadUnfinished();
    },
  };
};

/** The Print part's choices, when it has any. */
function printChoice() {
  const print = batchPrintChoice();
  return print ? { print } : {};
}
