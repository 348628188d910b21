import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, SANDBOX_ACCOUNT } from '../app/services';
import { appSecretKey, tokenServiceKey } from '../core/storage/secrets';
import { type RunningSandbox, startSandbox } from '../sandbox';
import { stableToken } from '../sandbox/testing';
import { openTestApp, recordingDesktop, succeeded, type TestApp } from '../testing/testApp';
import { type RunningTokenService, startTokenService } from '../testing/tokenService';

const APP_SECRET = 'Zq7-known-app-secret-4f1c9e';
const WRONG_SECRET = 'Wr0ng-app-secret-77aa31';
const CREDENTIAL = 'Bearer-credential-5b2e8d-known';
const OTHER_APPID = 'wx00000000000000aa';
const request = { kind: 'limited', path: 'pages/index/index', envVersion: 'release' };

let app: TestApp;
/** A second "WeChat" whose AppSecret is APP_SECRET: the Sandbox account already uses the first one's AppID. */
let wechat: RunningSandbox;
/** A company token service (中控服务器) that wants CREDENTIAL and hands out the sandbox's tokens. */
let tokenService: RunningTokenService;
let tokenServiceUrl: string;

beforeAll(async () => {
  app = await openTestApp();
  wechat = await startSandbox({ appId: OTHER_APPID, appSecret: APP_SECRET });
  tokenService = await startTokenService({
    credential: CREDENTIAL,
    token: () => stableToken(app.sandbox.url),
  });
  tokenServiceUrl = tokenService.url;
});

afterAll(async () => {
  await tokenService.close();
  await wechat.close();
  await app.close();
});

describe('the Sandbox account', () => {
  it('is there on first run, and works without any secret', async () => {
    const accounts = succeeded(await app.call('accounts:list'));
    expect(accounts).toEqual([{ ...SANDBOX_ACCOUNT, source: { kind: 'sandbox' } }]);
    const { expiresInSeconds } = succeeded(await app.call('accounts:test', { id: SANDBOX_ACCOUNT.id }));
    expect(expiresInSeconds).toBeGreaterThan(7000);
  });

  it('is not brought back once the user has other accounts and removed it', async () => {
    const dataDir = join(app.dataDir, 'second-run');
    const open = () =>
      createServices({
        dataDir,
        desktop: recordingDesktop(),
        appVersion: '0',
        systemLocale: 'en',
        secrets: app.services.secrets,
      });
    const first = await open();
    await first.accounts.save({ name: 'Shop', appId: 'wx00000000000000cc', source: { kind: 'sandbox' } });
    await first.accounts.remove(SANDBOX_ACCOUNT.id);
    const second = await open();
    expect((await second.accounts.list()).map((a) => a.name)).toEqual(['Shop']);
  });
});

describe('accounts:test', () => {
  it('fetches a token from the issuer each time, not the session’s cached one', async () => {
    succeeded(await app.call('code:generate', { accountId: SANDBOX_ACCOUNT.id, request }));
    const before = app.sandbox.stats().stable_token;
    succeeded(await app.call('accounts:test', { id: SANDBOX_ACCOUNT.id }));
    succeeded(await app.call('accounts:test', { id: SANDBOX_ACCOUNT.id }));
    expect(app.sandbox.stats().stable_token - before).toBe(2);
  });

  it('reports a wrong AppSecret as WeChat’s 40125, with the fix', async () => {
    const account = succeeded(
      await app.call('accounts:save', {
        account: {
          name: 'Wrong secret',
          appId: OTHER_APPID,
          source: { kind: 'secret' },
          apiBase: wechat.url,
        },
        secret: WRONG_SECRET,
      }),
    );
    const tested = await app.call('accounts:test', { id: account.id });
    expect(tested.ok || tested.error).toMatchObject({
      code: 'wechat',
      errcode: 40125,
      message: { en: 'The AppSecret is not valid.', zh: 'AppSecret 无效。' },
    });
    expect(!tested.ok && tested.error.hint.en).toMatch(/Enter the AppSecret again/);
    succeeded(await app.call('accounts:remove', { id: account.id }));
  });
});

