import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { bytesInUseAfterGc } from '../../testing/heapAfterGc';
import { tempFolderFor } from '../../testing/tempFolder';
import { type BatchManifest, batchFolder, batchId, Journal, removeBatch, unfinishedBatches } from './journal';

let dataDir: string;
beforeEach(async (test) => {
  dataDir = await tempFolderFor(test, 'journal');
});

const manifest = (id: string, startedAt = '2026-01-01T00:00:00.000Z'): BatchManifest => ({
  id,
  input: '/in/stores.csv',
  outDir: '/out',
  startedAt,
  rows: 3,
  settings: { kind: 'limited' },
});

describe('Journal', () => {
  it('is held by one process at a time: another open is refused, naming the pid; after close it opens', async () => {
    const folder = batchFolder(dataDir, 'b1');
    const journal = await Journal.open(folder, manifest('b1'), false);
    const refused = await Journal.open(folder, manifest('b1'), true).catch((e: unknown) => e);
    expect(refused).toMatchObject({
      error: {
        code: 'busy',
        message: { en: expect.stringContaining(`is being run by process ${process.pid} on`) },
      },
    });
    await journal.record({ row: 2, file: '2.png', fromLibrary: false });
    await journal.close();
    const resumed = await Journal.open(folder, manifest('b1'), true);
    expect(resumed.finished.size).toBe(1);
    await resumed.close();
  });

  it('knows the calls a killed run sent and never got an answer for', async () => {
    const folder = batchFolder(dataDir, 'b1');
    const journal = await Journal.open(folder, manifest('b1'), false);
    await journal.recordCall(2, 'key-2');
    await journal.record({ row: 2, file: '2.png', fromLibrary: false });
    await journal.recordCall(3, 'key-3');
    await journal.recordAnswered(3);
    await journal.recordCall(4, 'key-4');
    await journal.recordCall(5, 'key-4');
    await journal.recordCall(6, 'key-6');
    await journal.close();
    const resumed = await Journal.open(folder, manifest('b1'), true);
    expect([...resumed.unansweredCalls].sort()).toEqual(['key-4', 'key-6']);
    await resumed.close();
    const [listed] = await unfinishedBatches(dataDir);
    expect([...listed!.unansweredCalls].sort()).toEqual(['key-4', 'key-6']);
  });

  it('keeps every finished row on disk, recorded in parallel, and finds them again on resume', async () => {
    const folder = batchFolder(dataDir, 'b1');
    const journal = await Journal.open(folder, manifest('b1'), false);
    await Promise.all(
      [2, 3, 4, 5].map((row) => journal.record({ row, file: `${row}.png`, fromLibrary: row === 3 })),
    );
    await journal.close();
    const lines = (await readFile(join(folder, 'journal.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(4);

    const resumed = await Journal.open(folder, manifest('b1'), true);
    expect([...resumed.finished.rows()]).toEqual([2, 3, 4, 5]);
    expect(resumed.finished.finishedAs(3, '3.png')).toBe(true);
    expect(resumed.finished.finishedAs(2, '2.png')).toBe(false);
    // Finished under another name: not this row's file.
    expect(resumed.finished.finishedAs(3, '3 (2).png')).toBeUndefined();
    await resumed.close();
  });

  it('finds rows numbered past a million again on resume (a sheet that numbers its blank rows too)', async () => {
    const folder = batchFolder(dataDir, 'b-far');
    const journal = await Journal.open(folder, manifest('b-far'), false);
    const far = [1_000_002, 1_048_576, 30_000_000];
    for (const row of [7, ...far])
      await journal.record({ row, file: `${row}.png`, fromLibrary: row === 1_048_576 });
    await journal.close();

    const resumed = await Journal.open(folder, manifest('b-far'), true);
    expect([...resumed.finished.rows()]).toEqual([7, ...far]);
    expect(resumed.finished.size).toBe(4);
    expect(resumed.finished.finishedAs(1_048_576, '1048576.png')).toBe(true);
    expect(resumed.finished.finishedAs(30_000_000, '30000000.png')).toBe(false);
    expect(resumed.finished.finishedAs(30_000_000, 'other.png')).toBeUndefined();
    expect(resumed.finished.has(1_000_003)).toBe(false);
    await resumed.close();
  });

  it('skips a line torn by a crash, and the next record starts on a line of its own', async () => {
    const folder = batchFolder(dataDir, 'b2');
    const journal = await Journal.open(folder, manifest('b2'), false);
    await journal.record({ row: 2, file: '2.png', fromLibrary: false });
    await journal.close();
    await appendFile(join(folder, 'journal.jsonl'), '{"row":3,"fi');

    const resumed = await Journal.open(folder, manifest('b2'), true);
    expect([...resumed.finished.rows()]).toEqual([2]);
    await resumed.record({ row: 4, file: '4.png', fromLibrary: false });
    await resumed.close();
    const again = await Journal.open(folder, manifest('b2'), true);
    expect([...again.finished.rows()]).toEqual([2, 4]);
    await again.close();
  });

  it('starts empty when not resuming', async () => {
    const folder = batchFolder(dataDir, 'b3');
    const journal = await Journal.open(folder, manifest('b3'), false);
    await journal.record({ row: 2, file: '2.png', fromLibrary: false });
    await journal.close();
    const fresh = await Journal.open(folder, manifest('b3'), false);
    expect(fresh.finished.size).toBe(0);
    await fresh.close();
  });

  it('lists unfinished batches newest first with their finished rows, and forgets removed ones', async () => {
    const older = await Journal.open(
      batchFolder(dataDir, 'old'),
      manifest('old', '2026-01-01T00:00:00.000Z'),
      false,
    );
    await older.record({ row: 2, file: '2.png', fromLibrary: false });
    await older.close();
    const newer = await Journal.open(
      batchFolder(dataDir, 'new'),
      manifest('new', '2026-02-01T00:00:00.000Z'),
      false,
    );
    await newer.close();
    expect((await unfinishedBatches(dataDir)).map((b) => [b.manifest.id, b.finished])).toEqual([
      ['new', 0],
      ['old', 1],
    ]);
    await removeBatch(batchFolder(dataDir, 'old'));
    expect((await unfinishedBatches(dataDir)).map((b) => b.manifest.id)).toEqual(['new']);
  });

  it('resumed with 200,000 finished rows, keeps about five bytes a row of them, not an object and a name each', async () => {
    const rows = 200_000;
    const folder = batchFolder(dataDir, 'big');
    const journal = await Journal.open(folder, manifest('big'), false);
    await journal.close();
    const lines: string[] = [];
    for (let row = 2; row < rows + 2; row++) {
      lines.push(JSON.stringify({ call: row, key: `key-${row}` }));
      lines.push(JSON.stringify({ row, file: `上海/门店${row}.png`, fromLibrary: row % 2 === 0 }));
    }
    // The last call was in flight when the run was killed.
    lines.push(JSON.stringify({ call: rows + 2, key: 'in-flight' }));
    await writeFile(join(folder, 'journal.jsonl'), `${lines.join('\n')}\n`);
    lines.length = 0;

    const before = bytesInUseAfterGc();
    const resumed = await Journal.open(folder, manifest('big'), true);
    const kept = bytesInUseAfterGc() - before;
    expect(resumed.finished.size).toBe(rows);
    expect(resumed.finished.finishedAs(rows + 1, `上海/门店${rows + 1}.png`)).toBe(false);
    expect(resumed.finished.finishedAs(rows, `上海/门店${rows}.png`)).toBe(true);
    expect([...resumed.unansweredCalls]).toEqual(['in-flight']);
    // 200,000 JournalEntry objects and their names in a Map took over 20 MB.
    expect(kept).toBeLessThan(2 * 2 ** 20);
    await resumed.close();
  }, 60_000);

  it('derives the same id from the same settings only', () => {
    expect(batchId({ input: 'h', outDir: '/a' })).toBe(batchId({ input: 'h', outDir: '/a' }));
    expect(batchId({ input: 'h', outDir: '/a' })).not.toBe(batchId({ input: 'h', outDir: '/b' }));
  });
});
