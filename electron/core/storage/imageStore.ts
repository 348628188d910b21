import { type FileHandle, link, open, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { syncFolder, tempName, writeFileAtomic } from './atomicFile';
import type { LibraryDatabase } from './libraryDatabase';
import { preparedStatements } from './preparedStatements';

/**
 * Images placed and waiting for the sync behind, at most, before placing another waits for it. Each
 * holds its file open (and its copy in the database) until synced: with a disk slower than codes
 * arrive (another program writing, a network drive) they piled up unbounded, and a 50,000-row batch
 * stopped at row 29,023 with EMFILE (too many open files) when they reached the process's limit.
 * So about twice this many are open: those waiting and the group being synced, each with up to
 * as many more as rows place at once (every placer adds its image before it waits).
 */
export const MOST_WAITING_FOR_SYNC = 64;

/**
 * The library's images, png/<sha256>.png, and how a new one becomes durable with no fsync of its
 * own while add() waits. Three syncs in a row (the file, its folder, then the database's log) made
 * an add cost three disk flushes; now the image rides in the add's own commit (images_unsynced) and
 * that commit's one flush makes code and image durable together. Only then is the file placed,
 * unsynced; a sync behind, shared by every image placed meanwhile, flushes the files and their
 * folder and drops their copies. A power cut before that leaves the copy, and the next open puts
 * the file back from it (repair), so a kept code never names an image the disk may not hold.
 */
export class ImageStore {
  /** Placed and not yet synced, with the handle that wrote the file (none: synced by its name). */
  private placed = new Map<string, FileHandle | undefined>();
  private syncing: Promise<void> | undefined;
  /** The group the sync behind is flushing now. */
  private group: Promise<void> | undefined;
  private readonly statement;

  constructor(
    private readonly folder: string,
    private readonly db: LibraryDatabase,
    private readonly mostWaiting = MOST_WAITING_FOR_SYNC,
  ) {
    if (!(mostWaiting >= 1)) throw new RangeError(`mostWaiting must be at least 1, not ${mostWaiting}`);
    this.statement = preparedStatements(db);
  }

  path(hash: string): string {
    return join(this.folder, `${hash}.png`);
  }

  /**
   * Whether the file is there. A file is only ever placed once its image is durable (its file or
   * its copy in the database), so one that is there needs nothing more from a new code using it.
   * A folder that cannot be read (gone, not a folder) fails here, before anything is committed.
   */
  async has(hash: string): Promise<boolean> {
    try {
      await stat(this.path(hash));
      return true;
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw cause;
    }
  }

  /** Inside the add's transaction: the image is durable when the commit is. */
  keep(hash: string, png: Buffer): void {
    this.statement('INSERT OR IGNORE INTO images_unsynced (png_hash, png) VALUES (?, ?)').run(hash, png);
  }

  /**
   * Writes the file behind a name of its own, to be placed once `durable` resolves (the commit
   * holding its copy is on the disk): writing overlaps that flush, naming it must wait for it, or a
   * power cut could leave a torn file under the image's name and no copy to mend it from.
   */
  async place(hash: string, png: Buffer, durable: Promise<void>): Promise<void> {
    const temp = join(this.folder, tempName(`${hash}.png`));
    let file: FileHandle | undefined;
    const written = open(temp, 'wx').then(async (opened) => {
      file = opened;
      await opened.writeFile(png);
    });
    try {
      await Promise.all([written, durable]);
      // link, not rename: an image another process placed (and perhaps synced) is never replaced.
      const linked = await link(temp, this.path(hash)).then(
        () => true,
        (cause: NodeJS.ErrnoException) => {
          if (cause.code !== 'EEXIST') throw cause;
          return false;
        },
      );
      // The sync behind flushes the file through the handle that wrote it (and closes it), opening
      // nothing again; a file someone else placed is synced by its name.
      if (!this.placed.has(hash)) {
        this.placed.set(hash, linked ? file : undefined);
        if (linked) file = undefined;
      }
    } finally {
      // Swept at the next start if this fails (tempFiles.ts); the image is placed either way.
      await written.catch(() => {});
      await file?.close().catch(() => {});
      await rm(temp, { force: true }).catch(() => {});
    }
    // Only with something waiting: a sync behind started on nothing ends before `syncing` is set,
    // which then stayed set for good and no image was ever synced again (their files kept open).
    if (this.placed.size > 0) this.syncing ??= this.syncBehind();
    while (this.placed.size >= this.mostWaiting) {
      this.syncing ??= this.syncBehind();
      await this.group?.catch(() => {});
    }
  }

  /** The image, from its file, or from its copy while the file is missing (not placed yet, a full disk). */
  async read(hash: string): Promise<Buffer> {
    try {
      return await readFile(this.path(hash));
    } catch (cause) {
      const copy = this.statement('SELECT png FROM images_unsynced WHERE png_hash = ?').get(hash) as
        | { png: Buffer }
        | undefined;
      if (copy) return Buffer.from(copy.png);
      // Another process on this library may have placed the file and dropped its copy between the
      // two reads above: the file is there now, or the image is truly gone.
      return await readFile(this.path(hash)).catch(() => {
        throw cause;
      });
    }
  }

  /** Resolves once every image placed so far is synced and its copy dropped. */
  async settled(): Promise<void> {
    while (this.syncing) await this.syncing;
  }

  /**
   * At open: images whose copy is still in the database (a crash or a power cut came before their
   * sync) get their file back from it, then lose the copy. An image that cannot be written yet (a
   * full disk) keeps its copy, which reads still find.
   */
  async repair(): Promise<void> {
    const hashes = (
      this.statement('SELECT png_hash FROM images_unsynced').all() as { png_hash: string }[]
    ).map((r) => r.png_hash);
    const mended: string[] = [];
    for (const hash of hashes) {
      const copy = this.statement('SELECT png FROM images_unsynced WHERE png_hash = ?').get(hash) as
        | { png: Buffer }
        | undefined;
      if (!copy) continue;
      const png = Buffer.from(copy.png);
      try {
        const there = await readFile(this.path(hash)).catch(() => undefined);
        if (there?.equals(png)) await syncFile(this.path(hash));
        else await writeFileAtomic(this.path(hash), png);
        mended.push(hash);
      } catch {}
    }
    if (mended.length === 0) return;
    await syncFolder(this.folder);
    this.drop(mended);
  }

  /** Syncs what was placed, in groups, until nothing waits. */
  private async syncBehind(): Promise<void> {
    while (this.placed.size > 0) {
      const group = [...this.placed];
      this.placed = new Map();
      this.group = this.syncGroup(group);
      // The folder would not sync: the group's copies stay, and the next open mends from them.
      await this.group.catch(() => {});
    }
    this.syncing = undefined;
  }

  /** Each file, then their folder once, then drops their copies. */
  private async syncGroup(group: [string, FileHandle | undefined][]): Promise<void> {
    const synced = await Promise.all(
      group.map(([hash, file]) =>
        (file ? file.sync().finally(() => file.close()) : syncFile(this.path(hash))).then(
          () => hash,
          () => undefined,
        ),
      ),
    );
    await syncFolder(this.folder);
    // A file that would not sync keeps its copy: the next open writes it again.
    this.drop(synced.filter((hash): hash is string => hash !== undefined));
  }

  /** Not flushed on its own: losing this commit to a power cut only means mending again at open. */
  private drop(hashes: string[]): void {
    const remove = this.statement('DELETE FROM images_unsynced WHERE png_hash = ?');
    this.db.transaction(() => {
      for (const hash of hashes) remove.run(hash);
    })();
  }
}

async function syncFile(path: string): Promise<void> {
  const file = await open(path, 'r');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
}
