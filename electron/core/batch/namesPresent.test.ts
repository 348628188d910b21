import { describe, expect, it } from 'vitest';
import { bytesInUseAfterGc } from '../../testing/heapAfterGc';
import { NamesPresentBuilder } from './namesPresent';

describe('NamesPresent', () => {
  it('knows 200,000 names in 8 bytes each, and none it was not given', () => {
    const name = (i: number) => `上海/门店${i}.png`;
    const before = bytesInUseAfterGc();
    const builder = new NamesPresentBuilder();
    for (let i = 0; i < 200_000; i++) builder.add(name(i));
    const present = builder.done();
    const kept = bytesInUseAfterGc() - before;
    expect(present.size).toBe(200_000);
    for (let i = 0; i < 200_000; i += 997) expect(present.has(name(i))).toBe(true);
    expect(present.has(name(200_000))).toBe(false);
    expect(present.has('上海/门店1.PNG')).toBe(false);
    // A Set of the names took about 19 MB.
    expect(kept).toBeLessThan(2 * 2 ** 20);
  });
});
