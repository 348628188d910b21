import { afterEach, describe, expect, it } from 'vitest';
import { type RunningSandbox, type SandboxOptions, startSandbox } from './index';
import { call, jsonOf, stableToken } from './testing';
import { TokenBook } from './tokens';

let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function start(options?: SandboxOptions): Promise<string> {
  sandbox = await startSandbox(options);
  return sandbox.url;
}

const credentials = {
  grant_type: 'client_credential',
  appid: 'wx0123456789abcdef',
  secret: 'sandbox-secret',
};

async function stable(base: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  return jsonOf(await call(`${base}/cgi-bin/stable_token`, { body }));
}

async function plain(base: string, query = credentials): Promise<Record<string, unknown>> {
  return jsonOf(await call(`${base}/cgi-bin/token?${new URLSearchParams(query)}`));
}

/** The errcode a code call answers with for this token, or 0 when it draws an image. */
async function codeErrcode(base: string, token: string): Promise<number> {
  const answer = await call(`${base}/wxa/getwxacodeunlimit?access_token=${token}`, { body: { scene: 'a' } });
  return answer.headers.get('content-type')?.includes('json') ? (jsonOf(answer).errcode as number) : 0;
}

describe('stable_token', () => {
  it('returns the same token while it is valid, with the time it has left', async () => {
    const base = await start();
    const first = await stable(base, credentials);
    const second = await stable(base, { ...credentials, force_refresh: false });
    expect(first.expires_in).toBe(7200);
    expect(second.access_token).toBe(first.access_token);
    expect(second.expires_in).toBeGreaterThan(7190);
    expect(await codeErrcode(base, first.access_token as string)).toBe(0);
  });

  it('answers JSON with a UTF-8 JSON content type', async () => {
    const base = await start();
    const answer = await call(`${base}/cgi-bin/stable_token`, { body: credentials });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=UTF-8');
  });

  it('refuses a wrong AppID, AppSecret or grant_type with WeChat’s errcodes', async () => {
    const base = await start();
    expect(await stable(base, { ...credentials, appid: 'wx0000000000000000' })).toMatchObject({
      errcode: 40013,
      errmsg: expect.stringMatching(/^invalid appid rid: /),
    });
    expect((await stable(base, { ...credentials, secret: 'wrong' })).errcode).toBe(40125);
    expect((await stable(base, { ...credentials, grant_type: 'password' })).errcode).toBe(40002);
    expect((await stable(base, { grant_type: 'client_credential' })).errcode).toBe(41002);
    const notJson = await call(`${base}/cgi-bin/stable_token`, { body: 'grant_type=client_credential' });
    expect(jsonOf(notJson).errcode).toBe(47001);
  });

  it('uses the AppID and AppSecret it was started with', async () => {
    const base = await start({ appId: 'wxfeedfacefeedface', appSecret: 's3cret' });
    const issued = await stable(base, { ...credentials, appid: 'wxfeedfacefeedface', secret: 's3cret' });
    expect(typeof issued.access_token).toBe('string');
    expect((await stable(base, credentials)).errcode).toBe(40013);
  });

  it('force_refresh issues a new token, revokes the old one, and may not repeat within 30 s', async () => {
    const base = await start();
    const old = (await stable(base, credentials)).access_token as string;
    const fresh = await stable(base, { ...credentials, force_refresh: true });
    expect(fresh.access_token).not.toBe(old);
    expect(fresh.expires_in).toBe(7200);
    expect(await codeErrcode(base, old)).toBe(40001);
    expect(await codeErrcode(base, fresh.access_token as string)).toBe(0);
    expect((await stable(base, { ...credentials, force_refresh: true })).errcode).toBe(45011);
    expect((await stable(base, credentials)).access_token).toBe(fresh.access_token);
  });

  it('lets a token expire: the code APIs then answer 42001', async () => {
    const base = await start({ tokenTtlSeconds: 1 });
    const issued = await stable(base, credentials);
    expect(issued.expires_in).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await codeErrcode(base, issued.access_token as string)).toBe(42001);
    const renewed = await stable(base, credentials);
    expect(renewed.access_token).not.toBe(issued.access_token);
    expect(await codeErrcode(base, renewed.access_token as string)).toBe(0);
  });
});

describe('/cgi-bin/token', () => {
  it('issues a new token on every call and revokes the previous one, leaving the stable token alone', async () => {
    const base = await start();
    const stableOne = await stableToken(base);
    const first = (await plain(base)).access_token as string;
    const second = await plain(base);
    expect(second.access_token).not.toBe(first);
    expect(second.expires_in).toBe(7200);
    expect(await codeErrcode(base, first)).toBe(40001);
    expect(await codeErrcode(base, second.access_token as string)).toBe(0);
    expect(await codeErrcode(base, stableOne)).toBe(0);
    expect(sandbox?.stats()).toMatchObject({ token: 2, stable_token: 1 });
    // For tests that search what the app wrote: every token handed out, revoked ones included.
    expect(sandbox?.issuedTokens()).toEqual([stableOne, first, second.access_token]);
  });

  it('refuses wrong credentials', async () => {
    const base = await start();
    expect((await plain(base, { ...credentials, secret: 'nope' })).errcode).toBe(40125);
    expect((await plain(base, { ...credentials, appid: 'wx1' })).errcode).toBe(40013);
    expect((await plain(base, { ...credentials, grant_type: '' })).errcode).toBe(40002);
  });
});

describe('code calls without a good token', () => {
  it('answer 40001 for a missing or unknown token', async () => {
    const base = await start();
    const missing = await call(`${base}/wxa/getwxacode`, { body: { path: 'pages/index/index' } });
    expect(jsonOf(missing)).toMatchObject({
      errcode: 40001,
      errmsg: expect.stringContaining('invalid credential, access_token is invalid or not latest'),
    });
    expect(await codeErrcode(base, 'made-up')).toBe(40001);
  });
});

describe('force_refresh daily limit', () => {
  it('allows 20 a day, 30 s apart, then answers 45009 until a day has passed', () => {
    let now = 0;
    const book = new TokenBook(7200, () => now);
    for (let i = 0; i < 20; i++) {
      expect(book.stableToken(true)).toHaveProperty('access_token');
      now += 30_000;
    }
    expect(book.stableToken(true)).toEqual({ errcode: 45009 });
    now = 24 * 60 * 60 * 1000 + 1;
    expect(book.stableToken(true)).toHaveProperty('access_token');
  });
});
