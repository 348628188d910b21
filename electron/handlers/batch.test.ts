import { existsSync } from 'node:fs';
import { appendFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import iconv from 'iconv-lite';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type BatchUpdate, type PlanView, type SheetView, zipFileFor } from '../../shared/batch';
import type { CodeKind } from '../../shared/codeRequest';
import { SANDBOX_ACCOUNT } from '../app/services';
import { call, decodePicture, jsonOf, readQr } from '../sandbox/testing';
import { type TempFolder, tempFolder } from '../testing/tempFolder';
import { chooseFolder, openTestApp, succeeded, type TestApp } from '../testing/testApp';

const HOME = 'pages/index/index';
const STYLE = {
  width: 280,
  lineColor: '#000000',
  autoColor: false,
  transparent: false,
  envVersion: 'release',
};

let app: TestApp;
let folder: TempFolder;
let dir: string;
beforeAll(async () => {
  app = await openTestApp();
  folder = await tempFolder('batch-app');
  dir = folder.path;
});
afterAll(async () => {
  await app.close();
  await folder.remove();
});

const csvLines = (rows: string[][]) => rows.map((cells) => cells.join(',')).join('\r\n');
const scenes = (count: number, from = 1) =>
  Array.from({ length: count }, (_, i) => [`id=${from + i}`, `店${from + i}`]);
const paths = (count: number, tag: string) =>
  Array.from({ length: count }, (_, i) => [`${HOME}?${tag}=${i + 1}`, `${tag}${i + 1}`]);

async function gbkCsv(name: string, rows: string[][]): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, iconv.encode(csvLines([['场景值', '名称'], ...rows]), 'gbk'));
  return file;
}

async function bomCsv(name: string, rows: string[][]): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, `\ufeff${csvLines([['path', 'name'], ...rows])}`);
  return file;
}

/** Chooses the file in the open dialog, as the user would. */
async function open(file: string): Promise<SheetView> {
  app.desktop.spreadsheet = file;
  const sheet = succeeded(await app.call('batch:open'));
  if (!sheet) throw new Error('the dialog was cancelled');
  return sheet;
}

async function plan(sheet: SheetView, kind: CodeKind, style: object = STYLE): Promise<PlanView> {
  return succeeded(
    await app.call('batch:plan', {
      sheetId: sheet.sheetId,
      accountId: SANDBOX_ACCOUNT.id,
      kind,
      mapping: sheet.mapping,
      style,
    }),
  );
}

const startWith = (planView: PlanView, folderGrant: string, extra: object = {}, on: TestApp = app) =>
  on.call('batch:start', {
    planId: planView.planId,
    folderGrant,
    nameTemplate: planView.nameTemplate,
    zip: true,
    concurrency: 4,
    ratePerMinute: 0,
    ...extra,
  });

const start = async (planView: PlanView, outDir: string, extra: object = {}) =>
  startWith(planView, await chooseFolder(app, outDir), extra);

/** The job's progress events, in the order sent. */
const updatesOf = (jobId: string, on: TestApp = app): BatchUpdate[] =>
  on.events.flatMap((e) => (e.event === 'batch:progress' && e.payload.jobId === jobId ? [e.payload] : []));

/** Resolves with the first update of the job that `matches`, from the events sent so far or to come. */
function updateWhere(
  jobId: string,
  matches: (u: BatchUpdate) => boolean,
  on: TestApp = app,
): Promise<BatchUpdate> {
  const sent = updatesOf(jobId, on).find(matches);
  if (sent) return Promise.resolve(sent);
  return new Promise((resolve) => {
    const stop = on.onEvent(({ event, payload }) => {
      if (event === 'batch:progress' && payload.jobId === jobId && matches(payload)) {
        stop();
        resolve(payload);
      }
    });
  });
}

const finished = (jobId: string, on: TestApp = app) => updateWhere(jobId, (u) => u.summary !== undefined, on);

async function qrText(file: string): Promise<string | undefined> {
  return readQr(decodePicture(await readFile(file)))?.data;
}

