import { open } from 'node:fs/promises';

/**
 * Makes the library's commits reach the disk without stopping the process while they do. SQLite's
 * own sync (synchronous = FULL) would run fdatasync on the main thread inside every commit: the
 * app's window and a batch's other rows would wait on the disk. Instead the database commits with
 * synchronous = NORMAL (the WAL is written, not synced; a checkpoint still syncs both files) and
 * add() waits for this flush of the WAL file, done on libuv's thread pool. Commits that land while
 * a flush runs share the next one, so eight rows in flight cost about one fdatasync, not eight.
 */
export class DurableCommits {
  private running: Promise<void> | undefined;
  private next: Promise<void> | undefined;

  constructor(private readonly walPath: string) {}

  /** Resolves once every commit made before the call is on the disk. */
  flush(): Promise<void> {
    if (!this.running) return this.start();
    // The flush under way may have started before this commit: the next one covers it.
    this.next ??= this.running
      .catch(() => {})
      .then(() => {
        this.next = undefined;
        return this.start();
      });
    return this.next;
  }

  private start(): Promise<void> {
    const run = syncFile(this.walPath).finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }
}

async function syncFile(path: string): Promise<void> {
  let file: Awaited<ReturnType<typeof open>>;
  try {
    file = await open(path, 'r');
  } catch (cause) {
    // No WAL file: everything committed has been checkpointed into the database, which SQLite synced.
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw cause;
  }
  try {
    await file.datasync();
  } finally {
    await file.close();
  }
}
