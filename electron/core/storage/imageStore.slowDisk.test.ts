import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'libsql';
import { beforeEach, expect, it, vi } from 'vitest';
import { tempFolderFor } from '../../testing/tempFolder';
import { ImageStore } from './imageStore';
import { openLibraryDatabase } from './libraryDatabase';

// A disk slow to remove a file, at one chosen moment: the only way to make a placer's clean-up
// outlast the sync behind every time, as a busy disk sometimes does. The file system stays real.
let slowRemove = false;
vi.mock('node:fs/promises', async (real) => {
  const actual = await real<typeof fs>();
  return {
    ...actual,
    rm: async (...args: Parameters<typeof actual.rm>) => {
      if (slowRemove) await new Promise((resolve) => setTimeout(resolve, 300));
      return actual.rm(...args);
    },
  };
});

let dir: string;
beforeEach(async (test) => {
  dir = await tempFolderFor(test, 'images-slow-disk');
});

const png = (i: number) => Buffer.from(`image ${i} `.repeat(100));
const hash = (image: Buffer) => createHash('sha256').update(image).digest('hex');

/** Copies still waiting in the database for their file's sync, read by a connection of the test's own. */
function copiesLeft(): number {
  const db = new Database(join(dir, 'library.db'), { timeout: 10_000 });
  try {
    return (db.prepare('SELECT count(*) AS n FROM images_unsynced').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

it('keeps syncing the images placed after a sync behind ended during a placing', async () => {
  const folder = join(dir, 'png');
  await fs.mkdir(folder);
  const db = openLibraryDatabase(join(dir, 'library.db'));
  const images = new ImageStore(folder, db);
  const place = async (i: number) => {
    images.keep(hash(png(i)), png(i));
    await images.place(hash(png(i)), png(i), Promise.resolve());
  };
  await place(0);
  // The sync behind takes image 1, syncs it and ends while its placing still removes its temp name.
  slowRemove = true;
  await place(1);
  slowRemove = false;
  for (const i of [2, 3, 4]) await place(i);
  // Before the fix the sync behind never ran again: these copies stayed, their files open.
  await expect.poll(copiesLeft, { timeout: 5_000 }).toBe(0);
  for (const i of [0, 1, 2, 3, 4]) expect(await images.read(hash(png(i)))).toEqual(png(i));
  db.close();
});
