import { randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BatchUpdate } from '../../shared/batch';
import type { Channel, ChannelResult } from '../../shared/ipc/channels';
import type { Result } from '../../shared/result';
import { type RunningSandbox, startSandbox } from '../sandbox';
import { call } from '../sandbox/testing';
import { readLog } from '../testing/assertions';
import { type Run, runCli } from '../testing/cli';
import { type TempFolder, tempFolder } from '../testing/tempFolder';
import { chooseFolder, openTestApp, succeeded, type TestApp } from '../testing/testApp';

// A scripted day of successes and failures through the app's handlers and the real CLI, sharing one
// data folder, against real sandboxes and a real token service. Then every file the app and the CLI
// left (data folder and outputs), every answer the page got and everything the CLI printed is
// searched for the AppSecrets, the bearer credential and every token the sandboxes issued.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 60_000 });

const APP_ID = 'wx2222222222222222';
const SERVICE_APP_ID = 'wx3333333333333333';
const OTHER_APP_ID = 'wx1111111111111111';
const SECRET = `as-${randomBytes(16).toString('hex')}`;
const WRONG_SECRET = `wrong-${randomBytes(16).toString('hex')}`;
const BEARER = `bearer-${randomBytes(24).toString('base64url')}`;
const limited = (path: string) => ({ kind: 'limited', path, envVersion: 'release', width: 280 });

let folder: TempFolder;
let root: string;
let home: string;
let outputs: string;
let shop: RunningSandbox;
let other: RunningSandbox;
let tokenService: Server;
let tokenServiceUrl: string;
let tokenServiceFails = false;
let app: TestApp;
/** Everything the page was answered and the CLI printed, as the user would have seen it. */
const seen: string[] = [];

beforeAll(async () => {
  folder = await tempFolder('support-log');
  root = folder.path;
  home = join(root, 'data');
  outputs = join(root, 'outputs');
  shop = await startSandbox({ appId: APP_ID, appSecret: SECRET });
  other = await startSandbox({
    appId: OTHER_APP_ID,
    appSecret: `never-given-${randomBytes(8).toString('hex')}`,
  });
  // A company's token service: hands out the shop's stable token to callers with the bearer credential.
  tokenService = createServer(async (req, res) => {
    if (req.headers.authorization !== `Bearer ${BEARER}`) return void res.writeHead(401).end();
    if (tokenServiceFails)
      return void res.writeHead(503, { 'content-type': 'text/html' }).end('<html>down</html>');
    const answer = await call(`${shop.url}/cgi-bin/stable_token`, {
      body: { grant_type: 'client_credential', appid: APP_ID, secret: SECRET },
    });
    const token = String(JSON.parse(answer.bytes.toString('utf8')).access_token);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ access_token: token, expires_in: 7200 }));
  });
  await new Promise<void>((resolve) => tokenService.listen(0, '127.0.0.1', resolve));
  tokenServiceUrl = `http://127.0.0.1:${(tokenService.address() as AddressInfo).port}/token`;
  const { mkdir } = await import('node:fs/promises');
  await mkdir(home, { recursive: true });
  await mkdir(outputs, { recursive: true });
  app = await openTestApp({ dataDir: home });
});

afterAll(async () => {
  await app?.close();
  await Promise.all([shop?.close(), other?.close()]);
  await new Promise((resolve) => tokenService?.close(resolve));
  await folder.remove();
});

async function appCall<C extends Channel>(channel: C, payload?: unknown): Promise<Result<ChannelResult<C>>> {
  const result = await app.call(channel, payload);
  seen.push(JSON.stringify(result, (_key, value) => (value instanceof Uint8Array ? undefined : value)));
  return result;
}

async function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const run = await runCli(args, home, env);
  seen.push(run.stdout, run.stderr);
  return run;
}

async function fault(faults: object[]): Promise<void> {
  const arranged = await call(`${shop.url}/__sandbox/faults`, { body: { faults } });
  expect(arranged.status).toBe(200);
}

async function saveAccount(account: object, secrets: object = {}): Promise<string> {
  return succeeded(await appCall('accounts:save', { account, ...secrets })).id;
}

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Each secret as it may be written: as is, in a URL, inside a JSON string. */
function needles(secrets: string[]): Buffer[] {
  const forms = secrets.flatMap((s) => [s, encodeURIComponent(s), JSON.stringify(s).slice(1, -1)]);
  return [...new Set(forms)].map((form) => Buffer.from(form));
}