describe('batch:open', () => {
  it('reads a GBK CSV, a UTF-8 CSV with BOM and an .xlsx, guessing the columns and the code type', async () => {
    const gbk = await open(await gbkCsv('门店.csv', scenes(7)));
    expect(gbk).toMatchObject({
      fileName: '门店.csv',
      format: 'csv',
      encoding: 'gb18030',
      headers: ['场景值', '名称'],
      rowCount: 7,
      mapping: { scene: 0, name: 1 },
      kind: 'unlimited',
    });
    expect(gbk.sample).toHaveLength(5);
    expect(gbk.sample[0]).toEqual(['id=1', '店1']);

    const bom = await open(await bomCsv('pages.csv', paths(2, 'bom')));
    expect(bom).toMatchObject({
      encoding: 'utf-8-bom',
      headers: ['path', 'name'],
      mapping: { path: 0, name: 1 },
      kind: 'limited',
    });
    expect(bom.sample).toEqual(paths(2, 'bom'));

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('门店');
    sheet.addRow(['页面路径', '文件名', '宽度']);
    sheet.addRow([`${HOME}?id=x1`, '一号', 300]);
    const xlsxFile = join(dir, 'codes.xlsx');
    await workbook.xlsx.writeFile(xlsxFile);
    const xlsx = await open(xlsxFile);
    expect(xlsx).toMatchObject({
      fileName: 'codes.xlsx',
      format: 'xlsx',
      headers: ['页面路径', '文件名', '宽度'],
      rowCount: 1,
      sample: [[`${HOME}?id=x1`, '一号', '300']],
      mapping: { path: 0, name: 1, width: 2 },
      kind: 'limited',
    });
    expect(xlsx).not.toHaveProperty('encoding');
  });

  it('answers null when the user cancels the dialog, and names the file when it is not a spreadsheet', async () => {
    app.desktop.spreadsheet = undefined;
    expect(succeeded(await app.call('batch:open'))).toBeNull();
    app.desktop.spreadsheet = join(dir, 'old.xls');
    const old = await app.call('batch:open');
    expect(old.ok || old.error).toMatchObject({ code: 'field', field: 'file' });
  });
});

describe('batch:plan and batch:names', () => {
  it('returns every bad row with the field, the column and the fix, and counts the rest', async () => {
    const rows = [...scenes(3), ['bad scene!', '坏'], ['id=2', '重复'], ['', '空']];
    const view = await plan(await open(await gbkCsv('bad.csv', rows)), 'unlimited');
    expect(view).toMatchObject({ kind: 'unlimited', valid: 4, repeats: 1, inLibrary: 0 });
    expect(view.quota).toEqual({ spends: false, newCodes: 3, enough: true });
    expect(view.invalid.map((r) => r.row)).toEqual([5, 7]);
    expect(view.invalid[0]!.problems[0]).toMatchObject({
      field: 'scene',
      column: '场景值',
      message: { en: expect.stringContaining('space') },
      hint: { en: expect.stringContaining('Use only') },
    });
    expect(view.invalid[1]!.problems[0]).toMatchObject({ field: 'scene', column: '场景值' });
    expect(view.nameTemplate).toBe('{row}-{name}.png');
    expect(view.exampleNames).toEqual(['2-店1.png', '3-店2.png', '4-店3.png']);

    const names = succeeded(
      await app.call('batch:names', { planId: view.planId, nameTemplate: '{name}_{scene}' }),
    );
    expect(names.exampleNames).toEqual(['店1_id=1.png', '店2_id=2.png', '店3_id=3.png']);
    const bad = await app.call('batch:names', { planId: view.planId, nameTemplate: '{row}-{shop}.png' });
    expect(bad.ok || bad.error).toMatchObject({
      field: 'nameTemplate',
      message: { en: expect.stringContaining('{shop}') },
      hint: { en: expect.stringContaining('{row}') },
    });
  });

  it('refuses styling every row would fail with, a column the kind needs, and a sheet no longer open', async () => {
    const sheet = await open(await gbkCsv('style.csv', scenes(2)));
    const wide = await app.call('batch:plan', {
      sheetId: sheet.sheetId,
      accountId: SANDBOX_ACCOUNT.id,
      kind: 'unlimited',
      mapping: sheet.mapping,
      style: { ...STYLE, width: 5000 },
    });
    expect(wide.ok || wide.error).toMatchObject({ field: 'width' });
    const noPath = await app.call('batch:plan', {
      sheetId: sheet.sheetId,
      accountId: SANDBOX_ACCOUNT.id,
      kind: 'limited',
      mapping: sheet.mapping,
      style: STYLE,
    });
    expect(noPath.ok || noPath.error).toMatchObject({
      field: 'path',
      hint: { en: expect.stringContaining('路径') },
    });
    const gone = await app.call('batch:plan', {
      sheetId: 'gone',
      accountId: SANDBOX_ACCOUNT.id,
      kind: 'unlimited',
      mapping: sheet.mapping,
      style: STYLE,
    });
    expect(gone.ok || gone.error).toMatchObject({
      field: 'sheetId',
      hint: { en: 'Open the spreadsheet again.' },
    });
  });
});

