import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CodeRequest } from '../../../shared/codeRequest';
import { validateCodeRequest } from '../../../shared/validateCodeRequest';
import { type RunningSandbox, startSandbox } from '../../sandbox';
import { decodePicture, pixel, readQr } from '../../sandbox/testing';
import { failureOf } from '../../testing/assertions';
import { stableTokenSource } from '../tokens/stableTokenSource';
import { createWechatClient, type WechatClient } from './wechatClient';

const FAST_RETRY = { attempts: 4, baseDelayMs: 5, maxDelayMs: 20 };

function request(input: Record<string, unknown>): CodeRequest {
  const checked = validateCodeRequest(input);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.value;
}

async function injectFaults(sandbox: RunningSandbox, faults: unknown[]) {
  const res = await fetch(`${sandbox.url}/__sandbox/faults`, {
    method: 'POST',
    body: JSON.stringify({ faults }),
  });
  expect(res.status).toBe(200);
}

let sandbox: RunningSandbox;
let client: WechatClient;

function clientFor(secret = 'sandbox-secret', timeoutMs = 5_000) {
  const tokens = stableTokenSource({
    apiBase: sandbox.url,
    appId: 'wx0123456789abcdef',
    secret: async () => secret,
  });
  return createWechatClient({ apiBase: sandbox.url, tokens, retry: FAST_RETRY, http: { timeoutMs } });
}

beforeEach(async () => {
  sandbox = await startSandbox({ quotaLimit: 5 });
  client = clientFor();
});
afterEach(() => sandbox.close());

describe('a limited code', () => {
  it('comes back as a transparent PNG of the asked width, with red lines, encoding the path', async () => {
    const path = 'pages/product/detail?id=42';
    const image = await client.generate(
      request({ kind: 'limited', path, width: 600, lineColor: '#ff0000', transparent: true }),
    );
    const picture = decodePicture(image.png);
    expect(picture.format).toBe('png');
    expect([image.width, image.height, picture.width, picture.height]).toEqual([600, 600, 600, 600]);
    expect(pixel(picture, 2, 2)[3]).toBe(0);
    expect(readQr(picture)?.data).toBe(path);
    const dark = Array.from({ length: 600 }, (_, x) => pixel(picture, x, 300)).filter((p) => p[3] === 255);
    expect(dark.length).toBeGreaterThan(0);
    for (const [r, g, b] of dark) expect([r, g, b]).toEqual([255, 0, 0]);
    expect(image.numUsed).toBe(1);
  });

  it('turns WeChat’s JPEG into an opaque PNG on white', async () => {
    const image = await client.generate(request({ kind: 'limited', path: 'pages/index/index', width: 280 }));
    expect(image.sourceFormat).toBe('jpeg');
    const picture = decodePicture(image.png);
    expect(picture.format).toBe('png');
    expect(picture.width).toBe(280);
    expect(pixel(picture, 1, 1)).toEqual([255, 255, 255, 255]);
    expect(readQr(picture)?.data).toBe('pages/index/index');
  });
});

it('makes an unlimited code for page and scene, and a square QR code', async () => {
  const unlimited = await client.generate(
    request({ kind: 'unlimited', scene: 'store=17', page: 'pages/shop/index' }),
  );
  expect(readQr(decodePicture(unlimited.png))?.data).toBe('pages/shop/index?scene=store=17');
  expect(unlimited.numUsed).toBeUndefined();
  const square = await client.generate(
    request({ kind: 'qrcode', path: 'pages/index/index?from=poster', width: 500 }),
  );
  expect(decodePicture(square.png).width).toBe(500);
  expect(readQr(decodePicture(square.png))?.data).toBe('pages/index/index?from=poster');
  expect(sandbox.stats()).toMatchObject({ getwxacodeunlimit: 1, createwxaqrcode: 1, numUsed: 1 });
});

describe('tokens', () => {
  it('fetches one stable token for many calls, even concurrent ones, and never calls GET /cgi-bin/token', async () => {
    const paths = Array.from({ length: 8 }, (_, i) => `pages/index/index?n=${i}`);
    await Promise.all(paths.slice(0, 4).map((path) => client.generate(request({ kind: 'qrcode', path }))));
    expect(sandbox.stats()).toMatchObject({ stable_token: 1, token: 0, createwxaqrcode: 4 });
  });

  it('gets a token again once and repeats the call when WeChat says the token is invalid (40001)', async () => {
    await client.generate(request({ kind: 'unlimited', scene: 'a' }));
    await injectFaults(sandbox, [
      { endpoint: 'getwxacodeunlimit', kind: 'errcode', errcode: 40001, times: 1 },
    ]);
    const image = await client.generate(request({ kind: 'unlimited', scene: 'b' }));
    expect(image.width).toBe(430);
    expect(sandbox.stats()).toMatchObject({ stable_token: 2, getwxacodeunlimit: 3 });
  });

  it('stops after one renewal when the token keeps being refused', async () => {
    await injectFaults(sandbox, [
      { endpoint: 'getwxacodeunlimit', kind: 'errcode', errcode: 42001, times: 5 },
    ]);
    const failure = await failureOf(client.generate(request({ kind: 'unlimited', scene: 'x' })));
    expect(failure.error).toMatchObject({ code: 'wechat', errcode: 42001 });
    expect(sandbox.stats().getwxacodeunlimit).toBe(2);
  });

  it('reports a wrong AppSecret as 40125 with the fix, without the secret in the text', async () => {
    const failure = await failureOf(
      clientFor('not-the-secret').generate(request({ kind: 'unlimited', scene: 'x' })),
    );
    expect(failure.error).toMatchObject({ code: 'wechat', errcode: 40125 });
    expect(failure.error.hint.en).toMatch(/AppSecret/);
    expect(JSON.stringify(failure.error)).not.toContain('not-the-secret');
    expect(sandbox.stats().getwxacodeunlimit).toBe(0);
  });
});

