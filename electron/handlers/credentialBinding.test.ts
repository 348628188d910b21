import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountView } from '../../shared/ipc/channels';
import { appSecretKey, tokenServiceQueryKey } from '../core/storage/secrets';
import { type RunningSandbox, startSandbox } from '../sandbox';
import { stableToken } from '../sandbox/testing';
import { openTestApp, succeeded, type TestApp } from '../testing/testApp';
import { type RunningTokenService, startTokenService } from '../testing/tokenService';

const APP_SECRET = 'Zq7-bound-app-secret-81d2e0';
const CREDENTIAL = 'Bearer-bound-credential-3c9a7f';
const QUERY_KEY = 'Qk-bound-query-key-6e1b44';
const APPID = 'wx00000000000000aa';
const request = { kind: 'limited', path: 'pages/index/index', envVersion: 'release' };

let app: TestApp;
/** The real "WeChat" of the AppSecret account. */
let wechat: RunningSandbox;
/** A company token service that wants CREDENTIAL and ?key=QUERY_KEY, and hands out the sandbox's tokens. */
let tokenService: RunningTokenService;
let tokenServiceUrl: string;
/** The attacker's listener on this computer: it records every byte it is sent and answers like WeChat. */
let listener: Server;
let listenerUrl: string;
const received: Buffer[] = [];

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  app = await openTestApp();
  wechat = await startSandbox({ appId: APPID, appSecret: APP_SECRET });
  tokenService = await startTokenService({
    credential: CREDENTIAL,
    queryKey: QUERY_KEY,
    token: () => stableToken(app.sandbox.url),
  });
  tokenServiceUrl = tokenService.url;
  listener = createServer((req, res) => {
    const chunks: Buffer[] = [Buffer.from(`${req.method} ${req.url}\n${JSON.stringify(req.headers)}\n`)];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push(Buffer.concat(chunks));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: 'listener-token', expires_in: 7200 }));
    });
  });
  listenerUrl = await listen(listener);
});

afterAll(async () => {
  await new Promise((resolve) => listener.close(resolve));
  await tokenService.close();
  await wechat.close();
  await app.close();
});

/** Every access_token the two real issuers hand out now (stable_token gives the current one again). */
async function realTokens(): Promise<string[]> {
  const answer = await fetch(`${wechat.url}/cgi-bin/stable_token`, {
    method: 'POST',
    body: JSON.stringify({ grant_type: 'client_credential', appid: APPID, secret: APP_SECRET }),
  }).then((r) => r.json() as Promise<{ access_token: string }>);
  return [answer.access_token, await stableToken(app.sandbox.url)];
}

/** How many bytes of each secret the listener received. */
async function leakedBytes(): Promise<Record<string, number>> {
  const all = Buffer.concat(received).toString('latin1');
  const [WECHAT_TOKEN, SERVICE_TOKEN] = await realTokens();
  const secrets = { APP_SECRET, CREDENTIAL, QUERY_KEY, WECHAT_TOKEN, SERVICE_TOKEN };
  return Object.fromEntries(
    Object.entries(secrets).map(([name, value]) => [name, (all.split(value!).length - 1) * value!.length]),
  );
}

