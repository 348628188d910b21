import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rateLimiter';

/** Start times of `count` acquires made at once by parallel callers, in ms from the first. */
async function starts(limiter: RateLimiter, count: number): Promise<number[]> {
  const begin = performance.now();
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: count }, async () => {
      await limiter.acquire();
      times.push(performance.now() - begin);
    }),
  );
  return times.sort((a, b) => a - b);
}

/** True when every acquire resolved without waiting on a timer (before a 0 ms timer could fire). */
async function noneWaited(limiter: RateLimiter, count: number): Promise<boolean> {
  let timerFired = false;
  const timer = setTimeout(() => (timerFired = true), 0);
  await Promise.all(Array.from({ length: count }, () => limiter.acquire()));
  clearTimeout(timer);
  return !timerFired;
}

// Only lower bounds on times: a loaded machine can make a timer late, never early.
describe('RateLimiter', () => {
  it('spaces parallel callers evenly at the pace, with no burst', async () => {
    const limiter = new RateLimiter(1200); // one call every 50 ms
    expect(await noneWaited(limiter, 1)).toBe(true);
    const times = await starts(limiter, 4);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(45);
  });

  it('lets everything through at once with no limit', async () => {
    const limiter = new RateLimiter(0);
    expect(limiter.callsPerMinute).toBeUndefined();
    expect(await noneWaited(limiter, 20)).toBe(true);
  });

  it('after WeChat’s rate limit: holds every call for the pause, then halves the pace, then recovers', async () => {
    const limiter = new RateLimiter(1200);
    limiter.slowDown(120);
    expect(limiter.callsPerMinute).toBe(600);
    const times = await starts(limiter, 3);
    expect(times[0]).toBeGreaterThanOrEqual(115);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(95);
    for (let i = 0; i < 50; i++) limiter.passed();
    expect(limiter.callsPerMinute).toBe(1200);
  });

  it('slows an unlimited limiter from WeChat’s documented 5,000 a minute', () => {
    const limiter = new RateLimiter(0);
    limiter.slowDown(0);
    expect(limiter.callsPerMinute).toBe(2500);
  });

  it('stops waiting with “cancelled” when the signal aborts', async () => {
    const limiter = new RateLimiter(60);
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ error: { code: 'cancelled' } });
  });
});
