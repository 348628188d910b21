import { describe, expect, it } from 'vitest';
import { KeptById } from './keptById';

describe('what the page refers to by id', () => {
  it('is found by the id it was given, each id its own', () => {
    const sheets = new KeptById<string>(3);
    const first = sheets.keep('orders.xlsx');
    const second = sheets.keep('orders.xlsx');
    expect(first).not.toBe(second);
    expect([sheets.get(first), sheets.get(second)]).toEqual(['orders.xlsx', 'orders.xlsx']);
    expect(sheets.get('made-up')).toBeUndefined();
  });

  it('keeps the last few: past the limit, the oldest goes first', () => {
    const plans = new KeptById<number>(2);
    const ids = [1, 2, 3].map((n) => plans.keep(n));
    expect(ids.map((id) => plans.get(id))).toEqual([undefined, 2, 3]);
  });
});
