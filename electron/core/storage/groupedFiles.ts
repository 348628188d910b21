import { close, fsync, open, rename, unlink, write } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { appError } from '../../../shared/errors';
import { Failure } from '../../../shared/result';
import { syncFolder, tempName } from './atomicFile';

interface Waiting {
  path: string;
  temp: string;
  fd: number;
  resolve: () => void;
  reject: (cause: unknown) => void;
}

/**
 * New files written by many callers at once (a batch's output PNGs), each one durable under its
 * name before its write resolves, never torn under it: the same promise as writeFileAtomic, at a
 * group's price. A file goes to a temp file of its own and waits; the files waiting are then made
 * durable together: their fsyncs go out at once (the file system commits them in one journal
 * commit rather than one each), they are renamed, and each of their folders is flushed once for
 * the group. Files arriving while a group flushes form the next one, as the journal's records do.
 * A kill at any point leaves only whole files under their names, and temp files the next start
 * sweeps (tempFiles.ts).
 */
export class GroupedFiles {
  private waiting: Waiting[] = [];
  private flushing = false;
  /** Groups flushed so far: how many flushes the files shared (shown by tests and benchmarks). */
  groups = 0;

  /** Resolves once `data` is on the disk under `path` (a file there is replaced). */
  async write(path: string, data: Uint8Array): Promise<void> {
    const temp = join(dirname(path), tempName(basename(path)));
    let fd: number | undefined;
    try {
      fd = await call<number>((done) => open(temp, 'wx', 0o666, done));
      for (let at = 0; at < data.length; ) {
        at += await call<number>((done) => write(fd!, data, at, data.length - at, null, done));
      }
    } catch (cause) {
      if (fd !== undefined) await call((done) => close(fd!, done)).catch(() => {});
      await removeTemp(temp);
      throw fileFailure(path, cause);
    }
    const opened = fd;
    return new Promise((resolve, reject) => {
      this.waiting.push({ path, temp, fd: opened, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.waiting.length > 0) {
      const group = this.waiting.splice(0);
      this.groups++;
      // Each file's bytes on the disk before its name: a power cut never names a torn file.
      const failures = await Promise.all(group.map((file) => syncAndName(file)));
      // One flush of a folder keeps every rename done in it before: once per folder per group.
      const folders = new Map<string, Promise<unknown>>();
      group.forEach((file, i) => {
        if (failures[i]) return;
        const folder = dirname(file.path);
        if (!folders.has(folder)) folders.set(folder, causeOf(syncFolder(folder)));
      });
      for (const [i, file] of group.entries()) {
        const failed = failures[i] ?? (await folders.get(dirname(file.path)));
        if (failed) file.reject(fileFailure(file.path, failed));
        else file.resolve();
      }
    }
    this.flushing = false;
  }
}

/** Flushes, closes and renames one file of a group; the cause when it could not (its temp removed). */
async function syncAndName(file: Waiting): Promise<unknown> {
  try {
    try {
      await call((done) => fsync(file.fd, done));
    } finally {
      await call((done) => close(file.fd, done));
    }
    await call((done) => rename(file.temp, file.path, done));
    return undefined;
  } catch (cause) {
    await removeTemp(file.temp);
    return cause ?? new Error('failed');
  }
}

/** Node's callback calls, without fs/promises' FileHandle objects: a batch writes thousands of files. */
function call<T = void>(start: (done: (error: NodeJS.ErrnoException | null, value?: T) => void) => void) {
  return new Promise<T>((resolve, reject) => {
    start((error, value) => (error ? reject(error) : resolve(value as T)));
  });
}

/** undefined when `work` succeeds, else why it failed. */
const causeOf = (work: Promise<unknown>): Promise<unknown> =>
  work.then(
    () => undefined,
    (cause: unknown) => cause ?? new Error('failed'),
  );

function removeTemp(temp: string): Promise<void> {
  return call((done) => unlink(temp, done)).catch(() => {});
}

function fileFailure(path: string, cause: unknown): Failure {
  if (cause instanceof Failure) return cause;
  return new Failure(
    appError('file', { path, detail: cause instanceof Error ? cause.message : String(cause) }),
  );
}
