import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { unfinishedBatches, unreceivedCodes } from '../core/batch/journal';
import { Library } from '../core/storage/library';
import { decodePicture, readQr } from '../sandbox/testing';
import { cliWorlds, runCli, startCli, until } from '../testing/cli';

// Rows write their files and journal entries behind the calls (see RowScheduler): a kill lands
// while many rows are answered and not yet on disk. Nothing recorded done may lack its file, and
// the resumed run pays again for no code the killed one received.

vi.setConfig({ testTimeout: 120_000 });

const setup = cliWorlds('write-behind');
const ROWS = 80;
const path = (i: number) => `pages/index/index?id=${i}`;

it('a batch killed with SIGKILL while rows write behind: every row journaled has its file; the resume pays for no code twice', async () => {
  const { sandbox, home, creds } = await setup();
  const csv = join(home, 'stores.csv');
  await writeFile(csv, `path\n${Array.from({ length: ROWS }, (_, i) => path(i + 1)).join('\n')}\n`);
  const out = join(home, 'out');
  const args = ['batch', csv, '--out', out, '--yes', ...creds];
  const env = { WXACODE_APPSECRET: 'sandbox-secret' };

  // Limited codes (each one quota) at full speed, eight calls at once: killed mid-stream.
  const first = startCli([...args, '--concurrency', '8', '--rate-per-minute', '0'], home, env);
  await until(() => sandbox.stats().getwxacode >= 30);
  first.child.kill('SIGKILL');
  const killed = await first.done;
  expect(killed.signal).toBe('SIGKILL');
  const paidBeforeKill = sandbox.stats().getwxacode;
  expect(paidBeforeKill).toBeLessThan(ROWS);

  // Every row the journal calls done has its file, the very code of its row.
  const [batch] = await unfinishedBatches(home);
  const journal = (await readFile(join(home, 'batches', batch!.manifest.id, 'journal.jsonl'), 'utf8'))
    .split('\n')
    .flatMap((line) => {
      try {
        const entry = JSON.parse(line) as { row?: number; file?: string };
        return entry.file ? [entry as { row: number; file: string }] : [];
      } catch {
        return [];
      }
    });
  expect(journal.length).toBe(batch!.finished);
  for (const entry of journal) {
    const picture = decodePicture(await readFile(join(out, entry.file)));
    expect(readQr(picture)?.data).toBe(path(entry.row - 1));
  }
  // Calls sent and never received (killed mid-call) are the only ones a resume may pay again.
  const library = await Library.open(join(home, 'library'));
  const unreceived = await unreceivedCodes(batch!.unansweredCalls, library);
  library.close();
  expect(unreceived).toBeLessThanOrEqual(8);

  const resumed = await runCli([...args, '--resume'], home, env);
  expect(resumed.stderr).not.toContain('Fix:');
  expect(resumed.code).toBe(0);
  expect(resumed.stdout).toContain(`${ROWS} rows done`);
  const paid = sandbox.stats().getwxacode;
  expect(paid).toBeGreaterThanOrEqual(ROWS);
  expect(paid - ROWS).toBeLessThanOrEqual(unreceived);
  for (let i = 1; i <= ROWS; i++) {
    expect(readQr(decodePicture(await readFile(join(out, `${i + 1}.png`))))?.data).toBe(path(i));
  }
});
