// One measured run for bench/batch.ts, in a process of its own so its peak RSS is its own:
//   engine: the batch engine, spreadsheet to PNG files (+ results CSV, + ZIP with --zip)
//   bare:   a bare undici loop posting the same request bodies at the same concurrency (the ceiling)
// Prints one JSON line: { mode, rows, seconds, codesPerSecond, maxRssMiB, cpuMsPerCode }.
import '../electron/core/storage/threadPool';
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeHeapSnapshot } from 'node:v8';
import { Agent, request } from 'undici';
import { BatchJob } from '../electron/core/batch/batchJob';
import { guessMapping } from '../electron/core/batch/mapping';
import { planBatch } from '../electron/core/batch/plan';
import { readSpreadsheet } from '../electron/core/batch/spreadsheet';
import { Library } from '../electron/core/storage/library';
import { stableTokenSource } from '../electron/core/tokens/stableTokenSource';
import { toWechatCall } from '../electron/core/wechat/wechatCall';
import { createWechatClient } from '../electron/core/wechat/wechatClient';
import { tempFolder } from '../electron/testing/tempFolder';
import { type CodeRequest, DEFAULT_STYLE } from '../shared/codeRequest';

const APPID = 'wx0123456789abcdef';
const { values } = parseArgs({
  options: {
    mode: { type: 'string' },
    'api-base': { type: 'string' },
    rows: { type: 'string' },
    concurrency: { type: 'string' },
    width: { type: 'string' },
    zip: { type: 'boolean' },
    /** Samples memory through the run and prints, on stderr, its peaks by phase and its course by tenths of the rows. */
    'trace-memory': { type: 'boolean' },
  },
});
const apiBase = values['api-base']!;
const rows = Number(values.rows);
const concurrency = Number(values.concurrency);
const width = Number(values.width);
const scene = (i: number) => `b=${i}`;
const tokens = stableTokenSource({ apiBase, appId: APPID, secret: async () => 'sandbox-secret' });
const folder = await tempFolder('bench');
const home = folder.path;

async function engine(): Promise<{ seconds: number; codesPerSecond: number }> {
  const csv = join(home, 'rows.csv');
  const lines = ['scene,name'];
  for (let i = 0; i < rows; i++) lines.push(`${scene(i)},门店${i}`);
  await writeFile(csv, `${lines.join('\n')}\n`);
  const started = performance.now();
  const sheet = await readSpreadsheet(csv);
  const library = await Library.open(join(home, 'library'));
  const plan = planBatch({
    sheet,
    mapping: guessMapping(sheet.headers),
    kind: 'unlimited',
    style: { width },
    owner: APPID,
    library,
  });
  const job = new BatchJob({
    plan,
    account: { accountId: 'bench', appId: APPID, client: createWechatClient({ apiBase, tokens }) },
    library,
    dataDir: home,
    output: { dir: join(home, 'out'), ...(values.zip ? { zipFile: join(home, 'codes.zip') } : {}) },
    concurrency,
    ratePerMinute: 0,
  });
  const trace = values['trace-memory'] ? traceMemory(job, rows) : undefined;
  const summary = await job.run();
  if (trace) {
    // The library's database: SQLite's page cache grows with it, up to its cache_size.
    const dbMiB = async (name: string) =>
      (await stat(join(home, 'library', name)).catch(() => ({ size: 0 }))).size / 2 ** 20;
    process.stderr.write(
      `${JSON.stringify({ libraryDbMiB: await dbMiB('library.db'), walMiB: await dbMiB('library.db-wal') })}\n`,
    );
    trace.end();
  }
  if (summary.progress.done !== rows) {
    // Why, so a short run can be told from a slow one: what stopped it and the first failed rows.
    const { outcomes: _rows, ...rest } = summary;
    const failed: unknown[] = [];
    const statuses: Record<string, number> = {};
    for (const outcome of summary.outcomes) {
      statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1;
      if (outcome.status !== 'done' && failed.length < 5) failed.push(outcome);
    }
    const why = JSON.stringify({ ...rest, statuses, failed });
    throw new Error(`only ${summary.progress.done} of ${rows} rows done: ${why}`);
  }
  // Codes per second over the rows themselves; seconds over everything, spreadsheet to ZIP.
  return { seconds: (performance.now() - started) / 1000, codesPerSecond: summary.progress.codesPerSecond };
}

