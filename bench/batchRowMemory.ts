// What a batch holds per spreadsheet row before its first call: the parsed sheet, the plan (one
// validated request, key and cells per row) and the rows' file names, as heap bytes per row at two
// sizes. No API call: it shows what grows with the sheet, the part of bench:batch's peak RSS that
// bounded write-behind cannot flatten (see electron/core/batch/scheduler.ts).
// Run: node --expose-gc --import tsx bench/batchRowMemory.ts [--rows 5000,50000]
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { guessMapping } from '../electron/core/batch/mapping';
import { defaultNameTemplate, fileNameList } from '../electron/core/batch/naming';
import { planBatch } from '../electron/core/batch/plan';
import { readSpreadsheet } from '../electron/core/batch/spreadsheet';
import { tempFolder } from '../electron/testing/tempFolder';
import { fmt } from './stats';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '5000,50000' } } });
const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error('run with node --expose-gc');
const heapMiB = () => {
  collect();
  collect();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

const folder = await tempFolder('row-memory');
console.log('| rows | sheet MiB | plan MiB | file names MiB | bytes per row |');
console.log('|---|---|---|---|---|');
const perRow: Record<string, number> = {};
for (const size of values.rows.split(',').map(Number)) {
  const csv = join(folder.path, `${size}.csv`);
  const lines = ['scene,name'];
  for (let i = 0; i < size; i++) lines.push(`b=${i},门店${i}`);
  await writeFile(csv, `${lines.join('\n')}\n`);
  const before = heapMiB();
  const sheet = await readSpreadsheet(csv);
  const afterSheet = heapMiB();
  const plan = planBatch({
    sheet,
    mapping: guessMapping(sheet.headers),
    kind: 'unlimited',
    style: { width: 430 },
    owner: 'wx0123456789abcdef',
    library: { findKey: () => undefined },
  });
  const afterPlan = heapMiB();
  const names = fileNameList(plan.rows, defaultNameTemplate(plan.mapping), plan.sheet.headers);
  const afterNames = heapMiB();
  perRow[size] = Math.round(((afterNames - before) * 2 ** 20) / size);
  console.log(
    `| ${size} | ${fmt(afterSheet - before, 1)} | ${fmt(afterPlan - afterSheet, 1)} | ${fmt(afterNames - afterPlan, 1)} | ${perRow[size]} |`,
  );
  // Kept alive until measured.
  if (names.length !== plan.rows.length) throw new Error('a name per row');
}
await folder.remove();
console.log(`BENCH ${JSON.stringify({ bytes_per_row: perRow })}`);