describe('batch:start', () => {
  it('makes the PNGs, results.csv and the ZIP, sending progress to the end; the same batch again costs no call', async () => {
    const rows = [...scenes(12), ['id=3', '重复'], ['bad scene!', '坏']];
    const view = await plan(await open(await gbkCsv('stores.csv', rows)), 'unlimited');
    const out = join(dir, 'stores');
    const before = app.sandbox.stats().getwxacodeunlimit;
    const started = succeeded(await start(view, out));
    expect(started).toMatchObject({
      fileName: 'stores.csv',
      accountId: SANDBOX_ACCOUNT.id,
      skippedRows: 1,
      progress: { total: 13 },
    });
    const end = await finished(started.jobId);

    expect(app.sandbox.stats().getwxacodeunlimit - before).toBe(12);
    expect(end.progress).toMatchObject({ state: 'finished', total: 13, done: 13, failed: 0, remaining: 0 });
    expect(end.summary).toEqual({
      outDir: out,
      resultsFile: join(out, 'results.csv'),
      zipFile: zipFileFor(out),
      cancelled: false,
      problemRows: [],
    });
    const states = updatesOf(started.jobId).map((u) => u.progress.state);
    expect(states).toContain('running');
    expect(states.at(-1)).toBe('finished');
    expect(states.filter((s) => s === 'finished')).toHaveLength(1);

    const pngs = (await readdir(out)).filter((f) => f.endsWith('.png')).sort();
    expect(pngs).toHaveLength(13);
    expect(pngs).toContain('14-重复.png');
    const png = PNG.sync.read(await readFile(join(out, '2-店1.png')));
    expect([png.width, png.height]).toEqual([280, 280]);
    expect(await qrText(join(out, '2-店1.png'))).toBe(`${HOME}?scene=id=1`);
    expect(await qrText(join(out, '14-重复.png'))).toBe(`${HOME}?scene=id=3`);
    const csv = (await readFile(join(out, 'results.csv'), 'utf8')).split('\r\n');
    expect(csv[0]).toBe('\ufeffrow,status,file,errcode,message');
    expect(csv[1]).toBe('2,done,2-店1.png,,');
    expect(csv[14]).toMatch(/^15,invalid,/);
    const zipped = unzipSync(await readFile(zipFileFor(out)));
    expect(Object.keys(zipped).sort()).toEqual([...pngs, 'results.csv'].sort());

    const status = succeeded(await app.call('batch:status'));
    expect(status).toEqual({ ...end, sequence: expect.any(Number) });
    expect(status!.sequence).toBeGreaterThan(end.sequence);
    expect(succeeded(await app.call('batch:showOutput', { jobId: started.jobId }))).toEqual({ shown: true });
    // Selected in its folder, not opened: nothing at the path is run.
    expect(app.desktop.shown.at(-1)).toBe(join(out, 'results.csv'));

    // Again, into another folder: every code comes from the library.
    const calls = app.sandbox.stats();
    const again = succeeded(await start(view, join(dir, 'stores-again'), { zip: false }));
    const againEnd = await finished(again.jobId);
    expect(app.sandbox.stats()).toEqual(calls);
    expect(againEnd.progress).toMatchObject({ done: 13, fromLibrary: 13 });
    expect(againEnd.summary).not.toHaveProperty('zipFile');
    expect(await qrText(join(dir, 'stores-again', '13-店12.png'))).toBe(`${HOME}?scene=id=12`);
  });

  it('starts only into a folder the user chose in the dialog: a path or an unknown grant writes nothing', async () => {
    const view = await plan(await open(await gbkCsv('madeup.csv', scenes(3, 900))), 'unlimited');
    const madeUp = join(dir, 'made-up');
    const before = app.sandbox.stats();

    for (const folderGrant of [madeUp, `${madeUp}/../elsewhere`, 'not-a-grant']) {
      const refused = await startWith(view, folderGrant);
      expect(refused.ok || refused.error).toMatchObject({
        code: 'field',
        field: 'folderGrant',
        message: { en: 'This output folder was not chosen in the folder dialog of this window.' },
        hint: { en: 'Choose the output folder with “Choose folder…”.' },
      });
    }
    // The old shape, a path of the page's own, is not a way in either.
    const withPath = await app.call('batch:start', {
      planId: view.planId,
      outDir: madeUp,
      nameTemplate: view.nameTemplate,
      zip: true,
      concurrency: 4,
      ratePerMinute: 0,
    });
    expect(withPath.ok || withPath.error).toMatchObject({ code: 'field', field: 'folderGrant' });
    expect(app.sandbox.stats()).toEqual(before);
    expect(existsSync(madeUp)).toBe(false);
    expect(existsSync(zipFileFor(madeUp))).toBe(false);
    expect(existsSync(join(dir, 'elsewhere'))).toBe(false);

    // Cancelling the dialog gives no grant.
    app.desktop.folder = undefined;
    expect(succeeded(await app.call('batch:chooseFolder'))).toBeNull();
  });

  it('refuses a batch that needs more quota than is left, without asking', async () => {
    await app.services.accounts.recordNumUsed(SANDBOX_ACCOUNT.id, 99_999);
    try {
      const view = await plan(await open(await bomCsv('short.csv', paths(2, 'short'))), 'limited');
      expect(view.quota).toMatchObject({ newCodes: 2, remaining: 1, enough: false });
      const before = app.sandbox.stats();
      const asked = app.desktop.asked.length;
      const refused = await start(view, join(dir, 'short'));
      expect(refused.ok || refused.error).toMatchObject({ code: 'quota' });
      expect(app.desktop.asked).toHaveLength(asked);
      expect(app.sandbox.stats()).toEqual(before);
    } finally {
      await app.services.accounts.recordNumUsed(SANDBOX_ACCOUNT.id, app.sandbox.stats().numUsed);
    }
  });
});

