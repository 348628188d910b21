import { beforeEach, describe, expect, it } from 'vitest';
import type { BatchProgress, BatchUpdate, PlanView, SheetView } from '../../shared/batch';
import { appError } from '../../shared/errors';
import { type AppError, fail, ok } from '../../shared/result';
import { spendConfirmed } from './batchRules';
import { useBatch } from './batchStore';

/** The page's `window.wxacode`, answering each channel from a table the test sets. */
const answers: Record<string, (payload: unknown) => unknown> = {};
const refusals: Record<string, AppError> = {};
const asked: Array<{ channel: string; payload: unknown }> = [];
(globalThis as { window?: unknown }).window = {
  wxacode: new Proxy(
    {},
    {
      get: (_target, channel: string) => async (payload: unknown) => {
        asked.push({ channel, payload });
        const answer = answers[channel];
        if (answer) return ok(answer(payload));
        return fail(refusals[channel] ?? appError('internal'));
      },
    },
  ),
};

const sheet: SheetView = {
  sheetId: 's1',
  fileName: 'shops.csv',
  format: 'csv',
  encoding: 'gb18030',
  headers: ['页面路径', '文件名'],
  rowCount: 6,
  sample: [],
  mapping: { path: 0, name: 1 },
  kind: 'limited',
};

const plan = (newCodes: number, planId = `plan-${newCodes}`): PlanView => ({
  planId,
  kind: 'limited',
  valid: 4,
  invalid: [],
  repeats: 1,
  inLibrary: 0,
  quota: { spends: true, newCodes, enough: true },
  nameTemplate: '{row}-{name}.png',
  exampleNames: ['2-门店一.png'],
});

/** An update main made; by default, later ones are those with more rows done. */
const update = (state: BatchProgress['state'], done: number, sequence = done + 1): BatchUpdate => ({
  jobId: 'job-1',
  sequence,
  accountId: 'sandbox',
  fileName: 'shops.csv',
  skippedRows: 0,
  progress: { state, total: 4, done, failed: 0, remaining: 4 - done, fromLibrary: 0, codesPerSecond: 1 },
});

const style = { width: '430' };

beforeEach(() => {
  asked.length = 0;
  for (const key of Object.keys(answers)) delete answers[key];
  for (const key of Object.keys(refusals)) delete refusals[key];
  useBatch.setState(useBatch.getInitialState(), true);
  answers['batch:unfinished'] = () => [];
});

async function planned(newCodes: number): Promise<void> {
  answers['batch:open'] = () => sheet;
  answers['batch:plan'] = () => plan(newCodes);
  await useBatch.getState().open();
  await useBatch.getState().check('sandbox', style);
}

