import { describe, expect, it } from 'vitest';
import { labelSizing } from './labelSizing';

describe('labelSizing', () => {
  it('scales the labels and the space around them with the code', () => {
    expect(labelSizing(430, 1)).toEqual({ size: 36, margin: 22, gap: 11 });
    expect(labelSizing(1280, 2)).toEqual({ size: 107, margin: 64, gap: 32 });
  });

  it('keeps the font readable on a tiny code and adds no space without labels', () => {
    expect(labelSizing(60, 1).size).toBe(8);
    expect(labelSizing(430, 0)).toEqual({ size: 36, margin: 0, gap: 0 });
  });
});
