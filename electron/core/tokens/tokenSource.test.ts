import { describe, expect, it } from 'vitest';
import { renewAt, TokenCache } from './tokenSource';

describe('token renewal', () => {
  it('renews five minutes before expiry, and a short-lived token at half its life', () => {
    expect(renewAt(0, 7200)).toBe(6900_000);
    expect(renewAt(0, 200)).toBe(100_000);
  });

  it('shares one fetch among concurrent callers and fetches again once the token is due or rejected', async () => {
    let now = 0;
    let fetches = 0;
    const cache = new TokenCache(
      async () => ({ token: `t${++fetches}`, expiresIn: 7200 }),
      () => now,
    );
    expect(await Promise.all([cache.token(), cache.token(), cache.token()])).toEqual(['t1', 't1', 't1']);
    now = 6899_000;
    expect(await cache.token()).toBe('t1');
    now = 6900_000;
    expect(await cache.token()).toBe('t2');
    cache.invalidate('t1');
    expect(await cache.token()).toBe('t2');
    cache.invalidate('t2');
    expect(await cache.token()).toBe('t3');
    expect(fetches).toBe(3);
  });

  it('lets the next caller try again after a failed fetch', async () => {
    let calls = 0;
    const cache = new TokenCache(async () => {
      if (++calls === 1) throw new Error('offline');
      return { token: 'ok', expiresIn: 7200 };
    });
    await expect(cache.token()).rejects.toThrow('offline');
    expect(await cache.token()).toBe('ok');
  });

  it('one caller giving up does not fail the others waiting for the same fetch', async () => {
    let release!: (value: { token: string; expiresIn: number }) => void;
    const cache = new TokenCache(() => new Promise((resolve) => (release = resolve)));
    const quitter = new AbortController();
    const first = cache.token(quitter.signal);
    const second = cache.token();
    quitter.abort();
    await expect(first).rejects.toMatchObject({ error: { code: 'cancelled' } });
    release({ token: 'shared', expiresIn: 7200 });
    expect(await second).toBe('shared');
  });
});
