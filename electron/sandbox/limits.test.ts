import { afterEach, describe, expect, it } from 'vitest';
import { type RunningSandbox, type SandboxOptions, startSandbox } from './index';
import { DailyCap, RollingMinuteLimit } from './limits';
import { call, jsonOf, stableToken } from './testing';

let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

interface Outcome {
  numUsed: string | null;
  errcode: number;
}

async function start(options: SandboxOptions): Promise<(api: string, body: unknown) => Promise<Outcome>> {
  const running = await startSandbox(options);
  sandbox = running;
  const token = await stableToken(running.url);
  return async (api, body) => {
    const answer = await call(`${running.url}${api}?access_token=${token}`, { body });
    const json = answer.headers.get('content-type')?.includes('json');
    return {
      numUsed: answer.headers.get('num-used'),
      errcode: json ? (jsonOf(answer).errcode as number) : 0,
    };
  };
}

describe('the limited quota', () => {
  it('counts getwxacode and createwxaqrcode together in Num-Used, then answers 45029', async () => {
    const code = await start({ quotaLimit: 3, numUsed: 1 });
    expect(await code('/wxa/getwxacode', { path: 'pages/index/index' })).toEqual({
      numUsed: '2',
      errcode: 0,
    });
    expect(await code('/cgi-bin/wxaapp/createwxaqrcode', { path: 'a' })).toEqual({
      numUsed: '3',
      errcode: 0,
    });
    expect(await code('/wxa/getwxacode', { path: 'pages/index/index' })).toEqual({
      numUsed: null,
      errcode: 45029,
    });
    expect(await code('/cgi-bin/wxaapp/createwxaqrcode', { path: 'a' })).toMatchObject({ errcode: 45029 });
    // The unlimited kind has its own budget.
    expect(await code('/wxa/getwxacodeunlimit', { scene: 'a' })).toEqual({ numUsed: null, errcode: 0 });
    expect(sandbox?.stats()).toEqual({
      stable_token: 1,
      token: 0,
      getwxacode: 2,
      getwxacodeunlimit: 1,
      createwxaqrcode: 2,
      numUsed: 3,
    });
  });

  it('spends nothing on a refused request', async () => {
    const code = await start({});
    expect((await code('/wxa/getwxacode', { path: '' })).errcode).toBe(40159);
    expect(await code('/wxa/getwxacode', { path: 'p' })).toEqual({ numUsed: '1', errcode: 0 });
  });
});

describe('the daily cap on limited and square codes', () => {
  it('answers 45009 once the day’s codes are made, on both endpoints, and spends no quota for it', async () => {
    const code = await start({ dailyLimit: 2 });
    expect(await code('/wxa/getwxacode', { path: 'a' })).toEqual({ numUsed: '1', errcode: 0 });
    expect(await code('/cgi-bin/wxaapp/createwxaqrcode', { path: 'b' })).toEqual({
      numUsed: '2',
      errcode: 0,
    });
    expect((await code('/wxa/getwxacode', { path: 'c' })).errcode).toBe(45009);
    expect((await code('/cgi-bin/wxaapp/createwxaqrcode', { path: 'd' })).errcode).toBe(45009);
    expect(sandbox?.stats().numUsed).toBe(2);
    // Unlimited codes have no daily cap, only the per-minute limit.
    expect((await code('/wxa/getwxacodeunlimit', { scene: 's' })).errcode).toBe(0);
  });

  it('counts only codes made, and starts afresh at midnight China time', () => {
    // 2026-12-01 15:59:59 UTC is 23:59:59 in Beijing.
    let now = Date.UTC(2026, 11, 1, 15, 59, 59);
    const cap = new DailyCap(1, () => now);
    expect(cap.reached()).toBe(false);
    cap.record();
    expect(cap.reached()).toBe(true);
    now += 1000;
    expect(cap.reached()).toBe(false);
    expect(new DailyCap(0).reached()).toBe(false);
  });
});

describe('the unlimited rate limit', () => {
  it('answers 45009 beyond the calls allowed per minute', async () => {
    const code = await start({ unlimitedPerMinute: 3 });
    for (let i = 0; i < 3; i++)
      expect((await code('/wxa/getwxacodeunlimit', { scene: `s${i}` })).errcode).toBe(0);
    expect((await code('/wxa/getwxacodeunlimit', { scene: 's3' })).errcode).toBe(45009);
    // The limited kinds are not rate-limited here.
    expect((await code('/wxa/getwxacode', { path: 'p' })).errcode).toBe(0);
  });

  it('can be turned off with 0', async () => {
    const code = await start({ unlimitedPerMinute: 0 });
    for (let i = 0; i < 5; i++)
      expect((await code('/wxa/getwxacodeunlimit', { scene: `s${i}` })).errcode).toBe(0);
  });

  it('frees a slot once a call is a minute old', () => {
    let now = 0;
    const limit = new RollingMinuteLimit(2, () => now);
    for (const t of [0, 30_000]) {
      now = t;
      expect(limit.full()).toBe(false);
      limit.record();
    }
    now = 59_999;
    expect(limit.full()).toBe(true);
    now = 60_000;
    expect(limit.full()).toBe(false);
    limit.record();
    expect(limit.full()).toBe(true);
    now = 90_000;
    expect(limit.full()).toBe(false);
  });
});