describe('secrets', () => {
  it('are never part of any answer, and never written to accounts.json', async () => {
    const answers: unknown[] = [];
    const call: TestApp['call'] = async (channel, payload) => {
      const answer = await app.call(channel, payload);
      answers.push(answer);
      return answer;
    };

    // An AppSecret: stored, used, tested, replaced by a wrong one, forgotten, removed.
    const secretDraft = {
      name: 'Real app',
      appId: OTHER_APPID,
      source: { kind: 'secret' },
      apiBase: wechat.url,
    };
    const withSecret = succeeded(await call('accounts:save', { account: secretDraft, secret: APP_SECRET }));
    expect(withSecret.source).toEqual({ kind: 'secret', hasSecret: true });
    succeeded(await call('accounts:list'));
    expect(succeeded(await call('accounts:test', { id: withSecret.id })).expiresInSeconds).toBeGreaterThan(0);
    const code = succeeded(await call('code:generate', { accountId: withSecret.id, request }));
    succeeded(await call('library:list', {}));
    succeeded(await call('library:image', { codeId: code.codeId }));
    const spaced = await call('accounts:save', {
      account: { ...secretDraft, id: withSecret.id },
      secret: `${APP_SECRET} x`,
    });
    expect(spaced.ok || spaced.error).toMatchObject({ code: 'field', field: 'appSecret' });
    const misplaced = await call('accounts:save', {
      account: { name: 'Misplaced', appId: 'wx00000000000000dd', source: { kind: 'sandbox' } },
      secret: APP_SECRET,
    });
    expect(misplaced.ok || misplaced.error).toMatchObject({ code: 'field', field: 'secret' });
    succeeded(
      await call('accounts:save', { account: { ...secretDraft, id: withSecret.id }, secret: WRONG_SECRET }),
    );
    expect((await call('accounts:test', { id: withSecret.id })).ok).toBe(false);
    const forgotten = succeeded(await call('accounts:forgetSecret', { id: withSecret.id }));
    expect(forgotten.source).toEqual({ kind: 'secret', hasSecret: false });
    const noSecret = await call('accounts:test', { id: withSecret.id });
    expect(noSecret.ok || noSecret.error).toMatchObject({ code: 'no-secret' });

    // A token service credential: stored, used, tested, forgotten.
    const serviceDraft = {
      name: 'Token service',
      appId: 'wx00000000000000bb',
      source: { kind: 'token-url', url: tokenServiceUrl },
      apiBase: app.sandbox.url,
    };
    const viaService = succeeded(
      await call('accounts:save', { account: serviceDraft, tokenCredential: CREDENTIAL }),
    );
    expect(viaService.source).toEqual({ kind: 'token-url', url: tokenServiceUrl, hasCredential: true });
    expect(succeeded(await call('accounts:test', { id: viaService.id })).expiresInSeconds).toBe(3600);
    const serviceCode = await call('code:generate', {
      accountId: viaService.id,
      request: { ...request, path: 'pages/shop/index' },
    });
    succeeded(serviceCode);
    const withoutCredential = succeeded(await call('accounts:forgetSecret', { id: viaService.id }));
    expect(withoutCredential.source).toEqual({
      kind: 'token-url',
      url: tokenServiceUrl,
      hasCredential: false,
    });
    const refused = await call('accounts:test', { id: viaService.id });
    expect(refused.ok || refused.error).toMatchObject({ code: 'token-service' });
    succeeded(await call('accounts:list'));
    succeeded(await call('settings:get'));
    succeeded(await call('app:info'));

    const everything = `${JSON.stringify(answers)}\n${await readFile(join(app.dataDir, 'accounts.json'), 'utf8')}`;
    expect(answers.length).toBeGreaterThan(15);
    expect(everything).not.toContain(APP_SECRET);
    expect(everything).not.toContain(WRONG_SECRET);
    expect(everything).not.toContain(CREDENTIAL);

    for (const id of [withSecret.id, viaService.id]) succeeded(await call('accounts:remove', { id }));
  });

  it('are deleted from the keychain with their account', async () => {
    const { secrets } = app.services;
    const secretAccount = succeeded(
      await app.call('accounts:save', {
        account: { name: 'Doomed', appId: OTHER_APPID, source: { kind: 'secret' }, apiBase: wechat.url },
        secret: APP_SECRET,
      }),
    );
    const serviceAccount = succeeded(
      await app.call('accounts:save', {
        account: {
          name: 'Doomed service',
          appId: 'wx00000000000000ee',
          source: { kind: 'token-url', url: tokenServiceUrl },
        },
        tokenCredential: CREDENTIAL,
      }),
    );
    expect(await secrets.get(appSecretKey(OTHER_APPID))).toBe(APP_SECRET);
    expect(await secrets.get(tokenServiceKey(serviceAccount.id))).toBe(CREDENTIAL);

    for (const { id } of [secretAccount, serviceAccount]) {
      expect(succeeded(await app.call('accounts:remove', { id }))).toEqual({ removed: true });
    }
    expect(await secrets.has(appSecretKey(OTHER_APPID))).toBe(false);
    expect(await secrets.has(tokenServiceKey(serviceAccount.id))).toBe(false);
    const names = succeeded(await app.call('accounts:list')).map((a) => a.name);
    expect(names).not.toContain('Doomed');
  });

  it('forgotten mid-session, stop working at once, even with a token still cached', async () => {
    const account = succeeded(
      await app.call('accounts:save', {
        account: { name: 'Forgetful', appId: OTHER_APPID, source: { kind: 'secret' }, apiBase: wechat.url },
        secret: APP_SECRET,
      }),
    );
    succeeded(
      await app.call('code:generate', { accountId: account.id, request: { ...request, path: 'pages/a' } }),
    );
    succeeded(await app.call('accounts:forgetSecret', { id: account.id }));
    const after = await app.call('code:generate', {
      accountId: account.id,
      request: { ...request, path: 'pages/b' },
    });
    expect(after.ok || after.error).toMatchObject({ code: 'no-secret' });
    succeeded(await app.call('accounts:remove', { id: account.id }));
  });
});
