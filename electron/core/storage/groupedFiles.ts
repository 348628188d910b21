import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { appError } from '../../../shared/errors';
import { Failure } from '../../../shared/result';
import { tempName } from './atomicFile';
import { FILE_GROUP_WORKER } from './fileGroupWorker';

interface Waiting {
  path: string;
  temp: string;
  data: Uint8Array;
  resolve: () => void;
  reject: (cause: Failure) => void;
}

/**
 * New files written by many callers at once (a batch's output PNGs), each one durable under its
 * name before its write resolves, never torn under it: writeFileAtomic's promise at a group's
 * price. The files waiting go as one group to a thread of this writer's (fileGroupWorker.ts), which
 * writes each to a temp name, flushes it, renames it, and flushes each folder once for the group;
 * files arriving meanwhile form the next group, as the journal's records do. Written through
 * libuv's pool instead, every open, write, flush, close and rename of every file is a hand-off to a
 * pool thread and back, which cost about as much CPU as the system calls themselves. A kill at any
 * point leaves only whole files under their names, and temp files the next start sweeps
 * (tempFiles.ts).
 */
export class GroupedFiles {
  private waiting: Waiting[] = [];
  /** The group the thread is writing now. */
  private writing: Waiting[] | undefined;
  private worker: Worker | undefined;
  /** close() calls waiting for the last group. */
  private drained: (() => void)[] = [];
  /** Groups written so far: how many flushes the files shared (shown by tests and benchmarks). */
  groups = 0;

  /** Resolves once `data` is on the disk under `path` (a file there is replaced). */
  write(path: string, data: Uint8Array): Promise<void> {
    const temp = join(dirname(path), tempName(basename(path)));
    return new Promise((resolve, reject) => {
      this.waiting.push({ path, temp, data, resolve, reject });
      if (!this.writing) this.sendNext();
    });
  }

  /** Ends the thread once the files given so far are written (a batch's end). */
  async close(): Promise<void> {
    if (this.writing) await new Promise<void>((resolve) => this.drained.push(resolve));
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private sendNext(): void {
    const group = this.waiting.splice(0);
    if (group.length === 0) {
      this.writing = undefined;
      // Idle: a writer nobody closes keeps no process alive.
      this.worker?.unref();
      for (const resolve of this.drained.splice(0)) resolve();
      return;
    }
    this.writing = group;
    this.groups++;
    const worker = this.thread();
    worker.ref();
    worker.postMessage(group.map(({ path, temp, data }) => ({ path, temp, data })));
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(FILE_GROUP_WORKER, { eval: true });
    worker.on('message', (failed: (string | null)[]) => {
      for (const [i, file] of (this.writing ?? []).entries()) {
        const why = failed[i];
        if (why) file.reject(fileFailure(file.path, why));
        else file.resolve();
      }
      this.sendNext();
    });
    // The thread itself failed (out of memory): its group fails, and the next one gets a new thread.
    const lost = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const file of this.writing ?? []) file.reject(fileFailure(file.path, why));
      this.sendNext();
    };
    worker.on('error', (cause) => lost(cause.message));
    worker.on('exit', (code) => lost(`the writing thread stopped (${code})`));
    this.worker = worker;
    return worker;
  }
}

function fileFailure(path: string, detail: string): Failure {
  return new Failure(appError('file', { path, detail }));
}
