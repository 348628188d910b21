import { beforeEach, describe, expect, it } from 'vitest';
import type { BatchProgress, BatchUpdate, PlanView, SheetView } from '../../../shared/batch';
import { appError } from '../../../shared/errors';
import { type AppError, fail, ok } from '../../../shared/result';
import { useCode } from '../code/codeStore';
import { useBatch } from './batchStore';
import { sampleSeen } from './store/sampleSlice';

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
  invalidCount: 0,
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
  await useBatch.getState().check('sandbox');
}

describe('the batch settings and the first-row check', () => {
  it('plans with the batch’s own settings, never the form’s', async () => {
    useCode.getState().edit({ lineColor: '#00aa00', width: '600' });
    await planned(3);
    const first = asked.find((a) => a.channel === 'batch:plan')?.payload as { style: object } | undefined;
    expect(first?.style).toMatchObject({ lineColor: '#000000', width: '430' });
    useBatch.getState().editSettings({ lineColor: '#ff0000' });
    await useBatch.getState().check('sandbox');
    const last = asked.filter((a) => a.channel === 'batch:plan').at(-1)?.payload as
      | { style: object }
      | undefined;
    expect(last?.style).toMatchObject({ lineColor: '#ff0000', width: '430' });
  });

  it('asks main nothing while a setting is wrong, and says which field', async () => {
    await planned(3);
    const plans = asked.filter((a) => a.channel === 'batch:plan').length;
    useBatch.getState().editSettings({ width: '12' });
    await useBatch.getState().check('sandbox');
    expect(asked.filter((a) => a.channel === 'batch:plan')).toHaveLength(plans);
    expect(useBatch.getState().planError).toMatchObject({ code: 'field', field: 'width' });
    expect(useBatch.getState().plan).toBeNull();
  });

  it('makes the first row on request, plans again to count it, and forgets it once the setup changes', async () => {
    await planned(3);
    const view = { row: 2, name: '门店一', fileName: '2-门店一.png', others: 3 };
    answers['batch:sample'] = () => view;
    answers['batch:plan'] = () => plan(2);
    expect(sampleSeen(useBatch.getState(), 'sandbox')).toBe(false);
    await useBatch.getState().makeSample('sandbox');
    expect(asked.find((a) => a.channel === 'batch:sample')?.payload).toEqual({
      planId: 'plan-3',
      nameTemplate: '{row}-{name}.png',
    });
    expect(useBatch.getState().sample?.view).toEqual(view);
    expect(useBatch.getState().plan?.quota.newCodes).toBe(2);
    expect(sampleSeen(useBatch.getState(), 'sandbox')).toBe(true);
    expect(sampleSeen(useBatch.getState(), 'other-account')).toBe(false);
    useBatch.getState().editSettings({ transparent: true });
    expect(sampleSeen(useBatch.getState(), 'sandbox')).toBe(false);
    useBatch.getState().editSettings({ transparent: false });
    expect(sampleSeen(useBatch.getState(), 'sandbox')).toBe(true);
    await useBatch.getState().setNameTemplate('{name}.png');
    expect(sampleSeen(useBatch.getState(), 'sandbox')).toBe(false);
  });
});

describe('the Batch view store', () => {
  it('takes the guessed code type and columns from the sheet and plans with them', async () => {
    await planned(3);
    const planCall = asked.find((a) => a.channel === 'batch:plan');
    expect(planCall?.payload).toEqual({
      sheetId: 's1',
      accountId: 'sandbox',
      kind: 'limited',
      mapping: { path: 0, name: 1 },
      style: {
        width: '430',
        lineColor: '#000000',
        autoColor: false,
        transparent: false,
        envVersion: 'release',
        checkPath: true,
      },
    });
    expect(useBatch.getState().exampleNames).toEqual(['2-门店一.png']);
  });

  it('starts into the chosen folder by its grant, never by a path, with the default names', async () => {
    await planned(3);
    answers['batch:chooseFolder'] = () => ({ grant: 'grant-1', folder: '/out/shops' });
    await useBatch.getState().chooseFolder();
    expect(useBatch.getState().folder).toEqual({ grant: 'grant-1', folder: '/out/shops' });
    answers['batch:start'] = () => update('running', 0);
    await useBatch.getState().start();
    const payload = asked.find((a) => a.channel === 'batch:start')?.payload;
    expect(payload).toEqual({
      planId: 'plan-3',
      folderGrant: 'grant-1',
      nameTemplate: '{row}-{name}.png',
      zip: false,
      concurrency: 4,
      ratePerMinute: 5000,
      // The Campaign field's default: the sheet's name.
      campaign: 'shops',
    });
    // Nothing in it names a path or says yes to spending: main asks the user for that itself.
    expect(JSON.stringify(payload)).not.toContain('/out/shops');
    expect(useBatch.getState().job?.progress.state).toBe('running');
  });

  it('keeps the chosen folder when the folder dialog is cancelled, and a new import keeps it too', async () => {
    await planned(3);
    answers['batch:chooseFolder'] = () => ({ grant: 'grant-1', folder: '/out/shops' });
    await useBatch.getState().chooseFolder();
    answers['batch:chooseFolder'] = () => null;
    await useBatch.getState().chooseFolder();
    await planned(2);
    expect(useBatch.getState().folder).toEqual({ grant: 'grant-1', folder: '/out/shops' });
  });

  it('says nothing when the user cancels the quota dialog, and shows any other refusal', async () => {
    await planned(3);
    answers['batch:chooseFolder'] = () => ({ grant: 'grant-1', folder: '/out/shops' });
    await useBatch.getState().chooseFolder();
    refusals['batch:start'] = appError('cancelled');
    await useBatch.getState().start();
    expect(useBatch.getState()).toMatchObject({ runError: null, starting: false, job: null });
    refusals['batch:start'] = appError('quota', { needed: 3, remaining: 1 });
    await useBatch.getState().start();
    expect(useBatch.getState().runError?.code).toBe('quota');
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
