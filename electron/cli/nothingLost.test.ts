import { mkdir, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { call, decodePicture, readQr } from '../sandbox/testing';
import { cliWorlds, runCli, startCli, until } from '../testing/cli';

// Every test here starts the CLI as its own process or several: seconds each on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

// A code WeChat made is never dropped, and nothing is left behind: no temp files, no empty folder,
// no results file pointed to that is not there, no file of another batch replaced.

const SECRET = { WXACODE_APPSECRET: 'sandbox-secret' };

const setup = cliWorlds('kept');

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** The library cannot store images: a file stands where its image folder should be (as a full disk would refuse). */
async function breakLibrary(home: string): Promise<void> {
  await mkdir(join(home, 'library'), { recursive: true });
  await writeFile(join(home, 'library', 'png'), 'not a folder');
}

describe('when the library cannot be written', () => {
  it('generate still writes the PNG to --out and says the code is not in the library', async () => {
    const { sandbox, home, creds } = await setup();
    await breakLibrary(home);
    const out = join(home, 'code.png');
    const run = await runCli(['generate', '--out', out, '--scene', 'a=1', ...creds], home, SECRET);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Saved ${out} (430×430 PNG)`);
    expect(run.stderr).toContain('The code is not in the library:');
    expect(run.stderr).toContain('asking for the same code again calls WeChat again');
    expect(readQr(decodePicture(await readFile(out)))?.data).toBe('pages/index/index?scene=a=1');
    expect(sandbox.stats().getwxacodeunlimit).toBe(1);
  });

  it('a batch still writes every PNG to its folder and its summary says they are not in the library', async () => {
    const { sandbox, home, creds } = await setup();
    await breakLibrary(home);
    const csv = join(home, 'a.csv');
    await writeFile(csv, 'scene\na=1\na=2\n');
    const out = join(home, 'out');
    const run = await runCli(['batch', csv, '--out', out, ...creds], home, SECRET);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 rows done (0 from the library)');
    expect(run.stdout).toContain(`2 code(s) are in ${out} but not in the library.`);
    expect((await readdir(out)).sort()).toEqual(['2.png', '3.png', 'results.csv']);
    expect(sandbox.stats().getwxacodeunlimit).toBe(2);
  });
});

describe('temp files left by killed processes', () => {
  it('are swept from the data folder and the batch folder at start; a live process’s are left alone', async () => {
    const { home, creds } = await setup();
    const out = join(home, 'out');
    await mkdir(join(home, 'library', 'png'), { recursive: true });
    await mkdir(out);
    const dead = [
      join(home, '.settings.json.999999-0123456789ab.tmp'),
      join(home, 'library', 'png', '.abc.png.999999-0123456789ab.tmp'),
      join(out, '.2.png.999999-0123456789ab.tmp'),
    ];
    // Written by an older version, without a pid: judged by its age.
    const old = join(home, 'library', '.index.jsonl.0123456789ab.tmp');
    // This test's own process is alive: its temp file may be a write in progress.
    const live = join(home, 'library', `.index.jsonl.${process.pid}-0123456789ab.tmp`);
    for (const file of [...dead, old, live]) await writeFile(file, '');
    await utimes(old, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    const csv = join(home, 'a.csv');
    await writeFile(csv, 'scene\na=1\n');
    const run = await runCli(['batch', csv, '--out', out, ...creds], home, SECRET);
    expect(run.code).toBe(0);
    for (const file of [...dead, old]) expect(await exists(file)).toBe(false);
    expect(await exists(live)).toBe(true);
  });
});

describe('a batch that never started', () => {
  it('leaves no empty output folder behind', async () => {
    const { sandbox, home, creds } = await setup();
    // Its journal cannot be written: a file stands where the batches folder should be.
    await writeFile(join(home, 'batches'), '');
    const csv = join(home, 'a.csv');
    await writeFile(csv, 'scene\na=1\n');
    const out = join(home, 'out');
    const run = await runCli(['batch', csv, '--out', out, ...creds], home, SECRET);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain(`Could not write ${join(home, 'batches')}`);
    expect(await exists(out)).toBe(false);
    expect(sandbox.stats().getwxacodeunlimit).toBe(0);
  });
});

describe('a results CSV that cannot be written', () => {
  it('is reported as not written and never pointed to; the PNGs are made; exit 4', async () => {
    const { home, creds } = await setup();
    const out = join(home, 'out');
    await mkdir(join(out, 'results.csv'), { recursive: true });
    const csv = join(home, 'a.csv');
    await writeFile(csv, 'scene\na=1\n');
    const run = await runCli(['batch', csv, '--out', out, ...creds], home, SECRET);
    expect(run.code).toBe(4);
    expect(run.stdout).toContain('Results: the results CSV could not be written (see below why).');
    expect(run.stderr).toContain('The results CSV was not written: Could not write');
    expect(`${run.stdout}${run.stderr}`).not.toContain(`Results: ${join(out, 'results.csv')}`);
    expect(`${run.stdout}${run.stderr}`).not.toContain('The results CSV says which rows');
    expect(await exists(join(out, '2.png'))).toBe(true);
  });
});

describe('two batches, one folder', () => {
  it('a second batch is refused while another writes into the folder, naming the folder and the other batch', async () => {
    const { sandbox, home, creds } = await setup();
    const out = join(home, 'out');
    const first = join(home, 'first.csv');
    const second = join(home, 'second.csv');
    await writeFile(first, 'scene\na=1\n');
    await writeFile(second, 'scene\nb=1\n');
    // The first batch's call hangs: it is writing into the folder for as long as the test needs.
    await call(`${sandbox.url}/__sandbox/faults`, {
      body: { faults: [{ endpoint: 'getwxacodeunlimit', kind: 'stall', ms: 60_000, times: 1 }] },
    });
    const running = startCli(['batch', first, '--out', out, ...creds], home, SECRET);
    await until(() => sandbox.stats().getwxacodeunlimit >= 1);
    const refused = await runCli(['batch', second, '--out', out, ...creds], home, SECRET);
    running.child.kill('SIGKILL');
    await running.done;
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`Another batch (${first}, process ${running.child.pid} on`);
    expect(refused.stderr).toContain(`is writing into ${out} now.`);
    expect(refused.stderr).toContain('Choose another output folder, or wait until that batch finishes.');
    expect(sandbox.stats().getwxacodeunlimit).toBe(1);
    // Once the first is gone (here killed), the folder is free again.
    const later = await runCli(['batch', second, '--out', out, ...creds], home, SECRET);
    expect(later.code).toBe(0);
    expect(readQr(decodePicture(await readFile(join(out, '2.png'))))?.data).toBe(
      'pages/index/index?scene=b=1',
    );
  }, 90_000);

  it('a later batch does not replace a file of another code: that row fails, saying so', async () => {
    const { home, creds } = await setup();
    const out = join(home, 'out');
    const first = join(home, 'first.csv');
    const second = join(home, 'second.csv');
    await writeFile(first, 'scene\na=1\n');
    await writeFile(second, 'scene\na=1\nb=1\n');
    expect((await runCli(['batch', first, '--out', out, ...creds], home, SECRET)).code).toBe(0);
    const kept = await readFile(join(out, '2.png'));
    // Row 2 is the same code again (harmless); row 3's name is free. Then a third sheet clashes.
    expect((await runCli(['batch', second, '--out', out, ...creds], home, SECRET)).code).toBe(0);
    const third = join(home, 'third.csv');
    await writeFile(third, 'scene\nc=1\n');
    const run = await runCli(['batch', third, '--out', out, ...creds], home, SECRET);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain(
      `2.png already exists in ${out} with another code in it; it was not replaced.`,
    );
    expect(await readFile(join(out, '2.png'))).toEqual(kept);
    // Each later batch writes its own results beside the first one's, which stays as it was.
    expect(await readFile(join(out, 'results.csv'), 'utf8')).not.toContain('failed');
    const own = (await readdir(out)).filter((f) => /^results-\w+\.csv$/.test(f));
    expect(own).toHaveLength(2);
    const texts = await Promise.all(own.map((f) => readFile(join(out, f), 'utf8')));
    expect(texts.filter((t) => t.includes('2,failed,,,'))).toHaveLength(1);
  }, 90_000);
});