describe('the native quota confirmation', () => {
  let spender: TestApp;
  beforeAll(async () => {
    // WeChat has reported Num-Used 1,233 for this AppID, so the dialog can say what remains.
    spender = await openTestApp({ sandbox: { numUsed: 1233 } });
    await spender.services.accounts.recordNumUsed(SANDBOX_ACCOUNT.id, 1233);
  });
  afterAll(() => spender.close());

  /** WeChat's own count of calls, as the sandbox reports it over HTTP. */
  const wechatCalls = async () =>
    jsonOf(await call(`${spender.sandbox.url}/__sandbox/stats`)) as { getwxacode: number; numUsed: number };

  async function spendPlan(name: string): Promise<PlanView> {
    // Four distinct codes and one repeat: the repeat is made once, so the batch spends 4.
    spender.desktop.spreadsheet = await bomCsv(`${name}.csv`, [
      ...paths(4, name),
      [`${HOME}?${name}=1`, 'again'],
    ]);
    const sheet = succeeded(await spender.call('batch:open'));
    return succeeded(
      await spender.call('batch:plan', {
        sheetId: sheet!.sheetId,
        accountId: SANDBOX_ACCOUNT.id,
        kind: 'limited',
        mapping: sheet!.mapping,
        style: STYLE,
      }),
    );
  }

  it('names the count and what remains; Cancel spends nothing and writes nothing, OK spends exactly the planned count', async () => {
    const view = await spendPlan('spend');
    expect(view.quota).toEqual({ spends: true, newCodes: 4, numUsed: 1233, remaining: 98_767, enough: true });
    const out = join(dir, 'spend');
    const grant = await chooseFolder(spender, out);
    const question = {
      title: 'Spend quota',
      message:
        'This batch makes 4 new mini program codes from “spend.csv” (5 rows), spending 4 of the 100,000 lifetime quota.',
      detail: `Saved to: ${out}\nAbout 98,767 of the 100,000 remain (Num-Used 1,233). Spent codes never come back. Unlimited codes (a scene column) spend none. If you did not start this batch, choose Cancel.`,
      confirm: 'Make 4 codes',
      cancel: 'Cancel',
    };

    spender.desktop.answer = 'cancel';
    const cancelled = await startWith(view, grant, {}, spender);
    expect(cancelled.ok || cancelled.error).toMatchObject({ code: 'cancelled' });
    expect(spender.desktop.asked).toEqual([question]);
    expect(await wechatCalls()).toMatchObject({ getwxacode: 0, numUsed: 1233 });
    expect(existsSync(out)).toBe(false);
    expect(succeeded(await spender.call('batch:unfinished'))).toEqual([]);

    spender.desktop.answer = 'ok';
    const started = succeeded(await startWith(view, grant, {}, spender));
    const end = await finished(started.jobId, spender);
    expect(spender.desktop.asked).toEqual([question, question]);
    expect(end.progress).toMatchObject({ done: 5, failed: 0, numUsed: 1237 });
    expect(await wechatCalls()).toMatchObject({ getwxacode: 4, numUsed: 1237 });
    expect((await readdir(out)).filter((f) => f.endsWith('.png'))).toHaveLength(5);

    // Made now, they are free: the same sheet spends nothing and asks nothing.
    const free = await spendPlan('spend');
    expect(free.quota).toMatchObject({ newCodes: 0 });
    await finished(succeeded(await startWith(free, grant, {}, spender)).jobId, spender);
    expect(spender.desktop.asked).toHaveLength(2);
    expect((await wechatCalls()).getwxacode).toBe(4);
  });

  it('asks in the app’s language', async () => {
    succeeded(await spender.call('settings:update', { locale: 'zh' }));
    try {
      const view = await spendPlan('zh');
      spender.desktop.answer = 'cancel';
      const out = join(dir, 'zh');
      const cancelled = await startWith(view, await chooseFolder(spender, out), {}, spender);
      expect(cancelled.ok || cancelled.error.code).toBe('cancelled');
      expect(spender.desktop.asked.at(-1)).toEqual({
        title: '消耗额度',
        message: '此批次将从“zh.csv”（5 行）生成 4 个新小程序码，消耗 100,000 总额度中的 4 个。',
        detail: `保存到：${out}\n100,000 个中约剩 98,763 个（Num-Used 1,237）。消耗的额度不会恢复。无限量小程序码（scene 列）不消耗额度。如果这不是你开始的批次，请选“取消”。`,
        confirm: '生成 4 个码',
        cancel: '取消',
      });
      expect((await wechatCalls()).getwxacode).toBe(4);
    } finally {
      succeeded(await spender.call('settings:update', { locale: 'auto' }));
    }
  });
});

