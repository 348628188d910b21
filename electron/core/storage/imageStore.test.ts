import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, readlink, rm, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'libsql';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CodeRequest } from '../../../shared/codeRequest';
import { tempFolderFor } from '../../testing/tempFolder';
import { ImageStore } from './imageStore';
import { Library } from './library';
import { openLibraryDatabase } from './libraryDatabase';

const request = (i: number): CodeRequest => ({
  kind: 'qrcode',
  path: `pages/index/index?i=${i}`,
  width: 430,
});
const code = (i: number, png = Buffer.from(`the image of code ${i}, `.repeat(200))) => ({
  accountId: 'shop',
  appId: 'wx0123456789abcdef',
  request: request(i),
  png,
  width: 430,
  height: 430,
});

let dir: string;
beforeEach(async (test) => {
  dir = await tempFolderFor(test, 'images');
});

/** The images whose copy is still in the database, read by a connection of the test's own. */
function copies(): { png_hash: string; png: Buffer }[] {
  const db = new Database(join(dir, 'library.db'), { timeout: 10_000 });
  try {
    return db.prepare('SELECT png_hash, png FROM images_unsynced').all() as {
      png_hash: string;
      png: Buffer;
    }[];
  } finally {
    db.close();
  }
}

/** What a power cut before the sync behind leaves: the copy still in the database, the file torn or gone. */
function cutPowerBefore(hash: string, png: Buffer): void {
  const db = new Database(join(dir, 'library.db'), { timeout: 10_000 });
  db.prepare('INSERT OR IGNORE INTO images_unsynced (png_hash, png) VALUES (?, ?)').run(hash, png);
  db.close();
}

describe("a code's image", () => {
  it('is on disk when add() returns, and its copy in the database goes once the file is synced', async () => {
    const library = await Library.open(dir);
    const added = await Promise.all(Array.from({ length: 12 }, (_, i) => library.add(code(i))));
    for (const [i, entry] of added.entries()) {
      expect(entry.notKept).toBeUndefined();
      expect(await readFile(library.pngPath(entry))).toEqual(code(i).png);
    }
    await expect.poll(() => copies().length, { timeout: 20_000 }).toBe(0);
    // No temp file is left behind.
    expect((await readdir(join(dir, 'png'))).sort()).toEqual(added.map((e) => `${e.pngHash}.png`).sort());
    library.close();
  });

  it('comes back from its copy at the next open when a power cut tore its file or took it', async () => {
    const library = await Library.open(dir);
    const torn = await library.add(code(1));
    const gone = await library.add(code(2));
    await expect.poll(() => copies().length, { timeout: 20_000 }).toBe(0);
    library.close();
    cutPowerBefore(torn.pngHash, code(1).png);
    cutPowerBefore(gone.pngHash, code(2).png);
    await truncate(join(dir, 'png', `${torn.pngHash}.png`), 10);
    await rm(join(dir, 'png', `${gone.pngHash}.png`));
    const reopened = await Library.open(dir);
    expect(await readFile(reopened.pngPath(torn))).toEqual(code(1).png);
    expect(await readFile(reopened.pngPath(gone))).toEqual(code(2).png);
    expect(copies()).toEqual([]);
    reopened.close();
  });

  it('is read from its copy while its file is missing', async () => {
    const library = await Library.open(dir);
    const entry = await library.add(code(1));
    await expect.poll(() => copies().length, { timeout: 20_000 }).toBe(0);
    cutPowerBefore(entry.pngHash, code(1).png);
    await rm(library.pngPath(entry));
    expect(await library.readPng(entry)).toEqual(code(1).png);
    library.close();
  });

  it('is written once for two codes sharing it, the second naming the file the first placed', async () => {
    const library = await Library.open(dir);
    const png = Buffer.from('one image for two requests');
    const [a, b] = await Promise.all([library.add(code(1, png)), library.add(code(2, png))]);
    const c = await library.add(code(3, png));
    expect(new Set([a.pngHash, b.pngHash, c.pngHash]).size).toBe(1);
    expect(await readdir(join(dir, 'png'))).toEqual([`${a.pngHash}.png`]);
    for (const entry of [a, b, c]) expect(await library.readPng(entry)).toEqual(png);
    library.close();
  });

  // Placing outruns the sync behind whenever the disk is slower than codes arrive: before the
  // bound, 3,000 images placed one after another held up to 287 files open at once here, and a
  // 50,000-row batch on a busy disk stopped with EMFILE (too many open files). A small bound makes
  // the backlog certain on any disk (1,000 images held 29-37 open without one, on this one).
  it.runIf(process.platform === 'linux')(
    'never keeps more files open for the sync behind than its bound, however fast images come',
    async () => {
      const folder = join(dir, 'png');
      await mkdir(folder);
      const db = openLibraryDatabase(join(dir, 'library.db'));
      const bound = 4;
      const images = new ImageStore(folder, db, bound);
      const openImages = async () => {
        let open = 0;
        for (const fd of await readdir('/proc/self/fd')) {
          const target = await readlink(`/proc/self/fd/${fd}`).catch(() => '');
          if (target.startsWith(folder)) open++;
        }
        return open;
      };
      // The count sees a file held open in the folder (the placings below may all sync in time).
      const held = await open(join(folder, 'held'), 'w');
      expect(await openImages()).toBe(1);
      await held.close();
      await rm(join(folder, 'held'));
      const pngs = Array.from({ length: 1_000 }, (_, i) => Buffer.from(`image ${i} `.repeat(400)));
      const hash = (png: Buffer) => createHash('sha256').update(png).digest('hex');
      let most = 0;
      for (const [i, png] of pngs.entries()) {
        await images.place(hash(png), png, Promise.resolve());
        if (i % 5 === 0) most = Math.max(most, await openImages());
      }
      await images.settled();
      // Those waiting for the sync behind, and the group it is syncing.
      expect(most).toBeLessThanOrEqual(2 * bound);
      expect(await openImages()).toBe(0);
      for (const png of [pngs[0]!, pngs[777]!, pngs[999]!]) expect(await images.read(hash(png))).toEqual(png);
      expect(await readdir(folder)).toHaveLength(pngs.length);
      db.close();
    },
    30_000,
  );
});
