import { afterEach, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from './index';
import { type Answer, call, jsonOf, stableToken } from './testing';

let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

interface Setup {
  base: string;
  code: (body?: unknown) => Promise<Answer>;
}

/** A sandbox with a token in hand; `code` asks getwxacode for a code. */
async function start(): Promise<Setup> {
  sandbox = await startSandbox();
  const base = sandbox.url;
  const token = await stableToken(base);
  return {
    base,
    code: (body = { path: 'pages/index/index?id=1' }) =>
      call(`${base}/wxa/getwxacode?access_token=${token}`, { body }),
  };
}

async function arrange(base: string, plan: unknown): Promise<void> {
  const answer = await call(`${base}/__sandbox/faults`, { body: plan });
  expect(jsonOf(answer)).toEqual({ ok: true });
}

const isImage = (a: Answer): boolean => a.status === 200 && a.bytes[0] === 0xff && a.bytes[1] === 0xd8;

describe('queued faults', () => {
  it('errcode: the next calls answer the errcode, spend no quota, and still count in stats', async () => {
    const { base, code } = await start();
    await arrange(base, { faults: [{ endpoint: 'getwxacode', kind: 'errcode', errcode: -1, times: 2 }] });
    for (let i = 0; i < 2; i++) {
      const answer = await code();
      expect(answer.status).toBe(200);
      expect(jsonOf(answer)).toMatchObject({
        errcode: -1,
        errmsg: expect.stringMatching(/^system error rid: /),
      });
    }
    const third = await code();
    expect(isImage(third)).toBe(true);
    expect(third.headers.get('num-used')).toBe('1');
    expect(sandbox?.stats()).toMatchObject({ getwxacode: 3, numUsed: 1 });
  });

  it('matches only its endpoint, or every endpoint with *', async () => {
    const { base, code } = await start();
    await arrange(base, { faults: [{ endpoint: 'getwxacodeunlimit', kind: 'errcode', errcode: 45009 }] });
    expect(isImage(await code())).toBe(true);
    await arrange(base, { faults: [{ endpoint: '*', kind: 'errcode', errcode: 40001 }] });
    const token = await call(`${base}/cgi-bin/token?grant_type=client_credential&appid=x&secret=y`);
    expect(jsonOf(token).errcode).toBe(40001);
  });

  it('reset: the connection drops without an answer', async () => {
    const { base, code } = await start();
    await arrange(base, { faults: [{ endpoint: 'getwxacode', kind: 'reset' }] });
    await expect(code()).rejects.toThrow();
    expect(isImage(await code())).toBe(true);
    expect(sandbox?.stats()).toMatchObject({ getwxacode: 2, numUsed: 1 });
  });

  it('stall: answers normally after the delay', async () => {
    const { base, code } = await start();
    await arrange(base, { faults: [{ endpoint: 'getwxacode', kind: 'stall', ms: 300 }] });
    const started = performance.now();
    const answer = await code();
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(isImage(answer)).toBe(true);
    expect(answer.headers.get('num-used')).toBe('1');
  });

  it('stall: a client that gives up spends nothing', async () => {
    const { base } = await start();
    const token = await stableToken(base);
    await arrange(base, { faults: [{ endpoint: 'getwxacode', kind: 'stall', ms: 400 }] });
    const url = `${base}/wxa/getwxacode?access_token=${token}`;
    const body = JSON.stringify({ path: 'p' });
    await expect(fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(100) })).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(sandbox?.stats()).toMatchObject({ getwxacode: 1, numUsed: 0 });
  });

  it('stall: close() does not wait for a stalled call', async () => {
    const { base, code } = await start();
    await arrange(base, { faults: [{ endpoint: 'getwxacode', kind: 'stall', ms: 10_000 }] });
    const pending = code().catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    await sandbox?.close();
    sandbox = undefined;
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
  });

  it('truncate: a 200 image/jpeg with only the first half of the real image', async () => {
    const { base, code } = await start();
    await arrange(base, { faults: [{ endpoint: 'getwxacode', kind: 'truncate' }] });
    const cut = await code();
    const whole = await code();
    expect(cut.status).toBe(200);
    expect(cut.headers.get('content-type')).toBe('image/jpeg');
    expect(cut.bytes.equals(whole.bytes.subarray(0, Math.floor(whole.bytes.length / 2)))).toBe(true);
    expect(cut.headers.get('num-used')).toBe('0');
    expect(whole.headers.get('num-used')).toBe('1');
  });

  it('html: a 502 page from a gateway instead of WeChat', async () => {
    const { base, code } = await start();
    await arrange(base, { faults: [{ endpoint: 'getwxacode', kind: 'html' }] });
    const answer = await code();
    expect(answer.status).toBe(502);
    expect(answer.headers.get('content-type')).toBe('text/html');
    expect(answer.bytes.toString()).toBe('<html>502 Bad Gateway</html>');
  });

  it('DELETE clears queued and random faults', async () => {
    const { base, code } = await start();
    await arrange(base, { faults: [{ kind: 'html', times: 5 }], rate: 1, seed: 3, kinds: ['reset'] });
    await call(`${base}/__sandbox/faults`, { method: 'DELETE' });
    expect(isImage(await code())).toBe(true);
  });

  it('refuses a malformed plan with a 400 that says what is wrong', async () => {
    const { base } = await start();
    const answer = await call(`${base}/__sandbox/faults`, { body: { faults: [{ kind: 'explode' }] } });
    expect(answer.status).toBe(400);
    expect(jsonOf(answer).error).toMatch(/kind must be one of/);
    const badEndpoint = await call(`${base}/__sandbox/faults`, {
      body: { faults: [{ kind: 'reset', endpoint: 'x' }] },
    });
    expect(jsonOf(badEndpoint).error).toMatch(/endpoint must be/);
  });
});

