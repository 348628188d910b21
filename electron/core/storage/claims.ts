import { readFileSync } from 'node:fs';
import { type FileHandle, mkdir, open, readFile, rm, stat, unlink, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';

/** Who holds a claim or a lock: enough to tell whether that process is still alive. */
export interface Holder {
  pid: number;
  host: string;
  /** When it was taken (ISO time). */
  since: string;
  /** Whatever the claimer wants another process to know (the batch, its spreadsheet, …). */
  about?: Record<string, string>;
}

/** Creating and writing a lock, or taking one over, takes milliseconds: one this old was abandoned. */
const ABANDONED_WRITE_MS = 10_000;
/** Takers that found a lock stale and lost the takeover to another try again this many times. */
const MAX_TAKEOVER_TRIES = 20;
/** A live holder touches its lock this often; one untouched for SILENT_AFTER_MS has no live holder. */
const HEARTBEAT_MS = 30_000;
const SILENT_AFTER_MS = 2 * 60_000;

export type Taken = { taken: true; release: () => Promise<void> } | { taken: false; holder: Holder };

export interface TakeOptions {
  about?: Record<string, string>;
  /**
   * A holder older than this is stale whatever its pid: it bounds the wait when a pid was reused by
   * another program after a crash, or when the holder runs on another computer sharing the folder.
   */
  staleAfterMs?: number;
  /**
   * Only for files every taker judges alike (Claims: each passes the same staleAfterMs, longer than
   * this): a release within this long of the take removes the file without the takeover guard. No
   * taker can have found it stale by then (its holder is alive, its file fresh, younger than any
   * taker's age limit), so none can have taken it over, and the file is surely this holder's: one
   * unlink instead of five file operations (guard, read, compare, unlink, unguard) per claim.
   */
  plainReleaseWithinMs?: number;
}

/**
 * How long since this was called, by the longer of two clocks. The monotonic clock does not run
 * while the computer sleeps, yet other takers' clocks do: a laptop that slept an hour mid-call
 * must not think its claim fresh. The wall clock runs through a sleep but can be set back, so a
 * negative reading of it counts as forever.
 */
function heldFor(): () => number {
  const monotonic = performance.now();
  const wall = Date.now();
  return () => {
    const byWall = Date.now() - wall;
    return byWall < 0 ? Number.POSITIVE_INFINITY : Math.max(byWall, performance.now() - monotonic);
  };
}

/**
 * Takes the file at `path` as a lock, atomically (O_EXCL): every process of the app and the CLI on
 * this data folder agrees who holds it. A lock whose holder died (a crash, kill -9) is taken over.
 */
export async function takeFile(path: string, options: TakeOptions = {}): Promise<Taken> {
  for (let attempt = 0; ; attempt++) {
    const mine: Holder = {
      pid: process.pid,
      host: hostname(),
      since: new Date().toISOString(),
      ...(options.about ? { about: options.about } : {}),
    };
    const text = JSON.stringify(mine);
    try {
      const file = await createFile(path);
      try {
        await file.writeFile(text);
      } catch (cause) {
        // A full disk: an empty claim would hold others off for nothing.
        await file.close();
        await rm(path, { force: true });
        throw cause;
      }
      await file.close();
      const heartbeat = setInterval(() => {
        const now = new Date();
        utimes(path, now, now).catch(() => {});
      }, HEARTBEAT_MS);
      heartbeat.unref();
      const held = heldFor();
      return {
        taken: true,
        release: () => {
          clearInterval(heartbeat);
          const plain = options.plainReleaseWithinMs;
          if (plain !== undefined && held() < plain) return removeFile(path);
          return releaseFile(path, text);
        },
      };
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
    }
    const found = await readHolder(path);
    if (found === 'gone') continue;
    if (!found || !isStaleLock(found, options.staleAfterMs) || attempt > MAX_TAKEOVER_TRIES) {
      return { taken: false, holder: found?.holder ?? { pid: 0, host: '', since: new Date().toISOString() } };
    }
    await takeOver(path, found.text);
  }
}

/**
 * Creates the lock file (O_EXCL). Its folder is made only when missing: a batch takes a claim per
 * row, and a mkdir each time is a file-system round trip each time for nothing.
 */
async function createFile(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'wx');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
  }
  await mkdir(dirname(path), { recursive: true });
  return open(path, 'wx');
}

/** Removes a file if it is there: unlink alone, where rm() looks at it (lstat) first. */
async function removeFile(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
  }
}

/** The live process holding the lock at `path`, if any. */
export async function liveHolder(path: string, staleAfterMs?: number): Promise<Holder | undefined> {
  const found = await readHolder(path);
  return found === 'gone' || !found || isStaleLock(found, staleAfterMs) ? undefined : found.holder;
}

/**
 * A lock whose holder stopped refreshing it is stale whatever its pid says: where a pid's start
 * time cannot be read (Windows, macOS, another computer), a crash and a reused pid would otherwise
 * hold it for ever.
 */
function isStaleLock(found: { holder: Holder; mtimeMs: number }, staleAfterMs?: number): boolean {
  return Date.now() - found.mtimeMs > SILENT_AFTER_MS || isStale(found.holder, staleAfterMs);
}

