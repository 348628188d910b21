import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import type { CodeKind, CodeRequest } from '../../../shared/codeRequest';
import { wechatError } from '../../../shared/errors/wechat';
import { Failure } from '../../../shared/result';
import { type RunningSandbox, type SandboxOptions, startSandbox } from '../../sandbox';
import { call, decodePicture, readQr } from '../../sandbox/testing';
import { sandboxClient } from '../../testing/sandboxClient';
import { tempFolderFor } from '../../testing/tempFolder';
import { type CodeAccount, CodeMaker, type MadeCode, type MakeOptions } from '../codes/codeMaker';
import { Library } from '../storage/library';
import { BatchJob, type BatchJobOptions, type BatchProgress, type Slowdown } from './batchJob';
import { unfinishedBatches } from './journal';
import { guessMapping } from './mapping';
import { type BatchPlan, planBatch } from './plan';
import type { Sheet } from './spreadsheet';

const OWNER = 'wx0123456789abcdef';
const HOME = 'pages/index/index';

let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

interface Setup {
  sandbox: RunningSandbox;
  dir: string;
  out: string;
  library: Library;
  account: CodeAccount;
  plan: (headers: string[], rows: string[][], kind?: CodeKind, contentHash?: string) => BatchPlan;
  job: (plan: BatchPlan, options?: Partial<BatchJobOptions>) => BatchJob;
}

/**
 * The client's timeout in these tests: the production one. The sandbox draws every code on this
 * process's event loop, and on a loaded machine (load 25 on 2 cores) the first calls' answers came
 * after 3 s: the client gave up and asked again, an honest retry that the sandbox counts, as WeChat
 * would, and that read as a batch paying twice for a code.
 */
const CLIENT_TIMEOUT_MS = 30_000;

async function setup(options: SandboxOptions = {}, timeoutMs = CLIENT_TIMEOUT_MS): Promise<Setup> {
  sandbox = await startSandbox(options);
  const dir = await tempFolderFor({ onTestFinished }, 'batch');
  const library = await Library.open(join(dir, 'library'));
  const client = sandboxClient(sandbox, OWNER, {
    // Fast retries keep the test quick; the policy is the client's own, not under test here.
    retry: { attempts: 4, baseDelayMs: 5, maxDelayMs: 20 },
    http: { timeoutMs },
  });
  const account: CodeAccount = { accountId: 'shop', appId: OWNER, client };
  const out = join(dir, 'out');
  const home = dir;
  return {
    sandbox,
    dir,
    out,
    library,
    account,
    plan: (headers, rows, kind, contentHash = 'sheet') => {
      const sheet: Sheet = {
        file: join(home, 'stores.csv'),
        format: 'csv',
        headers,
        rows: rows.map((cells, i) => ({ number: i + 2, cells })),
        contentHash,
      };
      const mapping = guessMapping(headers);
      return planBatch({
        sheet,
        mapping,
        kind: kind ?? (mapping.scene !== undefined ? 'unlimited' : 'limited'),
        style: { width: '280' },
        owner: OWNER,
        library,
      });
    },
    job: (plan, extra = {}) =>
      new BatchJob({
        plan,
        account,
        library,
        dataDir: home,
        output: { dir: out },
        ratePerMinute: 0,
        rateLimitPauseMs: 50,
        ...extra,
      }),
  };
}

const scenes = (count: number, from = 1) =>
  Array.from({ length: count }, (_, i) => [`id=${from + i}`, `店${from + i}`]);
const paths = (count: number, from = 1) =>
  Array.from({ length: count }, (_, i) => [`${HOME}?id=${from + i}`]);

async function qrText(file: string): Promise<string | undefined> {
  return readQr(decodePicture(await readFile(file)))?.data;
}

async function arrangeFaults(base: string, plan: unknown): Promise<void> {
  const answer = await call(`${base}/__sandbox/faults`, { body: plan });
  expect(answer.status).toBe(200);
}

