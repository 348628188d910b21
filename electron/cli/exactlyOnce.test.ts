import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SANDBOX_SECRET } from '../core/tokens/accountTokens';
import { type RunningSandbox, startSandbox } from '../sandbox';
import { call, decodePicture, readQr } from '../sandbox/testing';
import { runCli, startCli, until } from '../testing/cli';
import { tempFolderFor } from '../testing/tempFolder';
import { openTestApp, succeeded, type TestApp } from '../testing/testApp';

// Every test here starts the CLI as its own process or several: seconds each on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

// Codes are paid for once whatever runs at the same time on one data folder: CLI processes, the app.

const APPID = 'wx0123456789abcdef';
const ENV = { WXACODE_APPSECRET: SANDBOX_SECRET };

let sandbox: RunningSandbox | undefined;
let app: TestApp | undefined;
afterEach(async () => {
  await sandbox?.close();
  await app?.close();
  sandbox = undefined;
  app = undefined;
});

const scenes = (count: number) => Array.from({ length: count }, (_, i) => `id=${i + 1}`);

async function sceneSheet(folder: string, count: number): Promise<string> {
  const csv = join(folder, 'stores.csv');
  await writeFile(csv, `scene\n${scenes(count).join('\n')}\n`);
  return csv;
}

const pngsIn = async (folder: string) => (await readdir(folder)).filter((f) => f.endsWith('.png'));

describe('two processes, one data folder', () => {
  it('two CLI batches of the same 200 rows at once pay for each code once, and both folders are complete', async (test) => {
    sandbox = await startSandbox({ appSecret: SANDBOX_SECRET });
    const home = await tempFolderFor(test, 'once');
    const csv = await sceneSheet(home, 200);
    const creds = ['--appid', APPID, '--api-base', sandbox.url];
    const [a, b] = await Promise.all(
      ['a', 'b'].map((name) => runCli(['batch', csv, '--out', join(home, name), ...creds], home, ENV)),
    );
    expect(a!.stderr).not.toContain('Fix:');
    expect([a!.code, b!.code]).toEqual([0, 0]);
    expect(sandbox.stats().getwxacodeunlimit).toBe(200);
    for (const name of ['a', 'b']) {
      expect(await pngsIn(join(home, name))).toHaveLength(200);
      const picture = decodePicture(await readFile(join(home, name, '200.png')));
      expect(readQr(picture)?.data).toBe('pages/index/index?scene=id=199');
    }
  }, 120_000);

  it('a CLI batch and 60 generates from the app racing it for the same codes make 60 calls', async () => {
    app = await openTestApp();
    const csv = await sceneSheet(app.dataDir, 60);
    const batch = startCli(
      [
        'batch',
        csv,
        '--out',
        join(app.dataDir, 'out'),
        '--rate-per-minute',
        '600',
        '--appid',
        APPID,
        '--api-base',
        app.sandbox.url,
      ],
      app.dataDir,
      ENV,
    );
    // Once the batch is making codes, from row 1 on, the app asks for the same codes from the last one
    // back: they meet in the middle.
    const sandboxOfApp = app.sandbox;
    await until(() => sandboxOfApp.stats().getwxacodeunlimit >= 1);
    const generated = await Promise.all(
      scenes(60)
        .reverse()
        .map((scene) =>
          app!.call('code:generate', { accountId: 'sandbox', request: { kind: 'unlimited', scene } }),
        ),
    );
    const run = await batch.done;
    expect(run.stderr).not.toContain('Fix:');
    expect(run.code).toBe(0);
    for (const result of generated) expect(succeeded(result).width).toBe(430);
    expect(app.sandbox.stats().getwxacodeunlimit).toBe(60);
    expect(await pngsIn(join(app.dataDir, 'out'))).toHaveLength(60);
  }, 90_000);
});

describe('a batch killed while WeChat is making a code', () => {
  it('says on resume how many codes may have been paid for without being received', async (test) => {
    sandbox = await startSandbox({ appSecret: SANDBOX_SECRET });
    const home = await tempFolderFor(test, 'once');
    const csv = join(home, 'stores.csv');
    await writeFile(csv, `path\n${[1, 2, 3, 4].map((i) => `pages/index/index?id=${i}`).join('\n')}\n`);
    const args = ['batch', csv, '--out', join(home, 'out'), '--yes', '--concurrency', '1'];
    const creds = ['--appid', APPID, '--api-base', sandbox.url];
    // The first call hangs, as WeChat's sometimes do: the kill lands while it is in flight.
    await call(`${sandbox.url}/__sandbox/faults`, {
      body: { faults: [{ endpoint: 'getwxacode', kind: 'stall', ms: 20_000, times: 1 }] },
    });
    const first = startCli([...args, ...creds], home, ENV);
    const running = sandbox;
    await until(() => running.stats().getwxacode >= 1);
    // Meanwhile the batch cannot be resumed elsewhere: one live process holds its journal.
    const meanwhile = await runCli([...args, '--resume', ...creds], home, ENV);
    expect(meanwhile.code).toBe(2);
    expect(meanwhile.stderr).toContain(`is being run by process ${first.child.pid} on`);
    first.child.kill('SIGKILL');
    expect((await first.done).signal).toBe('SIGKILL');

    const resumed = await runCli([...args, '--resume', ...creds], home, ENV);
    expect(resumed.stderr).toContain(
      'Note: 1 code(s) may have been paid for without being received: the earlier run was stopped while WeChat was making them. Resuming makes them again.',
    );
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain('4 rows done');
    // The stalled call, then the four codes.
    expect(sandbox.stats().getwxacode).toBe(1 + 4);
    expect(await pngsIn(join(home, 'out'))).toHaveLength(4);
    expect(await readdir(join(home, 'batches'))).toEqual([]);
  }, 90_000);
});
