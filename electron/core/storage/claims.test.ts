import { readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempFolderFor } from '../../testing/tempFolder';
import { Claims, takeFile } from './claims';

let dir: string;
beforeEach(async (test) => {
  dir = await tempFolderFor(test, 'claims');
});

/** A lock as a process that has since died (or, with an old date, one whose pid was reused) left it. */
const leftBy = (pid: number, since = new Date().toISOString()) =>
  JSON.stringify({ pid, host: hostname(), since });
/** A pid no process has: above Linux's largest. */
const DEAD_PID = 4_194_305;

describe('takeFile', () => {
  it('gives a lock to exactly one of many takers at once; the others learn who holds it', async () => {
    const lock = join(dir, 'lock');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => takeFile(lock, { about: { input: 'a.csv' } })),
    );
    const taken = results.filter((r) => r.taken);
    expect(taken).toHaveLength(1);
    for (const r of results.filter((r) => !r.taken)) {
      expect(r.taken === false && r.holder).toMatchObject({ pid: process.pid, about: { input: 'a.csv' } });
    }
    if (taken[0]?.taken) await taken[0].release();
    expect((await takeFile(lock)).taken).toBe(true);
  });

  it('takes over a lock whose holder died, exactly once among many takers', async () => {
    const lock = join(dir, 'lock');
    await writeFile(lock, leftBy(DEAD_PID));
    const results = await Promise.all(Array.from({ length: 20 }, () => takeFile(lock)));
    expect(results.filter((r) => r.taken)).toHaveLength(1);
    expect(JSON.parse(await readFile(lock, 'utf8')).pid).toBe(process.pid);
  });

  it('takes over a live process’s lock only past the age given', async () => {
    const lock = join(dir, 'lock');
    await writeFile(lock, leftBy(process.pid, new Date(Date.now() - 1000).toISOString()));
    expect((await takeFile(lock)).taken).toBe(false);
    expect((await takeFile(lock, { staleAfterMs: 500 })).taken).toBe(true);
  });

  it.skipIf(process.platform !== 'linux')(
    'takes over a lock whose pid now belongs to a process started after it was taken (reused after a restart)',
    async () => {
      const lock = join(dir, 'lock');
      // The test runner's process is alive, but it did not exist a day ago.
      await writeFile(lock, leftBy(process.ppid, new Date(Date.now() - 86_400_000).toISOString()));
      expect((await takeFile(lock)).taken).toBe(true);
      await writeFile(lock, leftBy(process.ppid));
      expect((await takeFile(lock)).taken).toBe(false);
    },
  );

  it('a release after a takeover leaves the new holder’s lock in place', async () => {
    const lock = join(dir, 'lock');
    const first = await takeFile(lock);
    expect(first.taken).toBe(true);
    // As if the first holder had been judged stale and another process took over.
    await writeFile(lock, leftBy(process.ppid));
    if (first.taken) await first.release();
    expect(JSON.parse(await readFile(lock, 'utf8')).pid).toBe(process.ppid);
  });

  it('a call’s claim released at once is gone, and the next taker gets it', async () => {
    const claims = new Claims(join(dir, 'claims'));
    const first = await claims.take('key');
    expect(first.taken).toBe(true);
    expect((await claims.take('key')).taken).toBe(false);
    if (first.taken) await first.release();
    await expect(readFile(join(dir, 'claims', 'key'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    const second = await claims.take('key');
    expect(second.taken).toBe(true);
    if (second.taken) await second.release();
  });

  it('a claim held past its plain-release time is released under the guard: a new holder’s lock stays', async () => {
    const lock = join(dir, 'lock');
    const first = await takeFile(lock, { plainReleaseWithinMs: 50 });
    expect(first.taken).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    // As if the first holder had been judged stale and another process took over.
    await writeFile(lock, leftBy(process.ppid));
    if (first.taken) await first.release();
    expect(JSON.parse(await readFile(lock, 'utf8')).pid).toBe(process.ppid);
  });

  for (const [what, shift] of [
    ['slept an hour (its wall clock ran on, its monotonic clock stood still)', 60 * 60_000],
    ['had its clock set back', -60_000],
  ] as const) {
    it(`a fresh claim of a computer that ${what} is released under the guard`, async () => {
      const lock = join(dir, 'lock');
      const first = await takeFile(lock, { plainReleaseWithinMs: 10_000 });
      expect(first.taken).toBe(true);
      // While it slept, another process found the claim silent and took it over.
      await writeFile(lock, leftBy(process.ppid));
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + shift });
      try {
        if (first.taken) await first.release();
      } finally {
        vi.useRealTimers();
      }
      expect(JSON.parse(await readFile(lock, 'utf8')).pid).toBe(process.ppid);
    });
  }

  it('a release waits for a takeover under way and then leaves the new holder’s lock', async () => {
    const lock = join(dir, 'lock');
    const first = await takeFile(lock);
    expect(first.taken).toBe(true);
    // Another process is taking the lock over right now (it holds the takeover guard).
    await writeFile(`${lock}.takeover`, '');
    const released = first.taken ? first.release() : Promise.resolve();
    await new Promise((r) => setTimeout(r, 50));
    await writeFile(lock, leftBy(process.ppid));
    await rm(`${lock}.takeover`);
    await released;
    expect(JSON.parse(await readFile(lock, 'utf8')).pid).toBe(process.ppid);
  });

  it('takes over a live pid’s lock that its holder stopped refreshing (a crash, then the pid reused)', async () => {
    const lock = join(dir, 'lock');
    // The test runner's process is alive, as a reused pid would be; the lock is not refreshed.
    await writeFile(lock, leftBy(process.ppid));
    expect((await takeFile(lock)).taken).toBe(false);
    const silent = new Date(Date.now() - 3 * 60_000);
    await utimes(lock, silent, silent);
    const taken = await takeFile(lock);
    expect(taken.taken).toBe(true);
    expect(JSON.parse(await readFile(lock, 'utf8')).pid).toBe(process.pid);
    if (taken.taken) await taken.release();
  });
});
