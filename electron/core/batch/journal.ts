import { createHash } from 'node:crypto';
import { type FileHandle, mkdir, open, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { appError } from '../../../shared/errors';
import { batchElsewhere } from '../../../shared/errors/batch';
import { Failure } from '../../../shared/result';
import { readJsonFile, writeFileAtomic } from '../storage/atomicFile';
import { liveHolder, takeFile } from '../storage/claims';
import type { Library } from '../storage/library';
import { FinishedRows } from './finishedRows';

/** One finished row: its code is in the library and its file is in the output folder. */
export interface JournalEntry {
  row: number;
  file: string;
  fromLibrary: boolean;
}

/** What a batch was started with, so the app can list unfinished batches and offer to resume them. */
export interface BatchManifest {
  id: string;
  input: string;
  outDir: string;
  startedAt: string;
  /** Valid rows in the batch. */
  rows: number;
  settings: unknown;
}

/** A batch is the same batch when its input bytes and everything that shapes its output are the same. */
export function batchId(settings: unknown): string {
  return createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 20);
}

export const batchFolder = (dataDir: string, id: string): string => join(dataDir, 'batches', id);

/** Recorded before a row's request goes to WeChat: if no JournalEntry follows, it may be paid for, unreceived. */
interface CallRecord {
  call: number;
  /** requestKey of the row's request: once the library holds it, the code was received after all. */
  key: string;
}

/** A recorded call came back without a code (WeChat refused it, the network failed): nothing left unreceived. */
interface AnsweredRecord {
  answered: number;
}

const JOURNAL = 'journal.jsonl';
const MANIFEST = 'batch.json';
/** Held by the one live process running the batch. */
const LOCK = 'lock';

/**
 * The append-only record of finished rows in `<dataDir>/batches/<id>/`. A row is recorded only
 * after its code is in the library and its file is written, and each record is on disk before
 * `record` resolves, so after a crash a resumed batch neither redoes a row nor loses one. Records
 * that arrive together share one write and one flush.
 */
export class Journal {
  private pending: { line: string; resolve: () => void; reject: (cause: unknown) => void }[] = [];
  private flushing = false;

  private constructor(
    private readonly path: string,
    private readonly file: FileHandle,
    private readonly unlock: () => Promise<void>,
    /** Rows finished by earlier runs, when resuming. */
    readonly finished: FinishedRows,
    /** Request keys of calls earlier runs sent without recording their row finished. */
    readonly unansweredCalls: ReadonlySet<string>,
  ) {}

  /**
   * Opens the journal of a batch: with `resume`, keeps what earlier runs recorded; else starts empty.
   * Only one live process holds a batch's journal: another one running it is refused, by its pid.
   */
  static async open(folder: string, manifest: BatchManifest, resume: boolean): Promise<Journal> {
    const path = join(folder, JOURNAL);
    let lock: Awaited<ReturnType<typeof takeFile>>;
    try {
      await mkdir(folder, { recursive: true });
      lock = await takeFile(join(folder, LOCK), { about: { input: manifest.input } });
    } catch (cause) {
      throw asFileFailure(folder, cause);
    }
    if (!lock.taken) throw batchElsewhere(manifest.input, lock.holder);
    try {
      const earlier = resume ? await readJournal(path) : { ...nothingRead(), torn: false };
      const file = await open(path, resume ? 'a' : 'w');
      // A line torn by a crash is skipped on reading; the next record must not continue it.
      if (earlier.torn) await file.write('\n');
      await writeFileAtomic(join(folder, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
      return new Journal(path, file, lock.release, earlier.finished, earlier.unansweredCalls);
    } catch (cause) {
      await lock.release();
      throw asFileFailure(path, cause);
    }
  }

  record(entry: JournalEntry): Promise<void> {
    return this.append(entry);
  }

  /** Before a row's request is sent: on disk before the call goes out. */
  recordCall(row: number, key: string): Promise<void> {
    return this.append({ call: row, key } satisfies CallRecord);
  }

  /** After a recorded call came back without a code. */
  recordAnswered(row: number): Promise<void> {
    return this.append({ answered: row } satisfies AnsweredRecord);
  }

  private append(record: JournalEntry | CallRecord | AnsweredRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ line: `${JSON.stringify(record)}\n`, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.pending.length > 0) {
      const group = this.pending.splice(0);
      try {
        await this.file.write(group.map((p) => p.line).join(''));
        await this.file.datasync();
        for (const p of group) p.resolve();
      } catch (cause) {
        const failure = asFileFailure(this.path, cause);
        for (const p of group) p.reject(failure);
      }
    }
    this.flushing = false;
  }

  async close(): Promise<void> {
    try {
      await this.file.close();
    } finally {
      await this.unlock();
    }
  }
}

/**
 * Codes an earlier run of a batch asked WeChat for but never received (it crashed or was killed
 * mid-call): WeChat may have charged for them. Those the library holds by now were received.
 */
export async function unreceivedCodes(calls: ReadonlySet<string>, library: Library): Promise<number> {
  if (calls.size === 0) return 0;
  return [...calls].filter((key) => !library.hasKey(key)).length;
}

/** Refuses (with the other process's pid) when a live process is running the batch in `folder`. */
export async function checkNotRunningElsewhere(folder: string, input: string): Promise<void> {
  const holder = await liveHolder(join(folder, LOCK));
  if (holder) throw batchElsewhere(input, holder);
}

/** Forgets a batch that finished with every row done: there is nothing left to resume. */
export async function removeBatch(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true });
}

