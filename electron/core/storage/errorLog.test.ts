import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appError } from '../../../shared/errors';
import { rememberSecret } from '../../../shared/redact';
import { type RunningSandbox, startSandbox } from '../../sandbox';
import { call } from '../../sandbox/testing';
import { failureOf, readLog } from '../../testing/assertions';
import { type TempFolder, tempFolder } from '../../testing/tempFolder';
import { send } from '../wechat/http';
import { LOG_FILE_NAME, openErrorLog } from './errorLog';

vi.setConfig({ testTimeout: 60_000 });

const LINES_EACH = 1000;

let folder: TempFolder;
let dir: string;
let sandbox: RunningSandbox;
beforeAll(async () => {
  folder = await tempFolder('log');
  dir = folder.path;
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
  await folder.remove();
});

describe('the error log', () => {
  it('writes one JSON line per error: time, process, level, code, errcode, field, message and the cause chain', async () => {
    const home = join(dir, 'lines');
    const log = openErrorLog({ dataDir: home, process: 'app' });
    // A real timeout and a real refused connection, as http.ts reports them.
    await call(`${sandbox.url}/__sandbox/faults`, {
      body: { faults: [{ endpoint: 'getwxacode', kind: 'stall', ms: 5000 }] },
    });
    const timeout = await failureOf(
      send('POST', `${sandbox.url}/wxa/getwxacode?access_token=T0KEN`, {}, { timeoutMs: 200 }),
    );
    log.failed('code:generate', timeout.error, { cause: timeout });
    const refused = await failureOf(send('GET', 'http://127.0.0.1:9/token?key=abc', undefined));
    log.failed('accounts:test', refused.error, { cause: refused });
    log.failed('code:generate', appError('internal'), { cause: new TypeError('x is not a function') });
    log.failed('batch:plan', { ...appError('internal'), code: 'field', field: 'width' });

    const { files, lines } = await readLog(home);
    expect(files).toEqual([LOG_FILE_NAME]);
    expect(lines.map((l) => [l.process, l.pid, l.level, l.where, l.code])).toEqual([
      ['app', process.pid, 'error', 'code:generate', 'timeout'],
      ['app', process.pid, 'error', 'accounts:test', 'network'],
      ['app', process.pid, 'error', 'code:generate', 'internal'],
      ['app', process.pid, 'error', 'batch:plan', 'field'],
    ]);
    expect(Date.parse(lines[0]!.time)).not.toBeNaN();
    expect(lines[0]!.message).toMatch(/did not answer within 0 seconds|did not answer/);
    expect(lines[0]!.cause?.[0]?.name).toMatch(/TimeoutError|AbortError/);
    expect(lines[1]!.cause?.[0]?.code).toBe('ECONNREFUSED');
    // Where the app itself went wrong, the stack says where; a network error's would be undici's.
    expect(lines[2]!.cause?.[0]).toMatchObject({ name: 'TypeError', message: 'x is not a function' });
    expect(lines[2]!.cause?.[0]?.stack).toContain('errorLog.test.ts');
    expect(lines[1]!.cause?.[0]?.stack).toBeUndefined();
    expect(lines[3]!.field).toBe('width');
    const text = await readFile(join(home, 'logs', LOG_FILE_NAME), 'utf8');
    expect(text).not.toContain('T0KEN');
    expect(text).not.toContain('abc');
  });

  it('never writes a secret the process holds, nor anything named like a credential', async () => {
    const home = join(dir, 'secrets');
    const secret = `s3cret-${Date.now()}-value`;
    rememberSecret(secret);
    const log = openErrorLog({ dataDir: home, process: 'cli' });
    const cause = new Error(`stable_token refused ${secret} (${encodeURIComponent(`${secret}/x`)})`, {
      cause: new Error(
        'GET https://ops:hunter22@tokens.example.com/t?credential=c1 Authorization: Bearer b1b1b1',
      ),
    });
    log.failed('generate', appError('token-service', { detail: `answered ${JSON.stringify({ secret })}` }), {
      cause,
    });
    const text = await readFile(join(home, 'logs', LOG_FILE_NAME), 'utf8');
    for (const leak of [secret, encodeURIComponent(secret), 'hunter22', 'c1 ', 'b1b1b1']) {
      expect(text).not.toContain(leak);
    }
    const [line] = (await readLog(home)).lines;
    expect(line?.cause?.map((c) => c.message)).toEqual([
      'stable_token refused *** (***%2Fx)',
      'GET https://tokens.example.com/t?credential=*** Authorization: Bearer ***',
    ]);
  });

  it('rotates by size and keeps a bounded number of files, the newest lines in wxacode.log', async () => {
    const home = join(dir, 'rotation');
    const log = openErrorLog({ dataDir: home, process: 'app', maxFileBytes: 2000, keptFiles: 3 });
    for (let seq = 0; seq < 200; seq++) log.note('test', { seq });
    const { files } = await readLog(home);
    expect(files).toEqual(['wxacode.1.log', 'wxacode.2.log', 'wxacode.3.log', LOG_FILE_NAME]);
    const last = (await readFile(join(home, 'logs', LOG_FILE_NAME), 'utf8')).trim().split('\n').at(-1);
    expect(JSON.parse(last!).seq).toBe(199);
    const oldest = (await readFile(join(home, 'logs', 'wxacode.3.log'), 'utf8')).trim().split('\n');
    const newest = (await readFile(join(home, 'logs', 'wxacode.1.log'), 'utf8')).trim().split('\n');
    expect(JSON.parse(oldest.at(-1)!).seq).toBeLessThan(JSON.parse(newest[0]!).seq);
  });

  it('keeps every line of two processes writing at once through rotations, and of one that exits at once', async () => {
    const home = join(dir, 'two-processes');
    const writer = join(dir, 'writer.mts');
    const go = join(dir, 'go');
    // Small files so both processes rotate many times; enough kept that none is dropped. Both wait
    // for the go file, so their writes overlap; each exits the moment its last line is written.
    await writeFile(
      writer,
      `import { existsSync } from 'node:fs';
import { openErrorLog } from ${JSON.stringify(resolve('electron/core/storage/errorLog.ts'))};
const log = openErrorLog({ dataDir: process.argv[2], process: 'cli', maxFileBytes: 10000, keptFiles: 1000 });
process.stdout.write('ready\\n');
while (!existsSync(${JSON.stringify(go)})) await new Promise((r) => setTimeout(r, 2));
for (let seq = 0; seq < ${LINES_EACH}; seq++) log.note('test', { seq });
process.exit(0);
`,
    );
    const children = [0, 1].map(() => spawn(process.execPath, ['--import', 'tsx', writer, home]));
    const ready = (child: (typeof children)[number]) =>
      new Promise((answered) => {
        child.stdout.once('data', answered);
        child.once('close', answered);
      });
    await Promise.all(children.map(ready));
    await writeFile(go, '');
    const codes = await Promise.all(children.map((child) => new Promise((done) => child.on('close', done))));
    expect(codes).toEqual([0, 0]);
    const { files, lines } = await readLog(home);
    // Many rotations (a process skips its turn while the other rotates, so fewer than one per 10 kB).
    expect(files.length).toBeGreaterThan(5);
    const pids = [...new Set(lines.map((l) => l.pid))];
    expect(pids).toHaveLength(2);
    for (const pid of pids) {
      const seqs = lines.filter((l) => l.pid === pid).map((l) => l.seq);
      expect(new Set(seqs).size).toBe(LINES_EACH);
    }
  });

  it('creates the log file for the file manager to show before anything was written', async () => {
    const home = join(dir, 'fresh');
    const log = openErrorLog({ dataDir: home, process: 'app' });
    expect(log.currentFile()).toBe(join(home, 'logs', LOG_FILE_NAME));
    expect(await readFile(log.currentFile(), 'utf8')).toBe('');
    expect(log.folder).toBe(join(home, 'logs'));
  });
});
