import type { LibraryDatabase } from './libraryDatabase';
import { shortSearchGrams } from './shortSearch';

/**
 * Filling the short-search index (shortSearch.ts) for the codes a library held before it had one,
 * without holding the write lock any longer than an ordinary write does: at a million codes, filling
 * it in one transaction kept a CLI or app sharing the library waiting past its busy timeout.
 *
 * short_search_fill's one row (migration 4) says which codes are the fill's: those with a seq in
 * (filled, last], last being the newest code when the index was created. Each chunk is its own
 * IMMEDIATE transaction that reads the row, indexes the next codes in seq order from their search
 * text and moves `filled` past them, all or nothing: a process killed mid-way leaves the row where
 * its last commit put it, and whichever process opens the library next carries on from there. Two
 * processes filling at once take turns by the write lock, each starting where the other stopped,
 * so no code is indexed twice. The row goes when the last chunk is done.
 *
 * Codes written meanwhile (added, deleted, given a batch row's origin) are indexed by their writer
 * unless their seq is the fill's (CodeTable.fillOwns): a seq above `last` is a new code's, and one in
 * (filled, last] is read by the fill from codes_search as it is when the fill reaches it.
 *
 * A short search meanwhile reads the index for every code outside (filled, last] and the search
 * text of the codes inside it (shortSearchScan.ts), with the index's case folding: the same answer
 * as once the fill is done, taking longer the more codes are left to fill.
 */

/** Codes per chunk: about 10 ms of the write lock on an unloaded machine (see bench/library.ts). */
export const FILL_CHUNK = 1_000;

/** Indexes the next `codes` codes of the fill, in one transaction; whether the fill is done. */
export function fillShortSearchChunk(db: LibraryDatabase, codes = FILL_CHUNK): boolean {
  // Prepared per chunk: that costs microseconds of a chunk's milliseconds.
  const statement = (sql: string) => db.prepare(sql);
  const fillState = () =>
    statement('SELECT filled, last FROM short_search_fill').raw(true).get() as
      | [filled: number, last: number]
      | undefined;
  // Most opens find nothing to fill: they learn it without taking the write lock.
  if (!fillState()) return true;
  return db
    .transaction((): boolean => {
      const state = fillState();
      if (!state) return true;
      const [filled, last] = state;
      const texts = statement(
        'SELECT rowid, text FROM codes_search WHERE rowid > ? AND rowid <= ? ORDER BY rowid LIMIT ?',
      )
        .raw(true)
        .all(filled, last, codes) as [number, string][];
      const write = statement('INSERT INTO codes_short_search (rowid, grams) VALUES (?, ?)');
      for (const [rowid, text] of texts) write.run(rowid, shortSearchGrams(text));
      if (texts.length < codes) {
        statement('DELETE FROM short_search_fill').run();
        return true;
      }
      statement('UPDATE short_search_fill SET filled = ?').run(texts[texts.length - 1]![0]);
      return false;
    })
    .immediate();
}

/** A chunk that failed (the disk full, another process holding the lock past the busy timeout) is tried again this much later. */
const RETRY_MS = 5_000;

/**
 * The fill, a chunk at a time in the background of a process that has the library open. After each
 * chunk it pauses for as long as the chunk took: the lock is free at least half the time, so a
 * waiting writer of another process (whose busy handler looks again every few to 100 ms) gets it
 * within a few looks, and this process's own event loop keeps answering between chunks.
 */
export class BackgroundFill {
  /** Resolves once the index is whole, filled by this process or another. */
  readonly done: Promise<void>;
  private finish!: () => void;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly db: LibraryDatabase,
    private readonly codesPerChunk = FILL_CHUNK,
  ) {
    this.done = new Promise((resolve) => (this.finish = resolve));
    this.schedule(0);
  }

  /** Stops before the next chunk (the database is about to close); the rest is left for the next open. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    // Unref'd: a CLI run does not wait for the fill to end before exiting; the next open carries on.
    this.timer = setTimeout(() => this.chunk(), ms).unref();
  }

  private chunk(): void {
    const started = performance.now();
    let done: boolean;
    try {
      done = fillShortSearchChunk(this.db, this.codesPerChunk);
    } catch {
      // Searches go on reading the codes left to fill meanwhile: slower, never wrong.
      this.schedule(RETRY_MS);
      return;
    }
    if (done) this.finish();
    else this.schedule(performance.now() - started);
  }
}
