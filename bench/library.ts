// The library at a million codes: a generator writes them as an index.jsonl in the format of
// version 0.1, the first start takes it into library.db (timed: the one-time upgrade), then a fresh
// process opens the library and times what History and the code form do: open, search for a
// Chinese substring (the page and the count of matches History shows), add a code (image written
// and fsynced, index committed), page deep into the list. The same run at 10,000 codes is the
// baseline: a figure that holds at 100× the codes is reported as a ratio to it. A library as the
// build before the short-search index left it (schema 3, as many codes) is opened too: the open
// is timed, then the short-search index's fill in the background, and a short search meanwhile.
// Run: npm run bench:library   (-- --entries 200000 for a quicker run; -- --keep <folder> keeps the
// large library there, and a later run with the same folder measures it again without rebuilding it)
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MOST_COUNTED } from '../electron/app/library/matchCount';
import { requestKey } from '../electron/core/codes/requestKey';
import type { StoredCode } from '../electron/core/storage/codeTable';
import { Library } from '../electron/core/storage/library';
import { olderLibrary } from '../electron/testing/olderLibrary';
import { type TempFolder, tempFolder } from '../electron/testing/tempFolder';
import type { CodeRequest } from '../shared/codeRequest';
import { fmt, summarize } from './stats';

const PAGE = 200;
const SEARCHES = 100;
const ADDS = 200;
const DEEP_PAGES = 50;
/** Adds in flight at once in the amortised figure: a batch's default concurrency. */
const CONCURRENT = 8;
/**
 * Searches of one and two characters: ones no generated code holds (桌, 门店, a1: the index answers
 * with an empty list, where a scan reads every row), and 店 and 1, held by most codes (the count
 * reads the longest lists).
 */
const SHORT_QUERIES = ['桌', '门店', 'a1', '店', '1'];
const SHORT_SEARCHES = 20;

const CITIES = ['上海', '北京', '广州', '深圳', '杭州', '南京', '成都', '武汉', '西安', '苏州'];
const STREETS = [
  '南京西路',
  '淮海中路',
  '徐家汇路',
  '世纪大道',
  '人民大道',
  '中山北路',
  '延安西路',
  '四川北路',
  '长安街道',
  '王府井街',
  '建国门外',
  '天河北路',
  '体育西路',
  '华强北路',
  '深南大道',
  '西湖大道',
  '文三路口',
  '新街口外',
  '春熙路口',
  '解放大道',
  '钟楼东街',
  '观前街口',
  '平江路口',
  '滨江大道',
];

/** Code `n` of the generated library: three in five come from a batch of store codes, with their row. */
function generatedCode(n: number): StoredCode {
  const style = { width: 430, autoColor: false, lineColor: { r: 0, g: 0, b: 0 }, transparent: false };
  const city = CITIES[n % CITIES.length]!;
  const street = STREETS[Math.floor(n / CITIES.length) % STREETS.length]!;
  const fromBatch = n % 5 < 3;
  const request: CodeRequest = fromBatch
    ? {
        kind: 'unlimited',
        scene: `s=${n}`,
        page: 'pages/store/index',
        checkPath: true,
        envVersion: 'release',
        ...style,
      }
    : { kind: 'limited', path: `pages/goods/detail?id=${n}&from=poster`, envVersion: 'release', ...style };
  const appId = n % 7 === 0 ? 'wx1111111111111111' : 'wx0123456789abcdef';
  return {
    codeId: `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`,
    key: requestKey(appId, request),
    accountId: appId === 'wx1111111111111111' ? 'brand' : 'shop',
    appId,
    kind: request.kind,
    request,
    pngHash: n.toString(16).padStart(64, '0'),
    width: 430,
    height: 430,
    ...(fromBatch ? {} : { numUsed: Math.floor(n / 5) }),
    createdAt: new Date(Date.UTC(2025, 0, 1) + n * 1000).toISOString(),
    suggestedName: fromBatch ? `s=${n}.png` : `pages_goods_detail_id=${n}_from=poster.png`,
    ...(fromBatch
      ? {
          origin: {
            sourceFile: `门店-${Math.floor(n / 50_000)}.xlsx`,
            campaign: '春节门店码',
            row: (n % 50_000) + 2,
            rowName: `${city}${street}${n}号店`,
            cells: { 门店: `${city}${street}${n}号店`, 城市: city, 地址: `${city}市${street}${n % 900}号` },
          },
        }
      : {}),
  };
}

