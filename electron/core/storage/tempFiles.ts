import { readdir, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { isStale } from './claims';

/** What writeFileAtomic names its temp files, the writer's pid included since it does. */
const TEMP = /^\..+\.(?:(\d+)-)?[0-9a-f]{12}\.tmp$/;
/** A temp file older than this is left over whoever wrote it: a write takes seconds at most. */
const ABANDONED_MS = 60 * 60_000;
/** Without a pid in its name (older versions), a temp file this old is no longer being written. */
const UNNAMED_ABANDONED_MS = 10 * 60_000;

/**
 * Removes the temp files writes left behind when their process was killed mid-write, in `folder`
 * and its subfolders down to `depth`. Another live process's temp files are left alone: the app
 * and CLI processes share the data folder. Returns how many were removed.
 */
export async function sweepTemps(folder: string, depth = 0): Promise<number> {
  let names: import('node:fs').Dirent[];
  try {
    names = await readdir(folder, { withFileTypes: true });
  } catch {
    return 0;
  }
  let removed = 0;
  for (const item of names) {
    const path = join(folder, item.name);
    if (item.isDirectory()) {
      if (depth > 0) removed += await sweepTemps(path, depth - 1);
      continue;
    }
    const match = TEMP.exec(item.name);
    if (!match || !(await abandoned(path, match[1]))) continue;
    await rm(path, { force: true });
    removed++;
  }
  return removed;
}

async function abandoned(path: string, pid: string | undefined): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return false;
  const age = Date.now() - info.mtimeMs;
  if (pid === undefined) return age > UNNAMED_ABANDONED_MS;
  if (Number(pid) === process.pid) return false;
  return (
    age > ABANDONED_MS || isStale({ pid: Number(pid), host: hostname(), since: info.mtime.toISOString() })
  );
}