describe('random faults', () => {
  async function outcomes(setup: Setup, plan: unknown, calls: number): Promise<string[]> {
    await call(`${setup.base}/__sandbox/faults`, { method: 'DELETE' });
    await arrange(setup.base, plan);
    const seen: string[] = [];
    for (let i = 0; i < calls; i++) {
      const answer = await setup.code();
      seen.push(isImage(answer) ? 'ok' : answer.status === 502 ? 'html' : String(jsonOf(answer).errcode));
    }
    return seen;
  }

  it('hit about `rate` of the calls, the same calls for the same seed', async () => {
    const setup = await start();
    const plan = { rate: 0.3, seed: 7, kinds: ['html', { kind: 'errcode', errcode: 45009 }] };
    const first = await outcomes(setup, plan, 40);
    const again = await outcomes(setup, plan, 40);
    const other = await outcomes(setup, { ...plan, seed: 8 }, 40);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    const faulted = first.filter((o) => o !== 'ok');
    expect(faulted.length).toBeGreaterThan(4);
    expect(faulted.length).toBeLessThan(24);
    expect(new Set(faulted)).toEqual(new Set(['html', '45009']));
  });

  it('leave other endpoints alone when given one', async () => {
    const setup = await start();
    const seen = await outcomes(setup, { rate: 1, seed: 1, kinds: ['html'], endpoint: 'createwxaqrcode' }, 3);
    expect(seen).toEqual(['ok', 'ok', 'ok']);
  });
});

describe('control routes', () => {
  it('GET /__sandbox/stats reports calls and numUsed', async () => {
    const { base, code } = await start();
    await code();
    const stats = jsonOf(await call(`${base}/__sandbox/stats`));
    expect(stats).toEqual({
      stable_token: 1,
      token: 0,
      getwxacode: 1,
      getwxacodeunlimit: 0,
      createwxaqrcode: 0,
      numUsed: 1,
    });
  });

  it('answers unknown routes with a 404 JSON body', async () => {
    const { base } = await start();
    const answer = await call(`${base}/wxa/getwxacode`);
    expect(answer.status).toBe(404);
    expect(jsonOf(answer)).toMatchObject({ errcode: 404 });
  });
});