async function writeIndex(dir: string, entries: number): Promise<void> {
  const out = createWriteStream(join(dir, 'index.jsonl'));
  for (let n = 0; n < entries; n++) {
    if (!out.write(`${JSON.stringify({ op: 'add', ...generatedCode(n) })}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

interface Measured {
  openMs: number;
  searchPageP95Ms: number;
  searchCountP95Ms: number;
  /** What History waits for: the page and the count (capped at MOST_COUNTED), as library:list answers both. */
  searchP95Ms: number;
  /** Two-character city names (one code in ten each): shorter than a trigram, served by the short-search index. */
  shortSearchP95Ms: number;
  /** Page + count for each short query of SHORT_QUERIES, by query. */
  shortQueryP95Ms: Record<string, number>;
  addP95Ms: number;
  addMedianMs: number;
  /** CONCURRENT adds in flight, as a batch makes them: wall time per code, and each call's p95. */
  addAmortisedMs: number;
  addTogetherP95Ms: number;
  /** An add whose image is already stored (a regenerated code WeChat drew the same): the index commit alone. */
  addStoredImageP95Ms: number;
  firstPageMs: number;
  deepPageMedianMs: number;
  /** The pages just after the newest and just before the oldest code, by cursor. */
  oldestPageMs: number;
  countAllMs: number;
  rssMiB: number;
  peakRssMiB: number;
}

const time = <T>(act: () => T): [T, number] => {
  const start = performance.now();
  const result = act();
  return [result, performance.now() - start];
};

/** Runs in a fresh process, so the generator's and the import's memory are not counted. */
async function measure(dir: string, entries: number): Promise<Measured> {
  const start = performance.now();
  const library = await Library.open(dir);
  const openMs = performance.now() - start;

  const page: number[] = [];
  const count: number[] = [];
  const both: number[] = [];
  for (let i = 0; i < SEARCHES; i++) {
    // A street (one code in 24 of the batch codes), or one store's number on it.
    const street = STREETS[i % STREETS.length]!;
    const query = i % 2 ? street : `${street}${(i * 7919) % entries}`;
    const [, pageMs] = time(() => library.list({ query }, { limit: PAGE }));
    const [, countMs] = time(() => library.count({ query }, MOST_COUNTED));
    page.push(pageMs);
    count.push(countMs);
    both.push(pageMs + countMs);
  }
  const short: number[] = [];
  for (let i = 0; i < 10; i++) {
    const city = CITIES[i % CITIES.length]!;
    short.push(
      time(() => [
        library.list({ query: city }, { limit: PAGE }),
        library.count({ query: city }, MOST_COUNTED),
      ])[1],
    );
  }

  const shortQueryP95Ms: Record<string, number> = {};
  for (const query of SHORT_QUERIES) {
    const times: number[] = [];
    for (let i = 0; i < SHORT_SEARCHES; i++) {
      times.push(
        time(() => [library.list({ query }, { limit: PAGE }), library.count({ query }, MOST_COUNTED)])[1],
      );
    }
    shortQueryP95Ms[query] = summarize(times).p95;
  }

  const adds: number[] = [];
  for (let i = 0; i < ADDS; i++) {
    const png = Buffer.from(`a fresh image ${i} ${Math.random()}`);
    const request: CodeRequest = {
      kind: 'qrcode',
      path: `pages/new/index?i=${i}&r=${Math.random()}`,
      width: 430,
    };
    const started = performance.now();
    await library.add({
      accountId: 'shop',
      appId: 'wx0123456789abcdef',
      request,
      png,
      width: 430,
      height: 430,
    });
    adds.push(performance.now() - started);
  }

  // As a batch adds: CONCURRENT rows at a time, sharing the library's flushes. Per code: wall time / codes.
  const together: number[] = [];
  const startedTogether = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENT }, async () => {
      while (next < ADDS) {
        const i = next++;
        const started = performance.now();
        await library.add({
          accountId: 'shop',
          appId: 'wx0123456789abcdef',
          request: { kind: 'qrcode', path: `pages/together/index?i=${i}&r=${Math.random()}`, width: 430 },
          png: Buffer.from(`an image made together ${i} ${Math.random()}`),
          width: 430,
          height: 430,
        });
        together.push(performance.now() - started);
      }
    }),
  );
  const addAmortisedMs = (performance.now() - startedTogether) / ADDS;

  const again: number[] = [];
  for (let i = 0; i < ADDS; i++) {
    const request: CodeRequest = {
      kind: 'qrcode',
      path: `pages/again/index?i=${i}&r=${Math.random()}`,
      width: 430,
    };
    const png = Buffer.from(`a fresh image ${i % 10}`);
    const started = performance.now();
    await library.add({
      accountId: 'shop',
      appId: 'wx0123456789abcdef',
      request,
      png,
      width: 430,
      height: 430,
    });
    again.push(performance.now() - started);
  }

  const [first, firstPageMs] = time(() => library.list({}, { limit: PAGE }));
  const deep: number[] = [];
  let cursor = first.nextCursor;
  for (let i = 0; i < DEEP_PAGES && cursor; i++) {
    const [next, ms] = time(() => library.list({}, { limit: PAGE, cursor }));
    deep.push(ms);
    cursor = next.nextCursor;
  }
  const [, oldestPageMs] = time(() => library.list({}, { limit: PAGE, cursor: String(PAGE + 1) }));
  const [, countAllMs] = time(() => library.count());
  const rssMiB = process.memoryUsage().rss / 2 ** 20;
  library.close();
  return {
    openMs,
    searchPageP95Ms: summarize(page).p95,
    searchCountP95Ms: summarize(count).p95,
    searchP95Ms: summarize(both).p95,
    shortSearchP95Ms: summarize(short).p95,
    shortQueryP95Ms,
    addP95Ms: summarize(adds).p95,
    addMedianMs: summarize(adds).median,
    addAmortisedMs,
    addTogetherP95Ms: summarize(together).p95,
    addStoredImageP95Ms: summarize(again.slice(10)).p95,
    firstPageMs,
    deepPageMedianMs: summarize(deep).median,
    oldestPageMs,
    countAllMs,
    rssMiB,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

function measureInChild(dir: string, entries: number): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'bench/library.ts', '--measure', dir, '--entries', String(entries)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`exited ${code}`)),
    );
  });
}

interface Run extends Measured {
  entries: number;
  indexMiB: number;
  generateS: number;
  importS: number;
  /** A kept library's first open by this build: its schema steps (a one-time upgrade), if any. */
  upgradeS: number;
  databaseMiB: number;
  older: Upgraded;
}

interface Upgraded {
  /** Opening a schema-3 library: the schema steps, not the short-search index's fill. */
  openMs: number;
  /** From the open until the fill (in the background, shortSearchFill.ts) has indexed every code. */
  filledS: number;
  /** A short search no code matches (桌), page + count, while the fill is under way: the index, and the codes it has yet to reach. */
  shortSearchWhileFillingMs: number;
}

/** A schema-3 library of `entries` codes (olderLibrary) opened by this build, in this process. */
async function upgradeOlder(entries: number): Promise<Upgraded> {
  const folder = await tempFolder('library-upgrade-bench');
  try {
    await olderLibrary(folder.path, entries);
    const started = performance.now();
    const library = await Library.open(folder.path);
    const openMs = performance.now() - started;
    const [, shortSearchWhileFillingMs] = time(() => [
      library.list({ query: '桌' }, { limit: PAGE }),
      library.count({ query: '桌' }, MOST_COUNTED),
    ]);
    // The fill's timer does not keep a process alive: this does, until it is done.
    const alive = setInterval(() => {}, 1_000);
    await library.shortSearchFilled();
    clearInterval(alive);
    const filledS = (performance.now() - started) / 1000;
    library.close();
    return { openMs, filledS, shortSearchWhileFillingMs };
  } finally {
    await folder.remove();
  }
}

/**
 * Generates, takes in and measures a library of `entries` codes in a temporary folder, or in `keep`
 * (left in place, and reused when a run already made it there: the import is then not timed).
 */
async function run(entries: number, keep?: string): Promise<Run> {
  const folder: TempFolder =
    keep === undefined ? await tempFolder('library-bench') : { path: keep, remove: async () => {} };
  const dir = folder.path;
  try {
    const made = keep !== undefined && (await stat(join(dir, 'library.db')).catch(() => undefined));
    let [generateS, importS, upgradeS] = [Number.NaN, Number.NaN, Number.NaN];
    if (made) {
      const started = performance.now();
      (await Library.open(dir)).close();
      upgradeS = (performance.now() - started) / 1000;
    } else {
      await mkdir(dir, { recursive: true });
      let started = performance.now();
      await writeIndex(dir, entries);
      generateS = (performance.now() - started) / 1000;
      started = performance.now();
      (await Library.open(dir)).close();
      importS = (performance.now() - started) / 1000;
    }
    const measured = await measureInChild(dir, entries);
    const mib = async (file: string) => (await stat(join(dir, file))).size / 2 ** 20;
    return {
      entries,
      indexMiB: await mib('index.jsonl'),
      generateS,
      importS,
      upgradeS,
      databaseMiB: await mib('library.db'),
      ...measured,
      older: await upgradeOlder(entries),
    };
  } finally {
    await folder.remove();
  }
}

const argument = (name: string) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
};
const entries = Number(argument('--entries') ?? 1_000_000);
const measureDir = argument('--measure');

if (measureDir) {
  process.stdout.write(JSON.stringify(await measure(measureDir, entries)));
} else {
  const baseline = await run(Math.min(10_000, entries));
  const large = await run(entries, argument('--keep'));
  const rows: Array<[string, (run: Run) => number, number | undefined]> = [
    ['index.jsonl written (MiB)', (r) => r.indexMiB, undefined],
    ['first start: import (s)', (r) => r.importS, undefined],
    ['kept library: first open by this build, upgrade included (s)', (r) => r.upgradeS, undefined],
    ['schema-3 library: first open by this build (ms)', (r) => r.older.openMs, 1000],
    ['schema-3 library: short-search index filled in the background (s)', (r) => r.older.filledS, undefined],
    [
      'schema-3 library: “桌” page + count while filling (ms)',
      (r) => r.older.shortSearchWhileFillingMs,
      undefined,
    ],
    ['library.db (MiB)', (r) => r.databaseMiB, undefined],
    ['open (ms)', (r) => r.openMs, 1000],
    ['search page p95 (ms)', (r) => r.searchPageP95Ms, undefined],
    ['search count p95 (ms)', (r) => r.searchCountP95Ms, undefined],
    ['History search p95: page + count (ms)', (r) => r.searchP95Ms, 50],
    ['two-character search p95: page + count, city names (ms)', (r) => r.shortSearchP95Ms, 50],
    ...SHORT_QUERIES.map((query): [string, (run: Run) => number, number] => [
      `search p95 for “${query}”: page + count (ms)`,
      (r) => r.shortQueryP95Ms[query] ?? Number.NaN,
      50,
    ]),
    ['add median (ms)', (r) => r.addMedianMs, undefined],
    ['add p95 (ms)', (r) => r.addP95Ms, 2],
    [`add, ${CONCURRENT} at a time: per code, amortised (ms)`, (r) => r.addAmortisedMs, 2],
    [`add, ${CONCURRENT} at a time: p95 of a call (ms)`, (r) => r.addTogetherP95Ms, undefined],
    ['add p95, image already stored (ms)', (r) => r.addStoredImageP95Ms, undefined],
    ['first page (ms)', (r) => r.firstPageMs, undefined],
    [`pages 2–${DEEP_PAGES + 1} median (ms)`, (r) => r.deepPageMedianMs, undefined],
    ['oldest page (ms)', (r) => r.oldestPageMs, undefined],
    ['count of all codes (ms)', (r) => r.countAllMs, undefined],
    ['RSS after the run (MiB)', (r) => r.rssMiB, 200],
    ['peak RSS (MiB)', (r) => r.peakRssMiB, 200],
  ];
  console.log(`| figure | ${baseline.entries} codes | ${large.entries} codes | × baseline | target |`);
  console.log('|---|---|---|---|---|');
  for (const [label, figure, target] of rows) {
    const [a, b] = [figure(baseline), figure(large)];
    console.log(
      `| ${label} | ${fmt(a, 1)} | ${fmt(b, 1)} | ${fmt(b / a, 1)} | ${target === undefined ? '' : `≤ ${target}`} |`,
    );
  }
  console.log(`BENCH ${JSON.stringify({ bench: 'library', baseline, large })}`);
}