/**
 * What grows while a batch runs: the peaks of each part of the process's memory in each phase (the
 * rows, then the outputs: results CSV and ZIP), and a sample at every tenth of the rows.
 */
function traceMemory(job: BatchJob, total: number): { end: () => void } {
  const mib = (n: number) => Math.round((n / 2 ** 20) * 10) / 10;
  let phase = 'setup';
  const peaks: Record<string, Record<string, number>> = {};
  const sample = () => {
    const m = process.memoryUsage();
    peaks[phase] ??= {};
    const peak = peaks[phase]!;
    for (const [k, v] of Object.entries(m)) peak[k] = Math.max(peak[k] ?? 0, mib(v));
    return m;
  };
  const timer = setInterval(sample, 100);
  let nextTenth = 1;
  job.on('state', (state) => {
    if (state === 'running') phase = 'rows';
  });
  job.on('row', () => {
    const p = job.progress();
    const ended = p.done + p.failed;
    if (ended >= (total * nextTenth) / 10) {
      // With --expose-gc (--engine-node-flags=--expose-gc) the heap is what the rows keep, garbage collected.
      (globalThis as { gc?: () => void }).gc?.();
      const m = sample();
      // BENCH_HEAP_SNAPSHOTS=<dir>: a heap snapshot at 2 and 8 tenths, to compare what the rows between added.
      const snapshots = process.env.BENCH_HEAP_SNAPSHOTS;
      if (snapshots && (nextTenth === 2 || nextTenth === 8))
        writeHeapSnapshot(join(snapshots, `${nextTenth}.heapsnapshot`));
      process.stderr.write(
        `${JSON.stringify({ rows: ended, rss: mib(m.rss), heapUsed: mib(m.heapUsed), heapTotal: mib(m.heapTotal), external: mib(m.external), arrayBuffers: mib(m.arrayBuffers) })}\n`,
      );
      nextTenth++;
    }
    if (ended === total) phase = 'outputs';
  });
  return {
    end: () => {
      sample();
      clearInterval(timer);
      process.stderr.write(`${JSON.stringify({ rows: total, peaks })}\n`);
    },
  };
}

async function bare(): Promise<{ seconds: number; codesPerSecond: number }> {
  const token = await tokens.token();
  const agent = new Agent({ connections: concurrency });
  const body = (i: number): CodeRequest => ({
    kind: 'unlimited',
    scene: scene(i),
    page: '',
    checkPath: true,
    envVersion: 'release',
    ...DEFAULT_STYLE,
    width,
  });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < rows; i = next++) {
        const call = toWechatCall(body(i));
        const res = await request(`${apiBase}${call.path}?access_token=${token}`, {
          method: 'POST',
          dispatcher: agent,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(call.body),
        });
        const bytes = Buffer.from(await res.body.arrayBuffer());
        if (bytes[0] !== 0xff) throw new Error(`row ${i}: not an image`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await agent.close();
  return { seconds, codesPerSecond: rows / seconds };
}

const cpuBefore = process.cpuUsage();
const measured = values.mode === 'bare' ? await bare() : await engine();
const cpu = process.cpuUsage(cpuBefore);
const maxRssMiB = process.resourceUsage().maxRSS / 1024;
// CPU time of this process (every thread: the event loop, libuv's pool, sharp's) per code: on two
// cores shared with the sandbox, what the engine costs beyond the bare loop bounds its ratio.
const cpuMsPerCode = (cpu.user + cpu.system) / 1000 / rows;
await folder.remove();
process.stdout.write(
  `${JSON.stringify({ mode: values.mode, rows, ...measured, maxRssMiB, cpuMsPerCode })}\n`,
);
process.exit(0);