describe('pause, resume, cancel and continue', () => {
  it('changes state on request; a continued batch makes only the rows left, with no limited call repeated', async () => {
    const file = await bomCsv('slow.csv', paths(30, 'slow'));
    const view = await plan(await open(file), 'limited');
    const out = join(dir, 'slow');
    const before = app.sandbox.stats();
    // One at a time, ten a second: slow enough to be paused and cancelled midway.
    const started = succeeded(await start(view, out, { concurrency: 1, ratePerMinute: 600 }));
    const { jobId } = started;

    await updateWhere(jobId, (u) => u.progress.done >= 3);
    expect(succeeded(await app.call('batch:pause', { jobId })).progress.state).toMatch(/^paus/);
    await updateWhere(jobId, (u) => u.progress.state === 'paused');
    expect(succeeded(await app.call('batch:status'))?.progress.state).toBe('paused');
    const busy = await start(view, join(dir, 'other'));
    expect(busy.ok || busy.error).toMatchObject({ code: 'busy' });

    expect(succeeded(await app.call('batch:resume', { jobId })).progress.state).toBe('running');
    const resumedAt = updatesOf(jobId).length;
    await updateWhere(jobId, (u) => u.progress.done >= 8);
    expect(succeeded(await app.call('batch:cancel', { jobId })).progress.state).toBe('stopping');
    const end = await finished(jobId);
    expect(
      updatesOf(jobId)
        .slice(resumedAt)
        .map((u) => u.progress.state),
    ).toContain('stopping');

    const done = end.progress.done;
    expect(done).toBeGreaterThanOrEqual(8);
    expect(done).toBeLessThan(30);
    expect(end.summary).toMatchObject({ cancelled: true });
    expect(end.summary?.problemRows).toHaveLength(30 - done);
    expect(end.summary?.problemRows.every((r) => r.status === 'not-run')).toBe(true);
    expect(app.sandbox.stats().getwxacode - before.getwxacode).toBe(done);

    const [unfinished] = succeeded(await app.call('batch:unfinished'));
    expect(unfinished).toMatchObject({ fileName: 'slow.csv', outDir: out, rows: 30, finished: done });

    // Going on spends the rows left: the user is asked again, and a Cancel spends nothing.
    app.desktop.answer = 'cancel';
    const notNow = await app.call('batch:continue', { batchId: unfinished!.batchId });
    expect(notNow.ok || notNow.error.code).toBe('cancelled');
    // It names what is paid for, as the first start did: the file, the code type, the rows, the folder.
    expect(app.desktop.asked.at(-1)).toMatchObject({
      message: `This batch makes ${30 - done} new mini program codes from “slow.csv” (30 rows), spending ${30 - done} of the 100,000 lifetime quota.`,
      detail: expect.stringContaining(`Saved to: ${out}\n`),
    });
    expect(app.sandbox.stats().getwxacode - before.getwxacode).toBe(done);
    app.desktop.answer = 'ok';

    // Continue pressed twice at once: one run starts, the other is told a batch is running.
    const [first, second] = await Promise.all([
      app.call('batch:continue', { batchId: unfinished!.batchId }),
      app.call('batch:continue', { batchId: unfinished!.batchId }),
    ]);
    const continued = succeeded(first.ok ? first : second);
    const refused = first.ok ? second : first;
    expect(refused.ok || refused.error).toMatchObject({
      code: 'busy',
      message: { en: 'Another batch is running.', zh: '另一个批量生成任务正在运行。' },
      hint: { en: expect.stringContaining('cancel it') },
    });
    const last = await finished(continued.jobId);
    expect(last.progress).toMatchObject({ state: 'finished', total: 30, done: 30, failed: 0 });
    expect(last).toMatchObject({ fileName: 'slow.csv', accountId: continued.accountId, skippedRows: 0 });
    expect(last.summary).toMatchObject({ cancelled: false, problemRows: [], zipFile: zipFileFor(out) });
    const after = app.sandbox.stats();
    expect(after.getwxacode - before.getwxacode).toBe(30);
    expect(after.numUsed - before.numUsed).toBe(30);
    expect((await readdir(out)).filter((f) => f.endsWith('.png'))).toHaveLength(30);
    expect(await qrText(join(out, '31-slow30.png'))).toBe(`${HOME}?slow=30`);
    expect(succeeded(await app.call('batch:unfinished'))).toEqual([]);
  });

  it('continues at the pace and concurrency the batch was started with', async () => {
    const view = await plan(await open(await gbkCsv('paced.csv', scenes(20, 300))), 'unlimited');
    const started = succeeded(await start(view, join(dir, 'paced'), { concurrency: 1, ratePerMinute: 60 }));
    expect(started.progress.callsPerMinute).toBe(60);
    await app.call('batch:cancel', { jobId: started.jobId });
    await finished(started.jobId);
    // Another batch in between, at another pace, must not change it.
    const other = await plan(await open(await gbkCsv('fast.csv', scenes(2, 400))), 'unlimited');
    await finished(
      succeeded(await start(other, join(dir, 'fast'), { concurrency: 8, ratePerMinute: 0 })).jobId,
    );

    const paced = succeeded(await app.call('batch:unfinished')).find((b) => b.fileName === 'paced.csv');
    const continued = succeeded(await app.call('batch:continue', { batchId: paced!.batchId }));
    expect(continued.progress.callsPerMinute).toBe(60);
    await app.call('batch:cancel', { jobId: continued.jobId });
    await finished(continued.jobId);
    succeeded(await app.call('batch:discard', { batchId: paced!.batchId }));
  });

  it('will not continue or discard a batch another process (the CLI) is running, naming its pid', async () => {
    const view = await plan(await open(await gbkCsv('elsewhere.csv', scenes(20, 500))), 'unlimited');
    const started = succeeded(
      await start(view, join(dir, 'elsewhere'), { concurrency: 1, ratePerMinute: 60 }),
    );
    await app.call('batch:cancel', { jobId: started.jobId });
    await finished(started.jobId);
    const elsewhere = succeeded(await app.call('batch:unfinished')).find(
      (b) => b.fileName === 'elsewhere.csv',
    );
    // What a CLI process running this batch holds: its journal's lock, with its (live) pid.
    const lock = join(app.dataDir, 'batches', elsewhere!.batchId, 'lock');
    const since = new Date().toISOString();
    await writeFile(lock, JSON.stringify({ pid: process.ppid, host: hostname(), since }));
    const before = app.sandbox.stats();
    for (const channel of ['batch:continue', 'batch:discard'] as const) {
      const refused = await app.call(channel, { batchId: elsewhere!.batchId });
      expect(refused.ok || refused.error).toMatchObject({
        code: 'busy',
        message: { en: expect.stringContaining(`is being run by process ${process.ppid} on ${hostname()}`) },
      });
    }
    expect(app.sandbox.stats()).toEqual(before);
    await rm(lock);
    succeeded(await app.call('batch:discard', { batchId: elsewhere!.batchId }));
  });

  it('will not start afresh over an unfinished run with calls never answered: it points to Continue', async () => {
    const file = await gbkCsv('crashed.csv', scenes(20, 300));
    const view = await plan(await open(file), 'unlimited');
    const out = join(dir, 'crashed');
    const started = succeeded(await start(view, out, { concurrency: 1, ratePerMinute: 60 }));
    await app.call('batch:cancel', { jobId: started.jobId });
    await finished(started.jobId);
    const [unfinished] = succeeded(await app.call('batch:unfinished'));
    // As a crash mid-call leaves it: the call recorded, its answer never.
    const journal = join(app.dataDir, 'batches', unfinished!.batchId, 'journal.jsonl');
    await appendFile(journal, `${JSON.stringify({ call: 19, key: 'a'.repeat(64) })}\n`);
    const recorded = await readFile(journal, 'utf8');
    const before = app.sandbox.stats();
    const refused = await start(await plan(await open(file), 'unlimited'), out, {
      concurrency: 1,
      ratePerMinute: 60,
    });
    expect(refused.ok || refused.error).toMatchObject({
      field: 'batchId',
      hint: { en: expect.stringContaining('Continue'), zh: expect.stringContaining('继续') },
    });
    expect(await readFile(journal, 'utf8')).toBe(recorded);
    expect(app.sandbox.stats()).toEqual(before);
    succeeded(await app.call('batch:discard', { batchId: unfinished!.batchId }));
  });

  it('will not continue from a changed file, and forgets a discarded batch', async () => {
    const file = await gbkCsv('changed.csv', scenes(20, 100));
    const view = await plan(await open(file), 'unlimited');
    const started = succeeded(await start(view, join(dir, 'changed'), { concurrency: 1, ratePerMinute: 60 }));
    await app.call('batch:cancel', { jobId: started.jobId });
    await finished(started.jobId);
    const [unfinished] = succeeded(await app.call('batch:unfinished'));
    expect(unfinished?.fileName).toBe('changed.csv');

    await writeFile(file, iconv.encode(csvLines([['场景值', '名称'], ...scenes(21, 100)]), 'gbk'));
    const before = app.sandbox.stats();
    const refused = await app.call('batch:continue', { batchId: unfinished!.batchId });
    expect(refused.ok || refused.error).toMatchObject({
      field: 'file',
      message: { en: expect.stringContaining('has changed since this batch started') },
    });
    await rm(file);
    const gone = await app.call('batch:continue', { batchId: unfinished!.batchId });
    expect(gone.ok || gone.error).toMatchObject({
      field: 'file',
      hint: { en: expect.stringContaining('Put') },
    });
    expect(app.sandbox.stats()).toEqual(before);

    expect(succeeded(await app.call('batch:discard', { batchId: unfinished!.batchId }))).toEqual({
      discarded: true,
    });
    expect(succeeded(await app.call('batch:unfinished'))).toEqual([]);
    const again = await app.call('batch:discard', { batchId: unfinished!.batchId });
    expect(again.ok || again.error).toMatchObject({ field: 'batchId' });
  });
});

