import { appendFileSync, closeSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import electronLog from 'electron-log/node';
import { appError } from '../../../shared/errors';
import { redact } from '../../../shared/redact';
import { type AppError, Failure } from '../../../shared/result';

/**
 * The support log: every error a user is shown, with its cause, in `<data folder>/logs/`, written
 * by the app and the CLI alike, one JSON object a line, never a secret (each line goes through
 * shared/redact.ts).
 *
 * Written with electron-log's file transport (electron-log/node: no Electron needed, so the CLI
 * and the core use it too). It was chosen over pino + pino-roll, winston and rotating-file-stream
 * because it fits a short-lived CLI and a long-lived app sharing one file:
 * - each line is a synchronous append by path (open with O_APPEND, write, close): a CLI that calls
 *   process.exit right after has lost nothing, and no worker-thread transport has to survive bundling;
 * - no process holds the file open, so when one process rotates, the others' next lines go to the
 *   new file instead of a renamed or deleted one (pino-roll keeps a descriptor and deletes files
 *   other processes may still be writing to; winston and rotating-file-stream buffer writes that a
 *   process.exit drops);
 * - its size rotation takes our own archive step, which keeps a bounded number of numbered files.
 * Rotation is serialised across processes by a lock file (see rotate), so no line is lost to it.
 */

export type LoggingProcess = 'app' | 'cli';

export interface ErrorLog {
  /** The folder with the log files, as "Open log folder" shows it. */
  readonly folder: string;
  /**
   * An error the user was shown at `where` (a channel, a CLI command), with what caused it and
   * any facts that place it (the rows of a batch it failed, ...).
   */
  failed(where: string, error: AppError, more?: { cause?: unknown; facts?: Record<string, unknown> }): void;
  /** Something the user did not see as an error but a supporter needs (a batch's totals, ...). */
  note(where: string, facts: Record<string, unknown>): void;
  /** The current log file, created if nothing was written yet, for the file manager to select. */
  currentFile(): string;
}

export const LOG_FILE_NAME = 'wxacode.log';
/** One file's size before it is rotated; about 4,000 error lines. */
const MAX_FILE_BYTES = 1024 * 1024;
/** Rotated files kept besides the current one: wxacode.1.log (newest) … wxacode.5.log. */
const KEPT_FILES = 5;
/** Causes followed (cause of a cause …) before the chain is cut: enough for undici's nesting. */
const MOST_CAUSES = 5;
const STACK_LINES = 8;

export const logFolder = (dataDir: string): string => join(dataDir, 'logs');

const rotated = (folder: string, n: number) => join(folder, `wxacode.${n}.log`);

/** A rotation left half done by a killed process stops holding the others up after this long. */
const ROTATION_LOCK_STALE_MS = 10_000;

/**
 * Moves wxacode.log to wxacode.1.log, shifting older ones up and dropping the oldest. One process
 * rotates at a time (an exclusive lock file beside the logs): two shifting at once would rename
 * over files the other had not moved yet, losing their lines. A process that finds the lock taken
 * skips its turn; its next line appends to whichever file is current, and nothing is lost.
 */
export function rotate(folder: string, maxBytes: number, kept: number): void {
  const current = join(folder, LOG_FILE_NAME);
  const lock = join(folder, '.rotating');
  let held: number;
  try {
    held = openSync(lock, 'wx');
  } catch {
    try {
      if (Date.now() - statSync(lock).mtimeMs > ROTATION_LOCK_STALE_MS) rmSync(lock, { force: true });
    } catch {
      // Released meanwhile.
    }
    return;
  }
  try {
    // Measured again under the lock: another process may have rotated a moment ago.
    if (statSync(current).size < maxBytes) return;
    for (let n = kept - 1; n >= 1; n--) {
      try {
        renameSync(rotated(folder, n), rotated(folder, n + 1));
      } catch {
        // A gap in the numbers (a file removed by hand) is not a reason to stop.
      }
    }
    renameSync(current, rotated(folder, 1));
  } catch {
    // Not movable (or gone): the next line appends as usual.
  } finally {
    closeSync(held);
    rmSync(lock, { force: true });
  }
}

/** One line of the log, as a supporter (or a test) reads it back. */
export interface LogRecord {
  time: string;
  process: LoggingProcess;
  pid: number;
  level: 'error' | 'info';
  /** The channel (`code:generate`), CLI command (`generate`), `batch` or `startup`. */
  where: string;
  code?: string;
  errcode?: number;
  field?: string;
  /** The English message the user was shown. */
  message?: string;
  errmsg?: string;
  cause?: CauseRecord[];
  /** Facts that place an error or a note: a batch's id, its totals, the rows a failure group covers, … */
  [fact: string]: unknown;
}

interface CauseRecord {
  name?: string;
  code?: string | number;
  message?: string;
  /** For a Failure inside the chain: its user-facing code and errcode. */
  errcode?: number;
  /** Codes of the errors an AggregateError holds (each address undici tried). */
  errors?: (string | number | undefined)[];
  stack?: string;
}

/** What caused an error, as far down as it goes: names, codes and messages a supporter can look up. */
export function causeChain(cause: unknown): CauseRecord[] {
  const chain: CauseRecord[] = [];
  let current = cause;
  while (current !== undefined && current !== null && chain.length < MOST_CAUSES) {
    if (current instanceof Failure) {
      chain.push({ name: 'Failure', code: current.error.code, errcode: current.error.errcode });
    } else if (current instanceof Error) {
      const { code } = current as { code?: string | number };
      const record: CauseRecord = { name: current.name, message: current.message };
      if (code !== undefined) record.code = code;
      if (current instanceof AggregateError) {
        record.errors = current.errors.map((e) => (e as { code?: string | number })?.code);
      }
      // Only where the app itself went wrong does the stack help; a network error's is undici's.
      if (chain.length === 0 && code === undefined && current.stack) {
        record.stack = current.stack.split('\n').slice(1, STACK_LINES).join('\n');
      }
      chain.push(record);
    } else {
      chain.push({ message: String(current) });
      break;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

/** The facts of a user-facing error; the English message only (the Chinese says the same). */
function errorFacts(error: AppError): Record<string, unknown> {
  return {
    code: error.code,
    ...(error.errcode !== undefined ? { errcode: error.errcode } : {}),
    ...(error.field !== undefined ? { field: error.field } : {}),
    message: error.message.en,
    ...(error.errmsg ? { errmsg: error.errmsg } : {}),
  };
}

export interface ErrorLogOptions {
  dataDir: string;
  process: LoggingProcess;
  /** Default 1 MiB and 5 rotated files; tests make rotation happen with less. */
  maxFileBytes?: number;
  keptFiles?: number;
}

let loggers = 0;

export function openErrorLog(options: ErrorLogOptions): ErrorLog {
  const folder = logFolder(options.dataDir);
  const file = join(folder, LOG_FILE_NAME);
  const maxBytes = options.maxFileBytes ?? MAX_FILE_BYTES;
  const kept = options.keptFiles ?? KEPT_FILES;
  const logger = electronLog.create({ logId: `wxacode-${options.process}-${++loggers}` });
  // The log is for the file only: the CLI prints its own errors, and a failure to log stays quiet.
  logger.transports.console.level = false;
  logger.transports.console.writeFn = () => {};
  for (const name of ['ipc', 'remote'] as const) {
    const transport = (logger.transports as Record<string, { level: unknown } | null>)[name];
    if (transport) transport.level = false;
  }
  const fileTransport = logger.transports.file;
  fileTransport.resolvePathFn = () => file;
  fileTransport.maxSize = maxBytes;
  fileTransport.archiveLogFn = () => rotate(folder, maxBytes, kept);
  fileTransport.transforms = [
    ({ data, message }) =>
      redact(
        JSON.stringify({
          time: (message.date ?? new Date()).toISOString(),
          process: options.process,
          pid: process.pid,
          level: message.level,
          ...(data[0] as Record<string, unknown>),
        }),
      ),
  ];

  const write = (level: 'error' | 'info', record: Record<string, unknown>) => {
    try {
      logger[level](record);
    } catch {
      // Logging must never be why something the user asked for fails.
    }
  };

  return {
    folder,
    failed(where, error, more = {}) {
      // A Failure is the error itself: what it carries as its cause is what went wrong below it.
      const cause = more.cause instanceof Failure ? more.cause.cause : more.cause;
      const chain = causeChain(cause);
      write('error', {
        where,
        ...errorFacts(error),
        ...more.facts,
        ...(chain.length ? { cause: chain } : {}),
      });
    },
    note(where, facts) {
      write('info', { where, ...facts });
    },
    currentFile() {
      try {
        mkdirSync(folder, { recursive: true });
        appendFileSync(file, '');
        return file;
      } catch (cause) {
        throw new Failure(appError('file', { path: file, detail: (cause as { code?: string }).code ?? '' }), {
          cause,
        });
      }
    },
  };
}
