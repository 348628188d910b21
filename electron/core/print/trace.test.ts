import { describe, expect, it } from 'vitest';
import { type InkMask, inkOf, outlinesOf } from './trace';

/** A mask drawn as text: '#' ink, '.' paper. */
function maskOf(...rows: string[]): InkMask {
  const width = rows[0]!.length;
  const ink = Uint8Array.from(rows.join('').split(''), (c) => (c === '#' ? 1 : 0));
  return { width, height: rows.length, ink };
}

const corners = (mask: InkMask) => outlinesOf(mask).map((outline) => [...outline]);

/** Twice the signed area (shoelace): positive for clockwise on screen (y down). */
function area(outline: number[]): number {
  let sum = 0;
  for (let i = 0; i < outline.length; i += 2) {
    const j = (i + 2) % outline.length;
    sum += outline[i]! * outline[j + 1]! - outline[j]! * outline[i + 1]!;
  }
  return sum / 2;
}

describe('the outlines of the ink', () => {
  it('of a block are its four corners, clockwise, with no point in the middle of an edge', () => {
    expect(corners(maskOf('....', '.##.', '.##.', '....'))).toEqual([[1, 1, 3, 1, 3, 3, 1, 3]]);
  });

  it('reach the image border', () => {
    expect(corners(maskOf('##', '##'))).toEqual([[0, 0, 2, 0, 2, 2, 0, 2]]);
  });

  it('of a ring are an outer outline and a hole turning the other way, so the hole stays empty', () => {
    const outlines = corners(maskOf('###', '#.#', '###'));
    expect(outlines).toHaveLength(2);
    expect(outlines.map(area)).toEqual([9, -1]);
  });

  it('keep diagonal neighbours apart, and cover exactly the ink of any shape', () => {
    const mask = maskOf('#..#.', '.##..', '.#.##', '#.#.#', '.###.');
    const outlines = corners(mask);
    // The filled area is the number of ink pixels; every loop closes on the pixel grid.
    const inkPixels = mask.ink.reduce((a, b) => a + b, 0);
    expect(outlines.reduce((sum, outline) => sum + area(outline), 0)).toBe(inkPixels);
    for (const outline of outlines) {
      for (let i = 0; i < outline.length; i += 2) {
        const j = (i + 2) % outline.length;
        // Axis-aligned edges only, and a real turn at every corner.
        expect(outline[i] === outline[j] || outline[i + 1] === outline[j + 1]).toBe(true);
      }
    }
    expect(corners(maskOf('#.', '.#'))).toEqual([
      [0, 0, 1, 0, 1, 1, 0, 1],
      [1, 1, 2, 1, 2, 2, 1, 2],
    ]);
  });

  it('of nothing are none', () => {
    expect(outlinesOf(maskOf('...', '...'))).toEqual([]);
  });
});

describe('the ink of an image', () => {
  const rgba = (...pixels: number[][]) => Uint8Array.from(pixels.flat());

  it('is what is nearer the ink colour than the paper, even for an ink lighter than grey', () => {
    const yellow = { r: 255, g: 214, b: 0 };
    const pixels = rgba([255, 214, 0, 255], [255, 255, 255, 255], [250, 230, 90, 255], [255, 250, 200, 255]);
    expect([...inkOf(pixels, 4, 1, { color: yellow, transparent: false }).ink]).toEqual([1, 0, 1, 0]);
  });

  it('of a transparent code is what is opaque', () => {
    const pixels = rgba([0, 0, 0, 255], [0, 0, 0, 0], [0, 0, 0, 200], [0, 0, 0, 60]);
    expect([...inkOf(pixels, 4, 1, { color: { r: 0, g: 0, b: 0 }, transparent: true }).ink]).toEqual([
      1, 0, 1, 0,
    ]);
  });
});