export interface UnfinishedBatch {
  manifest: BatchManifest;
  /** Rows already finished. */
  finished: number;
  /** Request keys of calls sent without their row being recorded finished (see unreceivedCodes). */
  unansweredCalls: ReadonlySet<string>;
}

/** Batches that stopped before every row was done (a crash, a cancel, failed rows), newest first. */
export async function unfinishedBatches(dataDir: string): Promise<UnfinishedBatch[]> {
  const root = join(dataDir, 'batches');
  let ids: string[];
  try {
    ids = await readdir(root);
  } catch {
    return [];
  }
  const found: UnfinishedBatch[] = [];
  for (const id of ids) {
    const manifest = await readJsonFile<BatchManifest | undefined>(join(root, id, MANIFEST), undefined).catch(
      () => undefined,
    );
    if (!manifest?.id) continue;
    const { finished, unansweredCalls } = await readJournal(join(root, id, JOURNAL));
    found.push({ manifest, finished: finished.size, unansweredCalls });
  }
  return found.sort((a, b) => b.manifest.startedAt.localeCompare(a.manifest.startedAt));
}

/** Bytes of the journal read at once: a resumed batch of any size reads it in this much memory. */
const READ_BYTES = 64 * 1024;

interface JournalRead {
  finished: FinishedRows;
  /** Calls recorded as sent with no answer after them (no finished row, no answered record), by key. */
  unansweredCalls: Set<string>;
}

const nothingRead = (): JournalRead => ({ finished: new FinishedRows(), unansweredCalls: new Set() });

/**
 * What a journal says, read a block at a time rather than whole: its finished rows, its unanswered
 * calls, and whether its last line was torn by a crash (no newline after it). Missing: empty.
 */
async function readJournal(path: string): Promise<JournalRead & { torn: boolean }> {
  const read = nothingRead();
  /** Calls not yet followed by their answer or their row's entry: those in flight when it was written. */
  const pending = new Map<number, string>();
  let file: FileHandle;
  try {
    file = await open(path, 'r');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return { ...read, torn: false };
    throw cause;
  }
  let rest = Buffer.alloc(0);
  try {
    const block = Buffer.allocUnsafe(READ_BYTES);
    for (;;) {
      const { bytesRead } = await file.read(block, 0, READ_BYTES, null);
      if (bytesRead === 0) break;
      const bytes =
        rest.length > 0 ? Buffer.concat([rest, block.subarray(0, bytesRead)]) : block.subarray(0, bytesRead);
      let start = 0;
      for (let end = bytes.indexOf(10, start); end !== -1; end = bytes.indexOf(10, start)) {
        readLine(bytes.toString('utf8', start, end), read, pending);
        start = end + 1;
      }
      // Copied: the block is read into again.
      rest = Buffer.from(bytes.subarray(start));
    }
  } finally {
    await file.close();
  }
  // The last line without its newline was torn by a crash mid-write: not a record.
  for (const [row, key] of pending) if (!read.finished.has(row)) read.unansweredCalls.add(key);
  return { ...read, torn: rest.length > 0 };
}

/** One line of a journal: a finished row, a call sent, or a call answered. */
function readLine(line: string, read: JournalRead, pending: Map<number, string>): void {
  if (!line.trim()) return;
  let record: Partial<JournalEntry & CallRecord & AnsweredRecord>;
  try {
    record = JSON.parse(line);
  } catch {
    // A line torn by a crash mid-write: that row was not finished, that call was not sent (it goes
    // out only once its record is on disk).
    return;
  }
  if (Number.isInteger(record.row) && typeof record.file === 'string') {
    read.finished.add(record.row!, record.file, record.fromLibrary === true);
    // Its call was answered: the code is in the library. A later call for it is kept, then dropped
    // at the end like every call of a finished row.
    pending.delete(record.row!);
  } else if (Number.isInteger(record.call) && typeof record.key === 'string') {
    pending.set(record.call!, record.key);
  } else if (Number.isInteger(record.answered)) {
    pending.delete(record.answered!);
  }
}

function asFileFailure(path: string, cause: unknown): Failure {
  if (cause instanceof Failure) return cause;
  return new Failure(
    appError('file', { path, detail: cause instanceof Error ? cause.message : String(cause) }),
  );
}
