import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { tempFolderFor } from '../../testing/tempFolder';
import { guessMapping } from './mapping';
import { defaultNameTemplate, fileNameList } from './naming';
import { planBatch } from './plan';
import { writeResultsCsv } from './results';
import { RowOutcomes } from './rowOutcomes';
import { readSpreadsheet } from './spreadsheet';

// A sheet of half a million rows is read, checked, named and reported with the heap growing by a
// few tens of MB (offsets and compact maps), not by the hundreds of MB its rows would take as objects.
// About a minute of CPU: a generous timeout for a loaded machine.

const ROWS = 500_000;
/** Before the rows went to disk, this sheet's rows, plan and names took about 280 MB of heap. */
const HEAP_BOUND_MB = 80;

/** The heap in use after a full collection, in MB. */
function heapMb(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** Every 1,000th row has no scene (invalid); every 100th repeats the row before it. */
async function writeSheet(path: string): Promise<void> {
  const file = await open(path, 'w');
  let chunk = ['scene,name'];
  for (let i = 1; i <= ROWS; i++) {
    const scene = i % 1000 === 0 ? '' : `b=${i % 100 === 0 ? i - 1 : i}`;
    chunk.push(`${scene},门店${i % 100 === 0 ? i - 1 : i}`);
    if (chunk.length === 10_000) {
      await file.write(`${chunk.join('\n')}\n`);
      chunk = [];
    }
  }
  await file.write(`${chunk.join('\n')}\n`);
  await file.close();
}

describe('a 500,000-row sheet', () => {
  it('is read, checked, named and reported with the heap bounded, rows read back from disk', async (test) => {
    const dir = await tempFolderFor(test, 'large-sheet');
    const csv = join(dir, 'stores.csv');
    await writeSheet(csv);
    const before = heapMb();

    const sheet = await readSpreadsheet(csv);
    const plan = planBatch({
      sheet,
      mapping: guessMapping(sheet.headers),
      kind: 'unlimited',
      style: { width: 280 },
      owner: 'wx0123456789abcdef',
      library: { findKey: () => undefined },
    });
    const names = fileNameList(plan.rows, defaultNameTemplate(plan.mapping), plan.sheet.headers);
    const outcomes = new RowOutcomes(plan.rows.length);
    outcomes.done(0, false);
    const results = join(dir, 'results.csv');
    await writeResultsCsv(
      results,
      outcomes.all(plan, names, {
        code: 'cancelled',
        message: { en: 'Not run.', zh: '未运行。' },
        hint: { en: '', zh: '' },
      }),
      'en',
    );
    const grown = heapMb() - before;

    expect(sheet.rows.length).toBe(ROWS);
    expect(plan.invalid.length).toBe(ROWS / 1000);
    expect(plan.rows.length).toBe(ROWS - ROWS / 1000);
    // Rows 100, 200, … repeat the row before them (a row ending in 000 is invalid instead).
    expect(plan.repeats).toBe(ROWS / 100 - ROWS / 1000);
    expect(plan.rows.at(99)).toMatchObject({ row: 101, sameAs: 100, name: '门店99' });
    expect(plan.invalid.at(-1)).toMatchObject({ row: ROWS + 1 });
    expect(names.slice(97, 100)).toEqual(['99-门店98.png', '100-门店99.png', '101-门店99.png']);
    expect(names.at(-1)).toBe(`${ROWS}-门店${ROWS - 1}.png`);

    const head = (await (await open(results)).read(Buffer.alloc(200), 0, 200, 0)).buffer.toString('utf8');
    expect(head.split('\r\n').slice(0, 3)).toEqual([
      '\ufeffrow,status,file,errcode,message',
      '2,done,2-门店1.png,,',
      '3,not-run,,,Not run. ',
    ]);
    expect(grown).toBeLessThan(HEAP_BOUND_MB);
    // Kept alive until measured.
    expect(names.length).toBe(plan.rows.length);
  }, 600_000);
});
