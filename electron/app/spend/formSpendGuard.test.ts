import { describe, expect, it } from 'vitest';
import { FormSpendGuard, FREE_FORM_CODES_PER_MINUTE } from './formSpendGuard';

const APP = 'wx0123456789abcdef';

/** A guard on a clock the test moves, and a user who answers as told, with every question kept. */
function guarded(answer: () => boolean | Promise<boolean>) {
  let now = 1_000_000;
  const asked: number[] = [];
  const guard = new FormSpendGuard(() => now);
  return {
    asked,
    later: (ms: number) => {
      now += ms;
    },
    admit: (appId = APP) =>
      guard.admit(appId, async (made) => {
        asked.push(made);
        return answer();
      }),
  };
}

describe('FormSpendGuard', () => {
  it('lets five paid codes a minute through and asks at the sixth, naming it', async () => {
    const g = guarded(() => true);
    for (let i = 0; i < FREE_FORM_CODES_PER_MINUTE; i++) await g.admit();
    expect(g.asked).toEqual([]);
    await g.admit();
    expect(g.asked).toEqual([6]);
  });

  it('a yes admits one code and starts the count afresh: the question returns after five more', async () => {
    const g = guarded(() => true);
    for (let i = 0; i < 6; i++) await g.admit();
    expect(g.asked).toEqual([6]);
    g.later(30_000);
    for (let i = 0; i < 5; i++) await g.admit();
    expect(g.asked).toEqual([6]);
    // Still within the minute: the 12th is asked about, naming all twelve.
    await g.admit();
    expect(g.asked).toEqual([6, 12]);
    for (let i = 0; i < 12; i++) await g.admit();
    expect(g.asked).toEqual([6, 12, 18, 24]);
  });

  it('a no refuses the call as cancelled and does not count it', async () => {
    const g = guarded(() => false);
    for (let i = 0; i < 5; i++) await g.admit();
    await expect(g.admit()).rejects.toMatchObject({ error: { code: 'cancelled' } });
    await expect(g.admit()).rejects.toMatchObject({ error: { code: 'cancelled' } });
    // Still the 6th each time: the refused ones were never made.
    expect(g.asked).toEqual([6, 6]);
  });

  it('forgets calls older than a minute', async () => {
    const g = guarded(() => true);
    for (let i = 0; i < 5; i++) {
      await g.admit();
      g.later(15_000);
    }
    // The first two were a minute or more ago: with three in the last minute, this one is free.
    await g.admit();
    expect(g.asked).toEqual([]);
  });

  it('counts each AppID on its own: their quotas are separate', async () => {
    const g = guarded(() => true);
    for (let i = 0; i < 5; i++) await g.admit('wx1111111111111111');
    for (let i = 0; i < 5; i++) await g.admit('wx2222222222222222');
    expect(g.asked).toEqual([]);
  });

  it('refuses calls that arrive while the question is open, whatever its answer', async () => {
    let answer: (yes: boolean) => void = () => {};
    const pending = new Promise<boolean>((resolve) => {
      answer = resolve;
    });
    const g = guarded(() => pending);
    for (let i = 0; i < 5; i++) await g.admit();
    const outcome = (p: Promise<void>) =>
      p.then(
        () => 'made',
        () => 'refused',
      );
    const asking = outcome(g.admit());
    const waiting = Array.from({ length: 500 }, () => outcome(g.admit()));
    answer(true);
    expect(await asking).toBe('made');
    expect(await Promise.all(waiting)).toEqual(Array(500).fill('refused'));
    expect(g.asked).toEqual([6]);
    // The yes admitted one: the next five are free, the sixth asks again.
    for (let i = 0; i < 5; i++) await g.admit();
    expect(g.asked).toEqual([6]);
    await g.admit();
    expect(g.asked).toEqual([6, 12]);
  });
});
