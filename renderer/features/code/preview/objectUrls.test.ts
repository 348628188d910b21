import { describe, expect, it } from 'vitest';
import { ObjectUrls } from './objectUrls';

const bytes = (n: number) => new Uint8Array([n]);

describe('ObjectUrls', () => {
  it('makes one URL per key and releases the least recently used beyond its capacity', async () => {
    const urls = new ObjectUrls(2);
    const a = urls.urlFor('a', bytes(1));
    expect(urls.urlFor('a', bytes(9))).toBe(a);
    const b = urls.urlFor('b', bytes(2));
    urls.get('a');
    urls.urlFor('c', bytes(3));

    expect(urls.get('a')).toBe(a);
    expect(urls.get('b')).toBeUndefined();
    // A released URL no longer resolves to its bytes.
    await expect(fetch(b)).rejects.toThrow();
    expect(new Uint8Array(await (await fetch(a)).arrayBuffer())).toEqual(bytes(1));
  });
});
