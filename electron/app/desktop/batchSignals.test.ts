// The taskbar bar and OS notifications of real batches on the sandbox: the updates main.ts sees
// (the 'batch:progress' events), turned into what the user would see outside the window.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchUpdate } from '../../../shared/batch';
import { call } from '../../sandbox/testing';
import { type TempFolder, tempFolder } from '../../testing/tempFolder';
import { chooseFolder, openTestApp, succeeded, type TestApp } from '../../testing/testApp';
import { SANDBOX_ACCOUNT } from '../services';
import { BatchNotices, NO_PROGRESS, taskbarProgress } from './batchSignals';

let app: TestApp;
let folder: TempFolder;
let dir: string;
beforeAll(async () => {
  app = await openTestApp();
  folder = await tempFolder('signals');
  dir = folder.path;
});
afterAll(async () => {
  await app.close();
  await folder.remove();
});

/** Runs a batch of `rows` limited codes from `name` to the end; returns every update main was sent. */
async function runBatch(name: string, rows: number, faults: object[] = []): Promise<BatchUpdate[]> {
  const file = join(dir, name);
  const lines = [
    'path,name',
    ...Array.from({ length: rows }, (_, i) => `pages/index/index?${name}=${i},n${i}`),
  ];
  await writeFile(file, lines.join('\n'));
  await call(`${app.sandbox.url}/__sandbox/faults`, { body: { faults } });
  app.desktop.spreadsheet = file;
  const sheet = succeeded(await app.call('batch:open'))!;
  const plan = succeeded(
    await app.call('batch:plan', {
      sheetId: sheet.sheetId,
      accountId: SANDBOX_ACCOUNT.id,
      kind: 'limited',
      mapping: sheet.mapping,
      style: { width: 280 },
    }),
  );
  const started = succeeded(
    await app.call('batch:start', {
      planId: plan.planId,
      folderGrant: await chooseFolder(app, join(dir, `${name}-out`)),
      nameTemplate: plan.nameTemplate,
      zip: false,
      concurrency: 1,
      ratePerMinute: 0,
    }),
  );
  const updates = () =>
    app.events.flatMap((e) =>
      e.event === 'batch:progress' && e.payload.jobId === started.jobId ? [e.payload] : [],
    );
  await new Promise<void>((resolve) => {
    const check = () => {
      if (!updates().some((u) => u.summary)) return;
      stop();
      resolve();
    };
    const stop = app.onEvent(check);
    check();
  });
  return updates();
}

describe('the taskbar progress of a batch', () => {
  it('fills as rows finish and disappears when the batch ends well', async () => {
    const updates = await runBatch('fine.csv', 3);
    const bars = updates.map(taskbarProgress);
    const running = bars.slice(0, -1);
    expect(running.length).toBeGreaterThan(0);
    expect(running.every((bar) => bar.mode === 'normal' && bar.progress >= 0 && bar.progress <= 1)).toBe(
      true,
    );
    // Never goes back.
    expect(running.map((bar) => bar.progress)).toEqual([...running.map((bar) => bar.progress)].sort());
    expect(bars.at(-1)).toEqual(NO_PROGRESS);
  });

  it('turns yellow while paused and stays a spinning bar before the first row', () => {
    const base = {
      jobId: 'j',
      sequence: 1,
      accountId: 'a',
      fileName: 'f.csv',
      skippedRows: 0,
    };
    const progress = { total: 4, done: 1, failed: 0, remaining: 3, fromLibrary: 0, codesPerSecond: 0 };
    expect(taskbarProgress({ ...base, progress: { ...progress, state: 'paused' } })).toEqual({
      progress: 0.25,
      mode: 'paused',
    });
    expect(taskbarProgress({ ...base, progress: { ...progress, state: 'pausing' } }).mode).toBe('paused');
    expect(taskbarProgress({ ...base, progress: { ...progress, state: 'idle' } }).mode).toBe('indeterminate');
  });

  it('stays red when WeChat stops the batch', async () => {
    const updates = await runBatch('refused.csv', 3, [
      { endpoint: 'getwxacode', kind: 'errcode', errcode: 40164, times: 1 },
    ]);
    expect(taskbarProgress(updates.at(-1)!)).toMatchObject({ mode: 'error' });
  });
});

describe('the notification at the end of a batch', () => {
  it('says how many codes were made, once per batch, in the app’s language', async () => {
    const updates = await runBatch('shops.csv', 2);
    const notices = new BatchNotices();
    const told = updates.flatMap((u) => notices.noticeFor(u, 'zh') ?? []);
    expect(told).toEqual([
      { kind: 'finished', title: '批量生成已完成', body: '已根据 shops.csv 生成 2 个码。' },
    ]);
    // The same end seen again (the view asking for the status) tells nothing new.
    expect(notices.noticeFor(updates.at(-1)!, 'en')).toBeUndefined();
    expect(new BatchNotices().noticeFor(updates.at(-1)!, 'en')).toEqual({
      kind: 'finished',
      title: 'Batch finished',
      body: '2 codes made from shops.csv.',
    });
  });

  it('says why a batch stopped on an error and that it can be continued', async () => {
    const updates = await runBatch('whitelist.csv', 3, [
      { endpoint: 'getwxacode', kind: 'errcode', errcode: 40164, times: 1 },
    ]);
    const notice = new BatchNotices().noticeFor(updates.at(-1)!, 'en');
    expect(notice?.kind).toBe('stopped');
    expect(notice?.title).toBe('Batch stopped on an error');
    expect(notice?.body).toContain(updates.at(-1)!.summary!.stoppedBy!.message.en);
    expect(notice?.body).toContain('Unfinished batches');
  });

  it('asks for attention when rows failed', async () => {
    const updates = await runBatch('missing.csv', 3, [
      { endpoint: 'getwxacode', kind: 'errcode', errcode: 41030, times: 1 },
    ]);
    expect(updates.at(-1)!.progress).toMatchObject({ failed: 1, done: 2 });
    expect(new BatchNotices().noticeFor(updates.at(-1)!, 'en')).toEqual({
      kind: 'attention',
      title: 'Batch needs your attention',
      body: '1 of 3 rows failed in missing.csv; see the list of problem rows.',
    });
    expect(taskbarProgress(updates.at(-1)!)).toEqual({ progress: 1, mode: 'error' });
  });

  it('says nothing of a batch the user cancelled, and nothing before the end', async () => {
    const notices = new BatchNotices();
    const progress = { total: 4, done: 1, failed: 0, remaining: 3, fromLibrary: 0, codesPerSecond: 0 };
    const base = { jobId: 'c', sequence: 1, accountId: 'a', fileName: 'f.csv', skippedRows: 0 };
    expect(notices.noticeFor({ ...base, progress: { ...progress, state: 'running' } }, 'en')).toBeUndefined();
    const cancelled: BatchUpdate = {
      ...base,
      progress: { ...progress, state: 'finished' },
      summary: { outDir: '/o', resultsFile: '/o/results.csv', cancelled: true, problemRows: [] },
    };
    expect(notices.noticeFor(cancelled, 'en')).toBeUndefined();
    expect(taskbarProgress(cancelled)).toEqual(NO_PROGRESS);
  });
});
