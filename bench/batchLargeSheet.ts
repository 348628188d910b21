// A large sheet's memory: what `wxacode batch --dry-run` and the app's Check step do with it (read,
// check every row, find repeats, name every file) plus what a batch ends with (every row's outcome,
// results.csv), at three sizes, each in a process of its own so each peak RSS is its own. No API
// call: this is the part of a batch that grows with the sheet (bench:batch measures the engine).
// Run: npx tsx bench/batchLargeSheet.ts [--rows 5000,50000,500000]
import { spawnSync } from 'node:child_process';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { guessMapping } from '../electron/core/batch/mapping';
import { defaultNameTemplate, fileNameList } from '../electron/core/batch/naming';
import { planBatch } from '../electron/core/batch/plan';
import { writeResultsCsv } from '../electron/core/batch/results';
import { RowOutcomes } from '../electron/core/batch/rowOutcomes';
import { readSpreadsheet } from '../electron/core/batch/spreadsheet';
import { Library } from '../electron/core/storage/library';
import { tempFolder } from '../electron/testing/tempFolder';
import { appError } from '../shared/errors';
import { fmt } from './stats';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '5000,50000,500000' }, child: { type: 'string' } },
});

interface Measured {
  rows: number;
  seconds: number;
  peakRssMiB: number;
}

/** One size, in this process: the sheet written, then read → plan → names → outcomes → results.csv. */
async function measureHere(rows: number): Promise<Measured> {
  const folder = await tempFolder('large-sheet');
  const csv = join(folder.path, 'stores.csv');
  const file = await open(csv, 'w');
  let chunk = ['scene,name'];
  for (let i = 1; i <= rows; i++) {
    chunk.push(`b=${i},门店${i}`);
    if (chunk.length === 10_000) {
      await file.write(`${chunk.join('\n')}\n`);
      chunk = [];
    }
  }
  await file.write(`${chunk.join('\n')}\n`);
  await file.close();
  const started = performance.now();
  // A real library: the check looks every distinct code up in it, as the CLI and the app do.
  const library = await Library.open(join(folder.path, 'library'));
  const sheet = await readSpreadsheet(csv);
  const plan = planBatch({
    sheet,
    mapping: guessMapping(sheet.headers),
    kind: 'unlimited',
    style: { width: 280 },
    owner: 'wx0123456789abcdef',
    library,
  });
  const names = fileNameList(plan.rows, defaultNameTemplate(plan.mapping), plan.sheet.headers);
  const outcomes = new RowOutcomes(plan.rows.length);
  for (let i = 0; i < plan.rows.length; i += 2) outcomes.done(i, false);
  await writeResultsCsv(
    join(folder.path, 'results.csv'),
    outcomes.all(plan, names, appError('cancelled')),
    'en',
  );
  const seconds = (performance.now() - started) / 1000;
  library.close();
  await folder.remove();
  return { rows, seconds, peakRssMiB: process.resourceUsage().maxRSS / 1024 };
}

if (values.child) {
  process.stdout.write(`${JSON.stringify(await measureHere(Number(values.child)))}\n`);
  process.exit(0);
}

const sizes = values.rows.split(',').map(Number);
console.log('| rows (read, check, name, outcomes, results.csv) | seconds | peak RSS MiB |');
console.log('|---|---|---|');
const rss: Record<string, number> = {};
const seconds: Record<string, number> = {};
for (const size of sizes) {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'bench/batchLargeSheet.ts', '--child', String(size)],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  if (child.status !== 0) throw new Error(`${size} rows: exited ${child.status}`);
  const m = JSON.parse(child.stdout) as Measured;
  rss[size] = Math.round(m.peakRssMiB);
  seconds[size] = Math.round(m.seconds * 10) / 10;
  console.log(`| ${size} | ${fmt(m.seconds, 1)} | ${fmt(m.peakRssMiB, 0)} |`);
}
const first = rss[sizes[0]!]!;
const last = rss[sizes[sizes.length - 1]!]!;
console.log(`\npeak RSS at ${sizes.at(-1)} rows / at ${sizes[0]} rows: ${fmt(last / first, 2)}`);
console.log(
  `BENCH ${JSON.stringify({ peak_rss_mib: rss, seconds, rss_growth: Math.round((last / first) * 100) / 100 })}`,
);