/** Whether the process that holds a claim may still be working on it. */
export function isStale(holder: Holder | undefined, staleAfterMs?: number): boolean {
  // Being written this instant by its taker (open, then write): not stale, it is brand new.
  if (!holder) return false;
  const age = Date.now() - Date.parse(holder.since);
  if (staleAfterMs !== undefined && age > staleAfterMs) return true;
  if (holder.host !== hostname()) return false;
  if (!processAlive(holder.pid)) return true;
  // After a restart, pids are handed out again: a process that started after the lock was taken
  // cannot be the one that took it.
  const started = processStart(holder.pid);
  return started !== undefined && started > Date.parse(holder.since) + START_SLACK_MS;
}

/** /proc's start times are in clock ticks from a boot time in whole seconds. */
const START_SLACK_MS = 2000;
/** Clock ticks per second: 100 on every Linux the app runs on (USER_HZ). */
const TICKS_PER_SECOND = 100;

/** When process `pid` started (ms since the epoch), where the system says (Linux); else undefined. */
function processStart(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, starttime field 22.
    const startTicks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[22 - 3]);
    const bootSeconds = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    const start = (bootSeconds + startTicks / TICKS_PER_SECOND) * 1000;
    return Number.isFinite(start) ? start : undefined;
  } catch {
    return undefined;
  }
}

function processAlive(pid: number): boolean {
  // 0 and negative numbers address process groups, never one process.
  if (pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    // EPERM: it exists but belongs to another user.
    return (cause as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes a stale lock so that a live one is never removed in its place: of several processes that
 * found it stale, only the one holding `<lock>.takeover` (O_EXCL) acts, and only if the lock is
 * still the stale one it read. The others try again and find the new holder.
 */
async function takeOver(path: string, staleText: string): Promise<void> {
  await underGuard(path, () => removeIf(path, staleText));
}

/**
 * Removes the lock only if it is still this taker's: under the takeover guard, so a takeover cannot
 * replace it between the look and the removal (which would remove the new holder's lock).
 */
async function releaseFile(path: string, text: string): Promise<void> {
  for (let attempt = 0; attempt <= MAX_TAKEOVER_TRIES * 10; attempt++) {
    if (await underGuard(path, () => removeIf(path, text))) return;
  }
  // Guarded for seconds on end: left in place, it goes stale with this process.
}

async function removeIf(path: string, text: string): Promise<void> {
  const now = await readFile(path, 'utf8').catch(() => undefined);
  if (now === text) await removeFile(path);
}

/**
 * Runs `act` holding `<lock>.takeover` (O_EXCL); false, after a short pause, when another process
 * holds it now.
 */
async function underGuard(path: string, act: () => Promise<void>): Promise<boolean> {
  const guard = `${path}.takeover`;
  try {
    await (await open(guard, 'wx')).close();
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
    // Its holder died mid-takeover (it takes milliseconds): clear it for the next try.
    const { mtimeMs } = await stat(guard).catch(() => ({ mtimeMs: Date.now() }));
    if (Date.now() - mtimeMs > ABANDONED_WRITE_MS) await removeFile(guard);
    await new Promise((resolve) => setTimeout(resolve, 10));
    return false;
  }
  try {
    await act();
    return true;
  } finally {
    await removeFile(guard);
  }
}

/** The lock's holder and its exact text; undefined while its taker is still writing it. */
async function readHolder(
  path: string,
): Promise<{ holder: Holder; text: string; mtimeMs: number } | undefined | 'gone'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw cause;
  }
  const { mtimeMs } = await stat(path).catch(() => ({ mtimeMs: Date.now() }));
  try {
    const holder = JSON.parse(text) as Holder;
    if (Number.isInteger(holder.pid) && typeof holder.since === 'string') return { holder, text, mtimeMs };
  } catch {
    // Empty or torn: its taker is writing it now, or died between creating and writing it.
  }
  // Judge such a file by its age alone: a taker writes its few bytes right after creating it.
  if (Date.now() - mtimeMs <= ABANDONED_WRITE_MS) return undefined;
  return { holder: { pid: 0, host: hostname(), since: new Date(0).toISOString() }, text, mtimeMs };
}

/**
 * The calls to WeChat under way in any process on this data folder, one file per request key:
 * before a call, its request is claimed, so no two processes pay for the same code at once.
 */
export class Claims {
  constructor(readonly dir: string) {}

  /** A call never outlasts this (the HTTP timeout is 30 s, retries included well under it). */
  static readonly STALE_AFTER_MS = 5 * 60_000;

  /**
   * A call's claim is released in well under this (a call takes a second or so): removed plainly,
   * see TakeOptions.plainReleaseWithinMs. Far below the shortest staleness (2 minutes of silence):
   * safe while the computers sharing the folder agree with its file server's clock to within 2
   * minutes less these 10 s. Clocks further apart than 2 minutes already let a taker judge a live
   * claim silent, with or without this.
   */
  static readonly PLAIN_RELEASE_WITHIN_MS = 10_000;

  take(key: string): Promise<Taken> {
    return takeFile(join(this.dir, key), {
      staleAfterMs: Claims.STALE_AFTER_MS,
      plainReleaseWithinMs: Claims.PLAIN_RELEASE_WITHIN_MS,
    });
  }
}
