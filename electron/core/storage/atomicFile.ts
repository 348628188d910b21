import { randomBytes } from 'node:crypto';
import { type FileHandle, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { appError } from '../../../shared/errors';
import { fileDamaged, fileUnreadable } from '../../../shared/errors/storage';
import { Failure } from '../../../shared/result';

export interface WriteOptions {
  /** Permission bits of the file, e.g. 0o600 for files only the user may read. */
  mode?: number;
}

/**
 * Replaces the file at `path` so that a reader (or a crash) sees either the old content or the new,
 * never a mix: the data goes to a temp file in the same folder (rename is atomic only within one
 * file system), is flushed to disk, then renamed over the target.
 */
export async function writeFileAtomic(
  path: string,
  /** Whole, or in chunks (a batch's results CSV), so a large file is never held in memory. */
  data: string | Uint8Array | Iterable<string | Uint8Array>,
  options: WriteOptions = {},
): Promise<void> {
  const temp = join(dirname(path), tempName(basename(path)));
  try {
    const file = await open(temp, 'wx', options.mode ?? 0o666);
    try {
      if (typeof data === 'string' || data instanceof Uint8Array) await file.writeFile(data);
      // Each chunk goes on where the last one ended.
      else for (const chunk of data) await file.writeFile(chunk);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
    await syncFolder(dirname(path));
  } catch (cause) {
    await rm(temp, { force: true });
    throw fileFailure(path, cause);
  }
}

/**
 * `.<name>.<pid>-<random>.tmp`: hidden, and naming its writer, so a sweep at start removes the
 * ones a killed process left (see tempFiles.ts) without touching another live process's.
 */
export const tempName = (name: string): string =>
  `.${name}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;

/**
 * Appends one line to an append-only log (journal, index) and flushes it to disk before returning.
 * If a crash left the last line torn (no trailing newline), the new line starts on a line of its
 * own, so only the torn line is lost and a reader can skip it.
 */
export async function appendLine(path: string, line: string): Promise<void> {
  if (line.includes('\n')) throw new Error('appendLine: a log line must not contain a newline');
  try {
    const created = await openForAppend(path);
    try {
      const text = (await endsTorn(created.file)) ? `\n${line}\n` : `${line}\n`;
      await created.file.appendFile(text);
      await created.file.sync();
    } finally {
      await created.file.close();
    }
    if (created.isNew) await syncFolder(dirname(path));
  } catch (cause) {
    throw fileFailure(path, cause);
  }
}

/** The parsed JSON in `path`, or `fallback` when the file does not exist. The caller checks the shape. */
export async function readJsonFile<T>(path: string, fallback: T): Promise<T> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    if (errorCode(cause) === 'ENOENT') return fallback;
    throw new Failure(fileUnreadable(path, messageOf(cause)));
  }
  try {
    return JSON.parse(text) as T;
  } catch (cause) {
    throw new Failure(fileDamaged(path, messageOf(cause)));
  }
}

async function openForAppend(path: string): Promise<{ file: FileHandle; isNew: boolean }> {
  try {
    return { file: await open(path, 'ax'), isNew: true };
  } catch (cause) {
    if (errorCode(cause) !== 'EEXIST') throw cause;
    return { file: await open(path, 'a+'), isNew: false };
  }
}

async function endsTorn(file: FileHandle): Promise<boolean> {
  const { size } = await file.stat();
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  await file.read(last, 0, 1, size - 1);
  return last[0] !== 0x0a;
}

/**
 * Makes a rename or a new file's name durable. One flush of a folder covers every rename done in
 * it before the flush began, so callers arriving together share one: while a flush runs, the next
 * one is queued once and every caller arriving meanwhile waits for that one (a batch writing 8
 * files at once flushes their folder about once, not 8 times).
 */
export function syncFolder(folder: string): Promise<void> {
  const state = folderSyncs.get(folder) ?? { running: undefined, next: undefined };
  folderSyncs.set(folder, state);
  if (state.next) return state.next;
  const after = state.running ?? Promise.resolve();
  const next: Promise<void> = after
    .catch(() => {})
    .then(() => {
      // From here on this flush is running: a caller arriving now needs the one after it.
      state.running = next;
      state.next = undefined;
      return flushFolder(folder);
    })
    .finally(() => {
      if (state.running === next) state.running = undefined;
      if (!state.running && !state.next) folderSyncs.delete(folder);
    });
  state.next = next;
  return next;
}

const folderSyncs = new Map<string, { running?: Promise<void>; next?: Promise<void> }>();

/**
 * Windows cannot open a folder for this (NTFS journals the rename itself), and some file systems
 * refuse it; the data is already safe at that point.
 */
async function flushFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: FileHandle | undefined;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch (cause) {
    if (!['EINVAL', 'ENOTSUP', 'EPERM', 'EISDIR', 'EACCES'].includes(errorCode(cause) ?? '')) throw cause;
  } finally {
    await handle?.close();
  }
}

function fileFailure(path: string, cause: unknown): Failure {
  return cause instanceof Failure ? cause : new Failure(appError('file', { path, detail: messageOf(cause) }));
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

function errorCode(cause: unknown): string | undefined {
  return (cause as NodeJS.ErrnoException | undefined)?.code;
}
