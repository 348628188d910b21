// Hostile spreadsheets: how long reading each takes before it ends in its error, and the peak
// memory, each in a child process of its own (its own peak RSS). The files are built in memory by
// the test generator (no fixtures committed). Run: npx tsx bench/hostileSheets.ts
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readSpreadsheet } from '../electron/core/batch/spreadsheet';
import { giantCell, rowFlood, sheetBomb } from '../electron/testing/hostileSheets';
import { tempFolder } from '../electron/testing/tempFolder';
import { Failure } from '../shared/result';
import { fmt } from './stats';

const { values } = parseArgs({ options: { read: { type: 'string' } } });

if (values.read) {
  // The child: read one file, report what the user would see, the time and the peak memory.
  const started = performance.now();
  let outcome: string;
  try {
    outcome = `read ${(await readSpreadsheet(values.read)).rows.length} rows`;
  } catch (caught) {
    outcome = caught instanceof Failure ? caught.error.message.en : String(caught);
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `${JSON.stringify({ outcome, seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`,
  );
  process.exit(0);
}

interface Measured {
  outcome: string;
  seconds: number;
  maxRssMiB: number;
}

function measure(file: string): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/hostileSheets.ts', '--read', file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`exited ${code}`)),
    );
  });
}

const folder = await tempFolder('hostile');
const dir = folder.path;
// The baseline: the same child process reading a two-line sheet, i.e. what starting Node, tsx and
// the reader costs by itself; each hostile file is reported as a ratio to it.
const baselineFile = join(dir, 'baseline.csv');
await writeFile(baselineFile, 'path\npages/index/index\n');
const baseline = await measure(baselineFile);
const files: Array<[string, Buffer]> = [
  ['3.7 MB sheet unpacking to 1 GB, size hidden', sheetBomb()],
  ['3.7 MB sheet unpacking to 1 GB, size declared', sheetBomb({ honest: true })],
  ['0.7 MB workbook with a 734 MB cell', giantCell()],
  ['0.7 MB workbook of 2.6 million rows', rowFlood()],
];
console.log(
  `baseline (two-line sheet): ${fmt(baseline.seconds, 2)} s, ${fmt(baseline.maxRssMiB, 0)} MiB peak RSS`,
);
console.log('| file | bytes | seconds | × baseline | peak RSS MiB | × baseline | what the user sees |');
console.log('|---|---|---|---|---|---|---|');
const results = [];
for (const [label, bytes] of files) {
  const file = join(dir, `${label.replace(/\W+/g, '-')}.xlsx`);
  await writeFile(file, bytes);
  const m = await measure(file);
  const timeRatio = m.seconds / baseline.seconds;
  const rssRatio = m.maxRssMiB / baseline.maxRssMiB;
  console.log(
    `| ${label} | ${bytes.length} | ${fmt(m.seconds, 2)} | ${fmt(timeRatio, 1)} | ${fmt(m.maxRssMiB, 0)} | ${fmt(rssRatio, 1)} | ${m.outcome} |`,
  );
  results.push({ label, bytes: bytes.length, ...m, timeRatio, rssRatio });
}
await folder.remove();
console.log(`BENCH ${JSON.stringify({ bench: 'hostileSheets', baseline, results })}`);