describe('the support log', () => {
  it('holds every error the user saw, and no file, answer or output holds a secret or a token', async () => {
    // The app: an account with its AppSecret, a code made, a connection tested.
    const shopId = await saveAccount(
      { name: 'Shop', appId: APP_ID, source: { kind: 'secret' }, apiBase: shop.url },
      { secret: SECRET },
    );
    succeeded(await appCall('accounts:test', { id: shopId }));
    succeeded(
      await appCall('code:generate', { accountId: shopId, request: limited('pages/index/index?id=1') }),
    );

    // A wrong AppSecret: 40125.
    const wrongId = await saveAccount(
      { name: 'Wrong', appId: OTHER_APP_ID, source: { kind: 'secret' }, apiBase: other.url },
      { secret: WRONG_SECRET },
    );
    const wrong = await appCall('code:generate', {
      accountId: wrongId,
      request: limited('pages/index/index'),
    });
    expect(wrong.ok || wrong.error.errcode).toBe(40125);

    // A token WeChat rejects once is fetched again and the code is made; rejected every time, it is shown.
    await fault([{ endpoint: 'getwxacode', kind: 'errcode', errcode: 40001, times: 1 }]);
    succeeded(
      await appCall('code:generate', { accountId: shopId, request: limited('pages/index/index?id=2') }),
    );
    await fault([{ endpoint: 'getwxacode', kind: 'errcode', errcode: 40001, times: 2 }]);
    const rejected = await appCall('code:generate', {
      accountId: shopId,
      request: limited('pages/index/index?id=3'),
    });
    expect(rejected.ok || rejected.error.errcode).toBe(40001);

    // Faults that outlast the retries: busy, a dropped connection, a gateway page, a cut-off image.
    const shown: Record<string, string> = {};
    for (const kind of ['errcode', 'reset', 'html', 'truncate'] as const) {
      await fault([{ endpoint: 'getwxacode', kind, errcode: -1, times: 4 }]);
      const failed = await appCall('code:generate', {
        accountId: shopId,
        request: limited(`pages/index/index?fault=${kind}`),
      });
      shown[kind] = failed.ok ? 'made' : failed.error.code;
    }
    expect(shown).toEqual({
      errcode: 'wechat',
      reset: 'network',
      html: 'bad-response',
      truncate: 'bad-response',
    });
    // A slow answer the client waits out is no error at all.
    await fault([{ endpoint: 'getwxacode', kind: 'stall', ms: 300, times: 1 }]);
    succeeded(
      await appCall('code:generate', { accountId: shopId, request: limited('pages/index/index?id=slow') }),
    );

    // A token service with a bearer credential: works, then fails.
    const serviceId = await saveAccount(
      {
        name: 'Service',
        appId: SERVICE_APP_ID,
        source: { kind: 'token-url', url: tokenServiceUrl },
        apiBase: shop.url,
      },
      { tokenCredential: BEARER },
    );
    succeeded(await appCall('code:generate', { accountId: serviceId, request: limited('pages/shop/index') }));
    tokenServiceFails = true;
    const down = await appCall('accounts:test', { id: serviceId });
    expect(down.ok || down.error.code).toBe('token-service');
    tokenServiceFails = false;

    // A batch in the app: rows 3 and 4 (under the header) for pages not published (41030), row 5 invalid.
    const sheet = join(outputs, 'stores.csv');
    await writeFile(
      sheet,
      [
        'scene,page',
        'a1,pages/index/index',
        'a2,pages/gone/index',
        'a3,pages/gone/other',
        `${'x'.repeat(40)},pages/index/index`,
      ].join('\r\n'),
    );
    app.desktop.spreadsheet = sheet;
    const opened = succeeded(await appCall('batch:open'));
    if (!opened) throw new Error('no sheet opened');
    const plan = succeeded(
      await appCall('batch:plan', {
        sheetId: opened.sheetId,
        accountId: shopId,
        kind: 'unlimited',
        mapping: opened.mapping,
        style: {},
      }),
    );
    const finished = new Promise<BatchUpdate>((resolve) => {
      const stop = app.onEvent(({ event, payload }) => {
        if (event === 'batch:progress' && payload.summary) {
          stop();
          resolve(payload);
        }
      });
    });
    succeeded(
      await appCall('batch:start', {
        planId: plan.planId,
        folderGrant: await chooseFolder(app, join(outputs, 'app-batch')),
        nameTemplate: plan.nameTemplate,
        zip: true,
        concurrency: 2,
        ratePerMinute: 0,
      }),
    );
    const appBatch = await finished;
    seen.push(JSON.stringify(appBatch));
    expect(appBatch.progress).toMatchObject({ done: 1, failed: 2 });

    // The CLI, in the same data folder: a code, a wrong AppSecret, a dropped connection, a failing
    // token service, a handed-over token WeChat rejects, and a batch with failures.
    const creds = ['--appid', APP_ID, '--api-base', shop.url];
    const made = await cli(
      ['generate', ...creds, '--path', 'pages/index/index?cli=1', '--out', join(outputs, 'cli.png')],
      {
        WXACODE_APPSECRET: SECRET,
      },
    );
    expect(made.code).toBe(0);
    const wrongCli = await cli(
      [
        'generate',
        '--appid',
        OTHER_APP_ID,
        '--api-base',
        other.url,
        '--path',
        'pages/index/index',
        '--out',
        join(outputs, 'no.png'),
      ],
      { WXACODE_APPSECRET: WRONG_SECRET },
    );
    expect(wrongCli.code).toBe(3);
    await fault([{ endpoint: 'getwxacode', kind: 'reset', times: 4 }]);
    const reset = await cli(
      ['generate', ...creds, '--path', 'pages/index/index?cli=reset', '--out', join(outputs, 'reset.png')],
      {
        WXACODE_APPSECRET: SECRET,
      },
    );
    expect(reset.code).toBe(4);
    tokenServiceFails = true;
    const serviceDown = await cli(
      [
        'generate',
        '--token-url',
        tokenServiceUrl,
        '--api-base',
        shop.url,
        '--path',
        'pages/index/index',
        '--out',
        join(outputs, 'svc.png'),
      ],
      { WXACODE_TOKEN_CREDENTIAL: BEARER },
    );
    expect(serviceDown.code).toBe(4);
    tokenServiceFails = false;
    // A plain /cgi-bin/token revoked by the next one: the CLI's handed-over token is refused.
    const plainToken = async () =>
      String(
        JSON.parse(
          (
            await call(
              `${shop.url}/cgi-bin/token?grant_type=client_credential&appid=${APP_ID}&secret=${SECRET}`,
            )
          ).bytes.toString(),
        ).access_token,
      );
    const revoked = await plainToken();
    await plainToken();
    const refused = await cli(
      [
        'generate',
        '--appid',
        APP_ID,
        '--api-base',
        shop.url,
        '--path',
        'pages/index/index',
        '--out',
        join(outputs, 'tok.png'),
      ],
      {
        WXACODE_ACCESS_TOKEN: revoked,
      },
    );
    expect(refused.code).toBe(3);
    const batch = await cli(
      [
        'batch',
        sheet,
        '--out',
        join(outputs, 'cli-batch'),
        '--zip',
        join(outputs, 'cli-batch.zip'),
        '--yes',
        ...creds,
      ],
      {
        WXACODE_APPSECRET: SECRET,
      },
    );
    expect(batch.code).toBe(2);

    // What a supporter finds: each error the user saw, with its code and cause, from both processes.
    const { lines } = await readLog(home);
    const found = (where: Record<string, unknown>) =>
      lines.filter((l) => Object.entries(where).every(([k, v]) => l[k] === v));
    expect(found({ process: 'app', where: 'code:generate', code: 'wechat', errcode: 40125 })).toHaveLength(1);
    expect(found({ process: 'cli', where: 'generate', code: 'wechat', errcode: 40125 })).toHaveLength(1);
    expect(found({ process: 'app', where: 'code:generate', errcode: 40001 })).toHaveLength(1);
    expect(found({ process: 'app', where: 'code:generate', errcode: -1 })).toHaveLength(1);
    expect(found({ process: 'app', where: 'code:generate', code: 'bad-response' })).toHaveLength(2);
    expect(found({ process: 'app', where: 'accounts:test', code: 'token-service' })).toHaveLength(1);
    expect(found({ process: 'cli', where: 'generate', code: 'token-service' })).toHaveLength(1);
    expect(found({ process: 'cli', where: 'generate', errcode: 40001 })).toHaveLength(1);
    const networkLines = lines.filter((l) => l.code === 'network');
    expect(networkLines.map((l) => l.process).sort()).toEqual(['app', 'cli']);
    for (const line of networkLines) expect(line.cause?.[0]?.code).toMatch(/^(ECONNRESET|UND_ERR_SOCKET)$/);
    for (const proc of ['app', 'cli']) {
      expect(found({ process: proc, where: 'batch', level: 'info' })[0]).toMatchObject({
        done: 1,
        failed: 2,
        invalid: 1,
      });
      expect(found({ process: proc, where: 'batch', errcode: 41030 })[0]).toMatchObject({
        count: 2,
        rows: [3, 4],
      });
      expect(found({ process: proc, where: 'batch', field: 'scene' })[0]).toMatchObject({
        count: 1,
        rows: [5],
      });
    }
    // A line per kind of failure, not per row (the successes write nothing); the CLI adds what it exited with.
    expect(found({ process: 'app', where: 'batch' })).toHaveLength(3);
    expect(found({ process: 'cli', where: 'batch' })).toHaveLength(4);
    expect(found({ process: 'cli', where: 'batch', code: 'field', field: 'rows' })).toHaveLength(1);

    // Nothing anywhere holds a secret or a token.
    const tokens = [...shop.issuedTokens(), ...other.issuedTokens()];
    expect(tokens.length).toBeGreaterThanOrEqual(3);
    const search = needles([SECRET, WRONG_SECRET, BEARER, ...tokens]);
    const written = [...(await files(home)), ...(await files(outputs))];
    const texts = [
      ...(await Promise.all(written.map((f) => readFile(f)))),
      ...seen.map((s) => Buffer.from(s)),
    ];
    const hits = texts.flatMap((bytes, i) =>
      search
        .filter((needle) => bytes.includes(needle))
        .map(() => written[i] ?? `printed or answered #${i - written.length}`),
    );
    expect(hits).toEqual([]);
    const bytes = texts.reduce((sum, b) => sum + b.length, 0);
    console.log(
      `SCAN ${JSON.stringify({ files: written.length, outputs: seen.length, bytes, secrets: 3, tokens: tokens.length, hits: hits.length, logLines: lines.length })}`,
    );
  });
});
