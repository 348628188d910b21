import { describe, expect, it } from 'vitest';
import { coverageMatrix, inkColor, type MadeWith } from './coverage';

/** RGBA pixels from [r, g, b, a] tuples. */
const pixels = (...list: Array<[number, number, number, number]>) => Uint8ClampedArray.from(list.flat());

/** The mask's alpha, 0–255, for each pixel, as the browser's feColorMatrix computes it. */
function lineCoverage(rgba: Uint8ClampedArray, madeWith: MadeWith): number[] {
  const m = coverageMatrix(madeWith, inkColor(rgba, madeWith.transparent));
  expect(m.slice(0, 15).every((v) => v === 0)).toBe(true);
  const alphas: number[] = [];
  for (let o = 0; o < rgba.length; o += 4) {
    const [r, g, b, a] = [rgba[o]!, rgba[o + 1]!, rgba[o + 2]!, rgba[o + 3]!].map((v) => v / 255);
    const alpha = m[15]! * r! + m[16]! * g! + m[17]! * b! + m[18]! * a! + m[19]!;
    alphas.push(Math.round(Math.min(1, Math.max(0, alpha)) * 255));
  }
  return alphas;
}

describe('the line mask of a real image', () => {
  it('reads an opaque image as the distance from white towards the line colour it was made with', () => {
    const red = { r: 255, g: 0, b: 0 };
    const image = pixels([255, 255, 255, 255], [255, 0, 0, 255], [255, 128, 128, 255], [255, 250, 250, 255]);
    const coverage = Array.from(lineCoverage(image, { transparent: false, lineColor: red }));
    expect(coverage[0]).toBe(0);
    expect(coverage[1]).toBe(255);
    expect(coverage[2]).toBeGreaterThan(120);
    expect(coverage[2]).toBeLessThan(135);
    expect(coverage[3]).toBeLessThan(10);
  });

  it('reads a transparent image from its alpha, whatever the colour', () => {
    const image = pixels([0, 0, 0, 0], [10, 200, 30, 255], [10, 200, 30, 100]);
    expect(Array.from(lineCoverage(image, { transparent: true, lineColor: null }))).toEqual([0, 255, 100]);
  });

  it('finds the line colour itself when WeChat chose it (automatic colour)', () => {
    const green = [26, 173, 25] as const;
    const image = pixels([255, 255, 255, 255], [...green, 255], [...green, 255], [140, 214, 140, 255]);
    expect(inkColor(image, false)).toEqual({ r: 26, g: 173, b: 25 });
    const coverage = Array.from(lineCoverage(image, { transparent: false, lineColor: null }));
    expect(coverage.slice(0, 3)).toEqual([0, 255, 255]);
  });

  it('still finds lines when the colour it was made with is almost white', () => {
    const image = pixels([255, 255, 255, 255], [0, 0, 0, 255]);
    const coverage = lineCoverage(image, { transparent: false, lineColor: { r: 250, g: 250, b: 250 } });
    expect(Array.from(coverage)).toEqual([0, 255]);
  });
});