describe('the Batch view store', () => {
  it('takes the guessed code type and columns from the sheet and plans with them', async () => {
    await planned(3);
    const planCall = asked.find((a) => a.channel === 'batch:plan');
    expect(planCall?.payload).toEqual({
      sheetId: 's1',
      accountId: 'sandbox',
      kind: 'limited',
      mapping: { path: 0, name: 1 },
      style,
    });
    expect(useBatch.getState().exampleNames).toEqual(['2-门店一.png']);
  });

  it('a confirmation covers the count it was given for, and no other', async () => {
    await planned(3);
    useBatch.getState().confirm(true);
    expect(useBatch.getState().confirmedSpend).toEqual({ planId: 'plan-3', newCodes: 3 });
    // Checked again for the same sheet and account, now spending more: the yes does not cover it.
    answers['batch:plan'] = () => plan(5);
    await useBatch.getState().check('sandbox', style);
    const { plan: now, confirmedSpend } = useBatch.getState();
    expect(now && spendConfirmed(now, confirmedSpend)).toBe(false);
  });

  it('a confirmation does not carry over to another account, even for the same count', async () => {
    await planned(3);
    answers['batch:chooseFolder'] = () => ({ folder: '/out/shops' });
    await useBatch.getState().chooseFolder();
    useBatch.getState().confirm(true);
    // The same sheet checked again for the same account keeps the yes…
    answers['batch:plan'] = () => plan(3, 'plan-3-again');
    await useBatch.getState().check('sandbox', style);
    expect(useBatch.getState().confirmedSpend).toEqual({ planId: 'plan-3-again', newCodes: 3 });
    // …another account's plan, spending its own 3 codes, does not.
    answers['batch:plan'] = () => plan(3, 'plan-3-other-account');
    await useBatch.getState().check('other-account', style);
    expect(useBatch.getState().confirmedSpend).toBeNull();
    answers['batch:start'] = () => update('running', 0);
    await useBatch.getState().start();
    expect(asked.find((a) => a.channel === 'batch:start')?.payload).toMatchObject({
      planId: 'plan-3-other-account',
      confirmSpend: 0,
    });
  });

  it('starts with the confirmed count, the default names and the chosen folder', async () => {
    await planned(3);
    answers['batch:chooseFolder'] = () => ({ folder: '/out/shops' });
    await useBatch.getState().chooseFolder();
    useBatch.getState().confirm(true);
    answers['batch:start'] = () => update('running', 0);
    await useBatch.getState().start();
    expect(asked.find((a) => a.channel === 'batch:start')?.payload).toEqual({
      planId: 'plan-3',
      outDir: '/out/shops',
      nameTemplate: '{row}-{name}.png',
      zip: false,
      concurrency: 4,
      ratePerMinute: 5000,
      confirmSpend: 3,
    });
    expect(useBatch.getState().job?.progress.state).toBe('running');
  });

  it('a late answer does not take a finished job back to running', async () => {
    await planned(3);
    const runs = useBatch.getState().finishedRuns;
    useBatch.getState().received(update('running', 2));
    useBatch.getState().received(update('finished', 4));
    answers['batch:cancel'] = () => update('stopping', 3);
    await useBatch.getState().cancel();
    expect(useBatch.getState().job?.progress.state).toBe('finished');
    // The library changed: the plan is to be checked again, once.
    expect(useBatch.getState().finishedRuns).toBe(runs + 1);
  });

  it('a status read before a newer event does not take the view back', async () => {
    useBatch.getState().received(update('paused', 5));
    answers['batch:status'] = () => update('running', 3);
    await useBatch.getState().load();
    expect(useBatch.getState().job?.progress).toMatchObject({ state: 'paused', done: 5 });
  });

  it('continues an unfinished batch once however often Continue is pressed, and discards nothing meanwhile', async () => {
    answers['batch:continue'] = () => update('running', 0);
    answers['batch:discard'] = () => ({ discarded: true });
    await Promise.all([
      useBatch.getState().continueBatch('batch-1'),
      useBatch.getState().continueBatch('batch-1'),
      useBatch.getState().discard('batch-1'),
    ]);
    expect(asked.filter((a) => a.channel === 'batch:continue')).toHaveLength(1);
    expect(asked.filter((a) => a.channel === 'batch:discard')).toHaveLength(0);
    expect(useBatch.getState().job?.progress.state).toBe('running');
  });

  it('New batch puts a finished job away: coming back to the view does not bring it back', async () => {
    answers['batch:status'] = () => update('finished', 4);
    await useBatch.getState().load();
    expect(useBatch.getState().job?.progress.state).toBe('finished');
    useBatch.getState().newBatch();
    await useBatch.getState().load();
    expect(useBatch.getState().job).toBeNull();
    // A run that is still going always shows.
    answers['batch:status'] = () => update('running', 1);
    await useBatch.getState().load();
    expect(useBatch.getState().job?.progress.state).toBe('running');
  });

  it('a name template the main process refuses shows its error and no examples', async () => {
    await planned(3);
    refusals['batch:names'] = { ...appError('internal'), code: 'field', field: 'nameTemplate' };
    await useBatch.getState().setNameTemplate('{rows}.png');
    expect(useBatch.getState().nameTemplate).toBe('{rows}.png');
    expect(useBatch.getState().exampleNames).toEqual([]);
    expect(useBatch.getState().nameError?.field).toBe('nameTemplate');
    answers['batch:names'] = () => ({ exampleNames: ['2.png'] });
    await useBatch.getState().setNameTemplate('{row}.png');
    expect(useBatch.getState().nameError).toBeNull();
    expect(useBatch.getState().exampleNames).toEqual(['2.png']);
  });
});