describe('a page that points a stored account somewhere else', () => {
  it('gets no AppSecret, bearer, token-URL key or access_token to the new address, whatever it calls', async () => {
    const secretAccount = succeeded(
      await app.call('accounts:save', {
        account: { name: 'Shop', appId: APPID, source: { kind: 'secret' }, apiBase: wechat.url },
        secret: APP_SECRET,
      }),
    );
    const serviceAccount = succeeded(
      await app.call('accounts:save', {
        account: {
          name: 'Via service',
          appId: 'wx00000000000000bb',
          source: { kind: 'token-url', url: `${tokenServiceUrl}?key=${QUERY_KEY}` },
          apiBase: app.sandbox.url,
        },
        tokenCredential: CREDENTIAL,
      }),
    );
    // Both work where they were stored for, so both have a token cached in this session.
    for (const { id } of [secretAccount, serviceAccount]) {
      succeeded(await app.call('code:generate', { accountId: id, request }));
    }

    const draft = (account: AccountView) => ({
      id: account.id,
      name: account.name,
      appId: account.appId,
      source:
        account.source.kind === 'token-url'
          ? { kind: 'token-url' as const, url: account.source.url }
          : { kind: account.source.kind },
      ...(account.apiBase ? { apiBase: account.apiBase } : {}),
    });
    const attacks = [
      { ...draft(secretAccount), apiBase: listenerUrl },
      { ...draft(secretAccount), apiBase: `${listenerUrl}/` },
      { ...draft(secretAccount), source: { kind: 'token-url' as const, url: `${listenerUrl}/token` } },
      { ...draft(secretAccount), source: { kind: 'secret' as const }, apiBase: listenerUrl },
      { ...draft(serviceAccount), apiBase: listenerUrl },
      { ...draft(serviceAccount), source: { kind: 'token-url' as const, url: `${listenerUrl}/token` } },
      { ...draft(serviceAccount), source: { kind: 'token-url' as const, url: tokenServiceUrl } },
      { name: 'New', appId: APPID, source: { kind: 'secret' as const }, apiBase: listenerUrl },
    ];
    const answers: unknown[] = [];
    for (const account of attacks) {
      answers.push(await app.call('accounts:save', { account }));
      for (const { id } of [secretAccount, serviceAccount]) {
        answers.push(await app.call('accounts:test', { id }));
        answers.push(
          await app.call('code:generate', {
            accountId: id,
            request: { ...request, path: `pages/${answers.length}` },
          }),
        );
        answers.push(await app.call('accounts:list'));
      }
    }

    expect(await leakedBytes()).toEqual({
      APP_SECRET: 0,
      CREDENTIAL: 0,
      QUERY_KEY: 0,
      WECHAT_TOKEN: 0,
      SERVICE_TOKEN: 0,
    });
    const views = succeeded(await app.call('accounts:list'));
    expect(views.find((a) => a.id === secretAccount.id)?.source).toMatchObject({ hasSecret: false });
    expect(views.find((a) => a.id === serviceAccount.id)?.source).toMatchObject({ hasCredential: false });
    const tested = await app.call('accounts:test', { id: secretAccount.id });
    expect(tested.ok || tested.error.code).toBe('no-secret');
    // What the page saw names no secret either.
    const seen = JSON.stringify(answers);
    for (const secret of [APP_SECRET, CREDENTIAL, QUERY_KEY, ...(await realTokens())]) {
      expect(seen).not.toContain(secret);
    }
    for (const { id } of [secretAccount, serviceAccount])
      succeeded(await app.call('accounts:remove', { id }));
  });

  it('moves the account and its secret together when the same save gives the secret again', async () => {
    const saved = succeeded(
      await app.call('accounts:save', {
        account: { name: 'Moved', appId: 'wx00000000000000cc', source: { kind: 'sandbox' } },
      }),
    );
    const moved = succeeded(
      await app.call('accounts:save', {
        account: {
          id: saved.id,
          name: 'Moved',
          appId: APPID,
          source: { kind: 'secret' },
          apiBase: wechat.url,
        },
        secret: APP_SECRET,
      }),
    );
    expect(moved.source).toEqual({ kind: 'secret', hasSecret: true });
    expect(succeeded(await app.call('accounts:test', { id: saved.id })).expiresInSeconds).toBeGreaterThan(0);
  });

  it('sends nothing over plain http to another computer, even for an account file written before the rule', async () => {
    const file = join(app.dataDir, 'accounts.json');
    const saved = JSON.parse(await readFile(file, 'utf8'));
    const old = {
      id: 'old',
      name: 'Old',
      appId: APPID,
      source: { kind: 'secret' },
      apiBase: 'http://wechat-proxy.test',
    };
    await writeFile(file, JSON.stringify({ ...saved, accounts: [...saved.accounts, old] }));
    await app.services.secrets.set(appSecretKey(APPID), APP_SECRET);

    for (const answer of [
      await app.call('accounts:test', { id: 'old' }),
      await app.call('code:generate', { accountId: 'old', request: { ...request, path: 'pages/old/index' } }),
    ]) {
      expect(answer.ok || answer.error).toMatchObject({
        code: 'insecure-address',
        message: { en: expect.stringContaining('Nothing was sent to http://wechat-proxy.test') },
      });
    }
    succeeded(await app.call('accounts:remove', { id: 'old' }));
  });

  it('says to enter the token URL again when its query is gone from the keychain, and calls nobody', async () => {
    const account = succeeded(
      await app.call('accounts:save', {
        account: {
          name: 'Lost query',
          appId: 'wx00000000000000dd',
          source: { kind: 'token-url', url: `${listenerUrl}/token?key=${QUERY_KEY}` },
        },
      }),
    );
    expect(account.source).toEqual({
      kind: 'token-url',
      url: `${listenerUrl}/token`,
      hasCredential: false,
      hasQuery: true,
    });
    await app.services.secrets.delete(tokenServiceQueryKey(account.id));
    const calls = received.length;
    const tested = await app.call('accounts:test', { id: account.id });
    expect(tested.ok || tested.error).toMatchObject({
      code: 'token-service',
      message: {
        en: expect.stringContaining('query is no longer in the keychain: enter the full URL again'),
      },
    });
    expect(received).toHaveLength(calls);
    succeeded(await app.call('accounts:remove', { id: account.id }));
  });
});