describe('failures', () => {
  it.each([
    ['system busy (-1)', { kind: 'errcode', errcode: -1 }],
    ['a dropped connection', { kind: 'reset' }],
    ['a cut-off image', { kind: 'truncate' }],
    ['an HTML 502 page', { kind: 'html' }],
  ])('retries after %s and returns the real image', async (_name, fault) => {
    await injectFaults(sandbox, [{ endpoint: 'getwxacode', times: 2, ...fault }]);
    const image = await client.generate(request({ kind: 'limited', path: 'pages/index/index?retry=1' }));
    expect(readQr(decodePicture(image.png))?.data).toBe('pages/index/index?retry=1');
    expect(sandbox.stats()).toMatchObject({ getwxacode: 3, numUsed: 1 });
  });

  it('retries an unlimited code after the per-minute limit (45009)', async () => {
    await injectFaults(sandbox, [
      { endpoint: 'getwxacodeunlimit', kind: 'errcode', errcode: 45009, times: 2 },
    ]);
    const image = await client.generate(request({ kind: 'unlimited', scene: 'id=1' }));
    expect(image.width).toBe(430);
    expect(sandbox.stats().getwxacodeunlimit).toBe(3);
  });

  it.each([
    ['limited', 'getwxacode', { kind: 'limited', path: 'pages/index/index' }],
    ['qrcode', 'createwxaqrcode', { kind: 'qrcode', path: 'pages/index/index' }],
  ] as const)('does not retry 45009 on a %s code: it is the daily cap', async (_kind, endpoint, input) => {
    await injectFaults(sandbox, [{ endpoint, kind: 'errcode', errcode: 45009, times: 10 }]);
    const failure = await failureOf(client.generate(request(input)));
    expect(failure.error).toMatchObject({ errcode: 45009, retryable: false });
    expect(failure.error.message.en).toBe(
      "WeChat's daily limit for this mini program is reached; continue tomorrow.",
    );
    expect(sandbox.stats()[endpoint]).toBe(1);
  });

  it('gives up on a stalled call after the timeout and retries', async () => {
    await injectFaults(sandbox, [{ endpoint: 'getwxacode', kind: 'stall', ms: 3_000, times: 1 }]);
    const image = await clientFor('sandbox-secret', 300).generate(
      request({ kind: 'limited', path: 'pages/index/index' }),
    );
    expect(image.width).toBe(430);
    expect(sandbox.stats().getwxacode).toBe(2);
  });

  it('gives up after the retry budget with the meaning and fix of the last error', async () => {
    await injectFaults(sandbox, [{ endpoint: 'getwxacode', kind: 'errcode', errcode: -1, times: 10 }]);
    const failure = await failureOf(client.generate(request({ kind: 'limited', path: 'pages/index/index' })));
    expect(failure.error).toMatchObject({ code: 'wechat', errcode: -1, retryable: true });
    expect(sandbox.stats().getwxacode).toBe(FAST_RETRY.attempts);
  });

  it('does not retry what would fail again: an unpublished page (41030) says how to fix it', async () => {
    const failure = await failureOf(
      client.generate(request({ kind: 'unlimited', scene: 'x', page: 'pages/new/index' })),
    );
    expect(failure.error).toMatchObject({ code: 'wechat', errcode: 41030 });
    expect(failure.error.hint.en).toMatch(/publish/i);
    expect(sandbox.stats().getwxacodeunlimit).toBe(1);
  });

  it('reports the 100,000 quota being used up (45029) and suggests the unlimited kind', async () => {
    for (let i = 0; i < 5; i++)
      await client.generate(request({ kind: 'qrcode', path: `pages/index/index?i=${i}` }));
    const failure = await failureOf(
      client.generate(request({ kind: 'limited', path: 'pages/index/index?i=99' })),
    );
    expect(failure.error).toMatchObject({ code: 'wechat', errcode: 45029 });
    expect(failure.error.hint.en).toMatch(/unlimited/i);
  });

  it('names the unreachable address without the access_token', async () => {
    const base = sandbox.url;
    await sandbox.close();
    const tokens = { token: async () => 'SECRET_TOKEN_VALUE', invalidate() {} };
    const offline = createWechatClient({ apiBase: base, tokens, retry: { ...FAST_RETRY, attempts: 2 } });
    const failure = await failureOf(
      offline.generate(request({ kind: 'limited', path: 'pages/index/index' })),
    );
    expect(failure.error.code).toBe('network');
    expect(failure.error.message.en + failure.error.hint.en).toContain(base);
    expect(JSON.stringify(failure.error)).not.toContain('SECRET_TOKEN_VALUE');
    sandbox = await startSandbox();
  });
});
