import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { tempFolderFor } from '../../testing/tempFolder';
import { DurableCommits } from './durableCommits';
import { Library } from './library';

let dir: string;
beforeEach(async (test) => {
  dir = await tempFolderFor(test, 'durable');
});

describe('durable commits', () => {
  it('flushes a WAL file, and finds nothing to do when every commit was checkpointed (no WAL file)', async () => {
    const wal = join(dir, 'library.db-wal');
    await expect(new DurableCommits(wal).flush()).resolves.toBeUndefined();
    await writeFile(wal, 'frames');
    await expect(new DurableCommits(wal).flush()).resolves.toBeUndefined();
  });

  it('answers every one of many commits flushing at once', async () => {
    const wal = join(dir, 'library.db-wal');
    await writeFile(wal, 'frames');
    const commits = new DurableCommits(wal);
    const flushes = Array.from({ length: 20 }, () => commits.flush());
    await expect(Promise.all(flushes)).resolves.toHaveLength(20);
  });

  it('keeps codes added concurrently, each readable by a library opened afterwards', async () => {
    const library = await Library.open(dir);
    const added = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        library.add({
          accountId: 'shop',
          appId: 'wx0123456789abcdef',
          request: { kind: 'qrcode', path: `pages/index/index?i=${i}`, width: 430 },
          png: Buffer.from(`image ${i}`),
          width: 430,
          height: 430,
        }),
      ),
    );
    expect(added.filter((entry) => entry.notKept)).toEqual([]);
    library.close();
    const reopened = await Library.open(dir);
    expect(reopened.count()).toBe(16);
    reopened.close();
  });
});
