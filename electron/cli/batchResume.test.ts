import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { type RunningSandbox, startSandbox } from '../sandbox';
import { decodePicture, readQr } from '../sandbox/testing';
import { runCli, startCli } from '../testing/cli';
import { tempFolderFor } from '../testing/tempFolder';

// Every test here starts the CLI as its own process or several: seconds each on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
});

const DISTINCT = 12;
const path = (i: number) => `pages/index/index?id=${i}`;

it('a batch killed with SIGKILL mid-run resumes with --resume: every row once, no limited call repeated', async (test) => {
  sandbox = await startSandbox();
  const home = await tempFolderFor(test, 'batch-kill');
  const rows = Array.from({ length: DISTINCT }, (_, i) => path(i + 1));
  rows.splice(3, 0, path(1));
  rows.push(path(2));
  const csv = join(home, 'stores.csv');
  await writeFile(csv, `path\n${rows.join('\n')}\n`);
  const out = join(home, 'out');
  const args = [
    'batch',
    csv,
    '--out',
    out,
    '--yes',
    '--appid',
    'wx0123456789abcdef',
    '--api-base',
    sandbox.url,
  ];
  const env = { WXACODE_APPSECRET: 'sandbox-secret' };

  // One call every 300 ms: the kill lands between calls, after the fifth code is safely recorded.
  const first = startCli([...args, '--rate-per-minute', '200', '--concurrency', '1'], home, env);
  const running = sandbox;
  await new Promise<void>((resolve) => {
    const poll = setInterval(() => {
      if (running.stats().getwxacode < 5) return;
      clearInterval(poll);
      setTimeout(() => {
        first.child.kill('SIGKILL');
        resolve();
      }, 150);
    }, 5);
  });
  const killed = await first.done;
  expect(killed.signal).toBe('SIGKILL');
  const madeBeforeKill = sandbox.stats().getwxacode;
  expect(madeBeforeKill).toBeGreaterThanOrEqual(5);
  expect(madeBeforeKill).toBeLessThan(DISTINCT);
  const [batch] = await readdir(join(home, 'batches'));
  const journal = await readFile(join(home, 'batches', batch!, 'journal.jsonl'), 'utf8');
  expect(journal.trim().split('\n').length).toBeGreaterThanOrEqual(madeBeforeKill);

  const resumed = await runCli([...args, '--resume'], home, env);
  expect(resumed.stderr).not.toContain('Fix:');
  expect(resumed.code).toBe(0);
  expect(resumed.stdout).toContain(`${DISTINCT - madeBeforeKill} new codes to make`);
  expect(resumed.stdout).toContain(`${rows.length} rows done`);
  expect(sandbox.stats()).toMatchObject({ getwxacode: DISTINCT, numUsed: DISTINCT });

  const results = (await readFile(join(out, 'results.csv'), 'utf8')).trim().split('\r\n').slice(1);
  expect(results).toHaveLength(rows.length);
  for (const [index, expected] of rows.entries()) {
    expect(results[index]).toMatch(new RegExp(`^${index + 2},done,${index + 2}\\.png,`));
    const picture = decodePicture(await readFile(join(out, `${index + 2}.png`)));
    expect(readQr(picture)?.data).toBe(expected);
  }
  expect((await readdir(out)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  expect(await readdir(join(home, 'batches'))).toEqual([]);
});