describe('quitting mid-batch', () => {
  it('lets the calls in flight come back and be kept, then resolves; no batch starts after', async () => {
    const quitting = await openTestApp();
    try {
      quitting.desktop.spreadsheet = await bomCsv('quit.csv', paths(10, 'quit'));
      const sheet = succeeded(await quitting.call('batch:open'));
      const view = succeeded(
        await quitting.call('batch:plan', {
          sheetId: sheet!.sheetId,
          accountId: SANDBOX_ACCOUNT.id,
          kind: 'limited',
          mapping: sheet!.mapping,
          style: STYLE,
        }),
      );
      // The first two calls are slow: they are still with WeChat when the app quits.
      const arranged = await call(`${quitting.sandbox.url}/__sandbox/faults`, {
        body: { faults: [{ endpoint: 'getwxacode', kind: 'stall', ms: 1500, times: 2 }] },
      });
      expect(arranged.status).toBe(200);
      const out = join(dir, 'quit');
      const started = succeeded(
        await quitting.call('batch:start', {
          planId: view.planId,
          folderGrant: await chooseFolder(quitting, out),
          nameTemplate: view.nameTemplate,
          zip: true,
          concurrency: 2,
          ratePerMinute: 0,
        }),
      );
      await vi.waitFor(() => expect(quitting.sandbox.stats().getwxacode).toBe(2), { timeout: 10_000 });

      await quitting.services.batches.shutdown(30_000);

      // WeChat made (and charged for) two codes: both are on disk and recorded, none was dropped.
      const status = succeeded(await quitting.call('batch:status'));
      expect(status).toMatchObject({ jobId: started.jobId, progress: { state: 'finished', done: 2 } });
      expect(status?.summary).toMatchObject({ cancelled: true });
      // No ZIP of a batch cut short by the quit (Continue makes it at the end): the wait stays short.
      expect(status?.summary?.zipFile).toBeUndefined();
      expect(existsSync(zipFileFor(out))).toBe(false);
      expect(quitting.sandbox.stats()).toMatchObject({ getwxacode: 2, numUsed: 2 });
      expect((await readdir(out)).filter((f) => f.endsWith('.png')).sort()).toEqual([
        '2-quit1.png',
        '3-quit2.png',
      ]);
      const [unfinished] = succeeded(await quitting.call('batch:unfinished'));
      expect(unfinished).toMatchObject({ fileName: 'quit.csv', rows: 10, finished: 2 });
      const refused = await quitting.call('batch:continue', { batchId: unfinished!.batchId });
      expect(refused.ok || refused.error).toMatchObject({ code: 'busy' });
      expect(quitting.sandbox.stats().getwxacode).toBe(2);
    } finally {
      await quitting.close();
    }
  });
});