describe('BatchJob against the sandbox', () => {
  it('makes every valid row once, names the files, decodes to each row, writes results and a ZIP', async () => {
    const s = await setup();
    const rows = [...scenes(12), ['id=3', '重复'], ['bad scene!', '坏'], ['id=5', '店5']];
    const plan = s.plan(['场景值', '名称'], rows);
    expect([plan.rows.length, plan.invalid.length, plan.repeats, plan.quota.spends]).toEqual([
      14,
      1,
      2,
      false,
    ]);
    const zipFile = join(s.dir, 'codes.zip');
    const job = s.job(plan, { output: { dir: s.out, zipFile }, concurrency: 4 });
    const seen: BatchProgress[] = [];
    job.on('progress', (p) => seen.push(p));
    const summary = await job.run();

    expect(s.sandbox.stats().getwxacodeunlimit).toBe(12);
    expect(summary.progress).toMatchObject({
      state: 'finished',
      total: 14,
      done: 14,
      failed: 0,
      remaining: 0,
    });
    expect(seen.at(-1)?.state).toBe('finished');
    const files = (await readdir(s.out)).sort();
    expect(files).toHaveLength(15);
    expect(files).toContain('2-店1.png');
    expect(files).toContain('14-重复.png');
    for (let i = 1; i <= 12; i++)
      expect(await qrText(join(s.out, `${i + 1}-店${i}.png`))).toBe(`${HOME}?scene=id=${i}`);
    expect(await qrText(join(s.out, '16-店5.png'))).toBe(`${HOME}?scene=id=5`);
    expect(decodePicture(await readFile(join(s.out, '2-店1.png')))).toMatchObject({
      format: 'png',
      width: 280,
    });

    const csv = (await readFile(join(s.out, 'results.csv'), 'utf8')).split('\r\n');
    expect(csv[0]).toBe('\ufeffrow,status,file,errcode,message');
    expect(csv[13]).toBe('14,done,14-重复.png,,same code as row 4: no API call');
    expect(csv[14]).toMatch(
      /^15,invalid,,,"场景值: Scene contains a space, which WeChat does not allow. Use only/,
    );
    const zipped = unzipSync(await readFile(zipFile));
    expect(Object.keys(zipped).sort()).toEqual(files);
    expect(await unfinishedBatches(s.dir)).toEqual([]);
  });

  // The calls the test above counts beyond its rows came from this: a call the client gave up on
  // may have been made (and charged) by WeChat, so it is asked again and counted again.
  it('a call the client times out on is asked again, paid twice, and its row is made once', async () => {
    const s = await setup({}, 5_000);
    await arrangeFaults(s.sandbox.url, {
      faults: [{ endpoint: 'getwxacodeunlimit', kind: 'stall', ms: 60_000, times: 1 }],
    });
    const summary = await s.job(s.plan(['场景值', '名称'], scenes(2)), { concurrency: 1 }).run();
    expect(s.sandbox.stats().getwxacodeunlimit).toBe(3);
    expect(summary.progress).toMatchObject({ done: 2, failed: 0, fromLibrary: 0 });
    expect(s.library.count()).toBe(2);
    expect(await qrText(join(s.out, '2-店1.png'))).toBe(`${HOME}?scene=id=1`);
    expect(await qrText(join(s.out, '3-店2.png'))).toBe(`${HOME}?scene=id=2`);
  });

  it('asks WeChat only for codes the library does not hold', async () => {
    const s = await setup();
    await s.job(s.plan(['path'], paths(6)), { concurrency: 3 }).run();
    expect(s.sandbox.stats()).toMatchObject({ getwxacode: 6, numUsed: 6 });

    const again = s.plan(['path'], [...paths(6), ...paths(4, 7), ...paths(2)], 'limited', 'other sheet');
    expect([again.inLibrary, again.repeats, again.quota.newCodes]).toEqual([6, 2, 4]);
    const summary = await s.job(again, { output: { dir: join(s.dir, 'second') } }).run();
    expect(s.sandbox.stats()).toMatchObject({ getwxacode: 10, numUsed: 10 });
    expect(summary.progress).toMatchObject({ done: 12, fromLibrary: 8, numUsed: 10 });
    for (let i = 1; i <= 10; i++) {
      expect(await qrText(join(s.dir, 'second', `${i + 1}.png`))).toBe(`${HOME}?id=${i}`);
    }
  });

  it('journals a row done only once its file is under its name; a row whose file could not be is made again from the library, unpaid', async () => {
    const s = await setup();
    // A folder where row 3's file goes: its rename fails after its code is paid and kept.
    await mkdir(join(s.out, '3.png', 'in the way'), { recursive: true });
    const plan = s.plan(['path'], paths(4));
    const first = await s.job(plan, { concurrency: 4 }).run();
    expect(first.progress).toMatchObject({ done: 3, failed: 1 });
    expect(s.sandbox.stats().getwxacode).toBe(4);
    const [batch] = await unfinishedBatches(s.dir);
    expect(batch?.finished).toBe(3);
    const journal = await readFile(join(s.dir, 'batches', batch!.manifest.id, 'journal.jsonl'), 'utf8');
    expect(journal).not.toContain('"file":"3.png"');
    // Nothing half-made in the user's folder: no temp file, the folder left as it was.
    expect((await readdir(s.out)).sort()).toEqual(['2.png', '3.png', '4.png', '5.png', 'results.csv']);

    await rm(join(s.out, '3.png'), { recursive: true });
    const resumed = await s.job(plan, { resume: true }).run();
    expect(resumed.progress).toMatchObject({ done: 4, failed: 0, fromLibrary: 1 });
    expect(s.sandbox.stats().getwxacode).toBe(4);
    expect(await qrText(join(s.out, '3.png'))).toBe(`${HOME}?id=2`);
  });

  // The sandbox charges quota only for codes it delivers whole (a cut-off one is not charged), so
  // numUsed 40 proves no row was made twice, not that a real truncation would cost nothing.
  it('survives random faults (-1, 45011, reset, stall, truncate, 40001): every row done, none made twice', async () => {
    const s = await setup();
    await arrangeFaults(s.sandbox.url, {
      rate: 0.2,
      seed: 1,
      kinds: [
        { kind: 'errcode', errcode: -1 },
        { kind: 'errcode', errcode: 45011 },
        'reset',
        { kind: 'stall', ms: 100 },
        'truncate',
        { kind: 'errcode', errcode: 40001 },
      ],
    });
    const summary = await s.job(s.plan(['path'], paths(40)), { concurrency: 4 }).run();
    expect([...summary.outcomes].map((o) => o.status)).toEqual(Array(40).fill('done'));
    const stats = s.sandbox.stats();
    expect(stats.numUsed).toBe(40);
    expect(stats.getwxacode).toBeGreaterThan(40);
    for (let i = 1; i <= 40; i++) expect(await qrText(join(s.out, `${i + 1}.png`))).toBe(`${HOME}?id=${i}`);
  });

  it('slows down when 45009 outlasts the client’s retries, and recovers every row from faults queued mid-run', async () => {
    const s = await setup();
    const job = s.job(s.plan(['scene', 'name'], scenes(16)), { concurrency: 2, ratePerMinute: 6000 });
    const slowdowns: Slowdown[] = [];
    job.on('slowdown', (d) => slowdowns.push(d));
    const states: string[] = [];
    job.on('state', (state) => states.push(state));
    let arranged = false;
    job.on('row', () => {
      if (arranged) return;
      arranged = true;
      void arrangeFaults(s.sandbox.url, {
        faults: [
          // Two rows in flight share these: each meets more than the client's four tries.
          { endpoint: 'getwxacodeunlimit', kind: 'errcode', errcode: 45009, times: 10 },
          { endpoint: 'getwxacodeunlimit', kind: 'errcode', errcode: 40001 },
          { endpoint: 'getwxacodeunlimit', kind: 'errcode', errcode: -1, times: 2 },
          { endpoint: 'getwxacodeunlimit', kind: 'reset' },
          { endpoint: 'getwxacodeunlimit', kind: 'truncate' },
        ],
      });
    });
    const summary = await job.run();
    expect(slowdowns[0]).toEqual({ pauseMs: 50, callsPerMinute: 3000 });
    // For unlimited codes 45009 is the per-minute limit: slow down, never pause for the day.
    expect(states).toEqual(['running', 'finished']);
    expect(summary.progress.done).toBe(16);
    for (let i = 1; i <= 16; i++)
      expect(await qrText(join(s.out, `${i + 1}-店${i}.png`))).toBe(`${HOME}?scene=id=${i}`);
  });

  it('pauses, resumes, cancels keeping finished rows; a resumed run makes only the rest, with no repeat call', async () => {
    const s = await setup();
    const plan = s.plan(['scene', 'name'], scenes(20));
    const job = s.job(plan, { concurrency: 2, ratePerMinute: 1200 });
    const states: string[] = [];
    job.on('state', (state) => states.push(state));
    let finished = 0;
    // Rows already answered when the pause comes still land (their files written behind the calls):
    // the cancel comes a few rows after the resume, however many those were.
    let resumedAfter: number | undefined;
    const paused = new Promise<void>((resolve) => {
      job.on('row', () => {
        finished++;
        if (finished === 3) job.pause();
        if (resumedAfter !== undefined && finished === resumedAfter + 3) job.cancel();
      });
      job.on('state', (state) => state === 'paused' && resolve());
    });
    const running = job.run();
    await paused;
    const callsWhenPaused = s.sandbox.stats().getwxacodeunlimit;
    await new Promise((r) => setTimeout(r, 300));
    expect(s.sandbox.stats().getwxacodeunlimit).toBe(callsWhenPaused);
    resumedAfter = finished;
    job.resume();
    const first = await running;
    expect(states).toEqual(['running', 'pausing', 'paused', 'running', 'stopping', 'finished']);
    expect(first.cancelled).toBe(true);
    const done = [...first.outcomes].filter((o) => o.status === 'done').length;
    expect(done).toBeGreaterThanOrEqual(resumedAfter! + 3);
    expect(done).toBeLessThan(20);
    expect([...first.outcomes].filter((o) => o.status === 'not-run')).toHaveLength(20 - done);
    expect(await readFile(join(s.out, 'results.csv'), 'utf8')).toContain('not-run,,,Cancelled.');
    expect((await unfinishedBatches(s.dir)).map((b) => b.finished)).toEqual([done]);
    const callsBefore = s.sandbox.stats().getwxacodeunlimit;
    expect(callsBefore).toBe(done);

    // A file lost since (deleted by hand, or not yet on disk at a power cut) comes back from the library.
    await rm(join(s.out, '2-店1.png'));
    const resumed = s.job(plan, { resume: true });
    const startedWith = resumed.progress();
    expect(startedWith.total).toBe(20);
    const second = await resumed.run();
    expect(second.progress).toMatchObject({ done: 20, fromLibrary: 1 });
    expect(s.sandbox.stats().getwxacodeunlimit).toBe(20);
    for (let i = 1; i <= 20; i++)
      expect(await qrText(join(s.out, `${i + 1}-店${i}.png`))).toBe(`${HOME}?scene=id=${i}`);
    expect(await unfinishedBatches(s.dir)).toEqual([]);
  });

  it('stops the whole batch on an error every row would meet, keeping it resumable', async () => {
    const s = await setup();
    await arrangeFaults(s.sandbox.url, {
      faults: [{ endpoint: 'getwxacode', kind: 'errcode', errcode: 40164, times: 2 }],
    });
    const summary = await s.job(s.plan(['path'], paths(10)), { concurrency: 1 }).run();
    expect(summary.stoppedBy).toMatchObject({ code: 'wechat', errcode: 40164 });
    expect([...summary.outcomes].map((o) => o.status)).toEqual(['failed', ...Array(9).fill('not-run')]);
    expect(s.sandbox.stats().getwxacode).toBe(1);
    expect(await readFile(join(s.out, 'results.csv'), 'utf8')).toContain('3,not-run,,40164,');
  });

  it.each([
    ['limited', 'getwxacode'],
    ['qrcode', 'createwxaqrcode'],
  ] as const)(
    'pauses a %s batch at once at WeChat’s daily cap (45009): no retries, no further call, the reason shown',
    async (kind, endpoint) => {
      const s = await setup({ dailyLimit: 1 });
      const job = s.job(s.plan(['path'], paths(5), kind), { concurrency: 1 });
      const paused = new Promise<void>((resolve) =>
        job.on('state', (state) => state === 'paused' && resolve()),
      );
      const running = job.run();
      await paused;
      expect(s.sandbox.stats()[endpoint]).toBe(2);
      const progress = job.progress();
      expect(progress).toMatchObject({ state: 'paused', done: 1, failed: 0, remaining: 4 });
      expect(progress.pausedBy).toMatchObject({ code: 'wechat', errcode: 45009 });
      expect(progress.pausedBy?.message).toEqual({
        en: "WeChat's daily limit for this mini program is reached; continue tomorrow.",
        zh: '此小程序今天的微信调用次数已达上限；请明天继续。',
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(s.sandbox.stats()[endpoint]).toBe(2);
      job.cancel();
      const summary = await running;
      expect([...summary.outcomes].map((o) => o.status)).toEqual(['done', ...Array(4).fill('not-run')]);
      expect((await unfinishedBatches(s.dir)).map((b) => b.finished)).toEqual([1]);
    },
  );

  it('pauses after 3 rows in a row meet an error every row would (41030), saying why and the fix; Resume tries them again', async () => {
    // The page is not in the published version: WeChat answers 41030 for every row.
    const s = await setup({ publishedPages: ['pages/index/index'] });
    const rows = Array.from({ length: 8 }, (_, i) => [`id=${i + 1}`, 'pages/shop/index']);
    const job = s.job(s.plan(['scene', 'page'], rows), { concurrency: 1 });
    const updates: BatchProgress[] = [];
    job.on('progress', (p) => updates.push(p));
    const paused = new Promise<void>((resolve) =>
      job.on('state', (state) => state === 'paused' && resolve()),
    );
    const running = job.run();
    await paused;
    expect(s.sandbox.stats().getwxacodeunlimit).toBe(3);
    const progress = job.progress();
    // The three rows are not failed for good: they wait for the fix with the rest.
    expect(progress).toMatchObject({ state: 'paused', done: 0, failed: 0, remaining: 8 });
    expect(progress.pausedBy).toMatchObject({ code: 'wechat', errcode: 41030 });
    expect(progress.pausedBy?.message.en).toBe(
      '3 rows in a row failed with the same error, so the batch paused: The page does not exist in the published version.',
    );
    expect(progress.pausedBy?.message.zh).toBe(
      '连续 3 行因同一错误失败，批量生成已暂停：页面在已发布的版本中不存在。',
    );
    expect(progress.pausedBy?.hint.en).toMatch(
      /publish the mini program.*Then press Resume: those rows are tried again\.$/,
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(s.sandbox.stats().getwxacodeunlimit).toBe(3);

    // Resumed with nothing fixed: the three fail alone this time (a page of their own may be wrong),
    // and the next three pause the batch again: it never loops on the same rows.
    const pausedAgain = new Promise<void>((resolve) =>
      job.on('state', (state) => state === 'paused' && resolve()),
    );
    job.resume();
    await pausedAgain;
    expect(s.sandbox.stats().getwxacodeunlimit).toBe(9);
    expect(job.progress()).toMatchObject({ state: 'paused', failed: 3, remaining: 5 });
    expect(job.progress().failures).toEqual([
      { rows: 3, error: expect.objectContaining({ code: 'wechat', errcode: 41030 }) },
    ]);
    job.cancel();
    const summary = await running;
    expect([...summary.outcomes].map((o) => o.status)).toEqual([
      ...Array(3).fill('failed'),
      ...Array(5).fill('not-run'),
    ]);
  });

  it('pauses after 3 failing rows in a row even when a row made before them ends its writes among them', async () => {
    // Row 2 is made, frees its call slot and writes behind; row 3 fails meanwhile. Row 2 ending
    // after that must not wipe row 3 from the streak: the batch pauses after rows 3, 4 and 5, not 6.
    const s = await setup({ publishedPages: [HOME] });
    const rows = [
      ['id=1', HOME],
      ...Array.from({ length: 8 }, (_, i) => [`id=${i + 2}`, 'pages/shop/index']),
    ];
    let rowTwoEnded!: () => void;
    const rowTwoEnd = new Promise<void>((resolve) => {
      rowTwoEnded = resolve;
    });
    let failing = 0;
    class OrderedMaker extends CodeMaker {
      override async make(
        account: CodeAccount,
        request: CodeRequest,
        options?: MakeOptions,
      ): Promise<MadeCode> {
        if (request.kind === 'unlimited' && request.page !== HOME) {
          failing++;
          // WeChat answers row 3 at once, while row 2's file is still being written.
          if (failing === 1) throw new Failure(wechatError(41030, 'invalid page rid: 1', 'unlimited'));
          // Row 4 is answered after row 2 has ended.
          if (failing === 2) await rowTwoEnd;
        }
        return super.make(account, request, options);
      }
    }
    const job = s.job(s.plan(['scene', 'page'], rows), {
      concurrency: 1,
      maker: new OrderedMaker(s.library),
    });
    const ended: number[] = [];
    job.on('row', (outcome) => {
      ended.push(outcome.row);
      if (outcome.row === 2) rowTwoEnded();
    });
    const paused = new Promise<void>((resolve) =>
      job.on('state', (state) => state === 'paused' && resolve()),
    );
    const running = job.run();
    await paused;
    // The order this test is about: row 3 failed before row 2 ended.
    expect(ended.slice(0, 2)).toEqual([3, 2]);
    // Row 2's call and rows 4 and 5's: row 6 was never asked for.
    expect(s.sandbox.stats().getwxacodeunlimit).toBe(3);
    expect(job.progress()).toMatchObject({ state: 'paused', done: 1, failed: 0, remaining: 8 });
    job.cancel();
    await running;
  });

  it('once the cause is fixed, Resume makes the rows that paused the batch', async () => {
    const s = await setup();
    await arrangeFaults(s.sandbox.url, {
      faults: [{ endpoint: 'getwxacodeunlimit', kind: 'errcode', errcode: 41030, times: 3 }],
    });
    const job = s.job(s.plan(['scene', 'name'], scenes(6)), { concurrency: 1 });
    const paused = new Promise<void>((resolve) =>
      job.on('state', (state) => state === 'paused' && resolve()),
    );
    const running = job.run();
    await paused;
    expect(job.progress()).toMatchObject({ done: 0, failed: 0, remaining: 6 });
    job.resume();
    const summary = await running;
    expect([...summary.outcomes].map((o) => o.status)).toEqual(Array(6).fill('done'));
    expect(summary.progress.failures).toBeUndefined();
    expect(s.sandbox.stats().getwxacodeunlimit).toBe(9);
  });

  it('fails rows alone when an error does not repeat 3 times in a row, listing the failures grouped with the fix', async () => {
    const s = await setup();
    await arrangeFaults(s.sandbox.url, {
      faults: [{ endpoint: 'getwxacodeunlimit', kind: 'errcode', errcode: 41030, times: 2 }],
    });
    const summary = await s.job(s.plan(['scene', 'name'], scenes(5)), { concurrency: 1 }).run();
    expect(summary.stoppedBy).toBeUndefined();
    expect([...summary.outcomes].map((o) => o.status)).toEqual(['failed', 'failed', 'done', 'done', 'done']);
    expect(summary.progress.failures).toEqual([
      {
        rows: 2,
        error: expect.objectContaining({
          errcode: 41030,
          hint: expect.objectContaining({ en: expect.stringMatching(/^Check the page/) }),
        }),
      },
    ]);
  });

  it('stops after 3 rows in a row meet such an error when asked to (the CLI), every row left to resume', async () => {
    const s = await setup({ publishedPages: ['pages/index/index'] });
    const rows = Array.from({ length: 6 }, (_, i) => [`id=${i + 1}`, 'pages/shop/index']);
    const summary = await s
      .job(s.plan(['scene', 'page'], rows), { concurrency: 1, onFailFast: 'stop' })
      .run();
    expect(summary.stoppedBy?.message.en).toMatch(
      /^3 rows in a row failed with the same error, so the batch stopped: /,
    );
    expect(summary.stoppedBy?.hint.en).toMatch(/Then run the batch again with --resume/);
    expect([...summary.outcomes].map((o) => o.status)).toEqual(Array(6).fill('not-run'));
    expect(s.sandbox.stats().getwxacodeunlimit).toBe(3);
    expect((await unfinishedBatches(s.dir)).map((b) => b.finished)).toEqual([0]);
  });

  it('abandoning a call in flight (a second Ctrl+C) leaves it unanswered, so a resumed run reports it', async () => {
    const s = await setup();
    await arrangeFaults(s.sandbox.url, { faults: [{ endpoint: 'getwxacode', kind: 'stall', ms: 1500 }] });
    const job = s.job(s.plan(['path'], paths(1)), { concurrency: 1 });
    const running = job.run();
    // Wait until the call is on its way (recorded in the journal), then give up on it.
    for (;;) {
      const [batch] = await unfinishedBatches(s.dir);
      const journal = batch
        ? await readFile(join(s.dir, 'batches', batch.manifest.id, 'journal.jsonl'), 'utf8').catch(() => '')
        : '';
      if (journal.includes('"call"')) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    job.cancel({ abandonInFlight: true });
    await running;
    const [batch] = await unfinishedBatches(s.dir);
    expect(batch?.unansweredCalls.size).toBe(1);
    const journal = await readFile(join(s.dir, 'batches', batch!.manifest.id, 'journal.jsonl'), 'utf8');
    expect(journal).not.toContain('"answered"');
  });

  it('a fresh start refused because another batch writes into the folder keeps the unfinished run', async () => {
    const s = await setup();
    await arrangeFaults(s.sandbox.url, {
      faults: [{ endpoint: 'getwxacode', kind: 'errcode', errcode: 40164, times: 1 }],
    });
    const plan = s.plan(['path'], paths(3));
    await s.job(plan, { concurrency: 1 }).run();
    const [unfinished] = await unfinishedBatches(s.dir);
    const journalPath = join(s.dir, 'batches', unfinished!.manifest.id, 'journal.jsonl');
    const journal = await readFile(journalPath, 'utf8');
    expect(journal).toContain('"call"');
    // Another batch (another spreadsheet) is writing into the same folder now.
    await arrangeFaults(s.sandbox.url, { faults: [{ endpoint: 'getwxacode', kind: 'stall', ms: 800 }] });
    const other = s.job(s.plan(['path'], paths(1, 50), undefined, 'other-sheet'), { concurrency: 1 });
    const running = other.run();
    while (other.progress().state !== 'running') await new Promise((r) => setTimeout(r, 10));
    await expect(s.job(plan, { concurrency: 1 }).run()).rejects.toMatchObject({
      error: { code: 'busy', field: 'outDir' },
    });
    expect(await readFile(journalPath, 'utf8')).toBe(journal);
    expect((await unfinishedBatches(s.dir)).map((b) => b.manifest.id)).toContain(unfinished!.manifest.id);
    await running;
  });

  it('a later batch into the same folder keeps the results and ZIP already there, writing its own names', async () => {
    const s = await setup();
    const zipInside = join(s.out, 'out.zip');
    const first = await s
      .job(s.plan(['path'], paths(1)), { output: { dir: s.out, zipFile: zipInside } })
      .run();
    expect(first.resultsFile).toBe(join(s.out, 'results.csv'));
    expect(first.zipFile).toBe(zipInside);
    const [results, zip] = [await readFile(first.resultsFile), await readFile(zipInside)];
    const other = s.plan(['path'], paths(1, 20), undefined, 'other-sheet');
    const second = await s.job(other, { output: { dir: s.out, zipFile: zipInside } }).run();
    const suffix = second.id.slice(0, 8);
    expect(second.resultsFile).toBe(join(s.out, `results-${suffix}.csv`));
    expect(second.zipFile).toBe(join(s.out, `out-${suffix}.zip`));
    expect(await readFile(join(s.out, 'results.csv'))).toEqual(results);
    expect(await readFile(zipInside)).toEqual(zip);
    expect(Object.keys(unzipSync(await readFile(second.zipFile!))).sort()).toEqual(
      [
        `results-${suffix}.csv`,
        ...(await readdir(s.out)).filter((f) => f.includes('id=20') || f.endsWith('20.png')),
      ].sort(),
    );
  });

  it('stops at the daily cap when asked to (the CLI), with the reason, resumable tomorrow', async () => {
    const s = await setup({ dailyLimit: 2 });
    const summary = await s.job(s.plan(['path'], paths(6)), { concurrency: 2, onDailyLimit: 'stop' }).run();
    expect(summary.stoppedBy?.message.en).toBe(
      "WeChat's daily limit for this mini program is reached; continue tomorrow.",
    );
    const statuses = [...summary.outcomes].map((o) => o.status);
    expect(statuses.filter((x) => x === 'done')).toHaveLength(2);
    expect(statuses.filter((x) => x === 'failed')).toHaveLength(0);
    // Two rows were in flight when the cap answered: at most one more call than codes made, per worker.
    expect(s.sandbox.stats().getwxacode).toBeLessThanOrEqual(4);
    expect((await unfinishedBatches(s.dir)).map((b) => b.finished)).toEqual([2]);
  });

  it('names every row before any call: a template no name can come from is refused when the job is made', async () => {
    const s = await setup();
    const plan = s.plan(['path'], paths(3));
    expect(() => s.job(plan, { output: { dir: s.out, nameTemplate: 'CON.{row}.png' } })).toThrow(
      'The file name template starts with CON, a name Windows keeps for a device, whatever follows it.',
    );
    expect(s.sandbox.stats().getwxacode).toBe(0);
  });

  it('refuses to start a limited batch that needs more quota than remains', async () => {
    const s = await setup();
    const plan = s.plan(['path'], paths(3));
    const short = { ...plan, quota: { ...plan.quota, numUsed: 99_998, remaining: 2, enough: false } };
    await expect(s.job(short).run()).rejects.toMatchObject({ error: { code: 'quota' } });
    expect(s.sandbox.stats().getwxacode).toBe(0);
  });
});
