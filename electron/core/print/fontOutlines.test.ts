import { describe, expect, it } from 'vitest';
import { TEST_FONT } from '../../testing/printImages';
import { readFontOutlines } from './fontOutlines';
import { bundledLabelFont } from './labelFont';

describe('glyph outlines from a TrueType font', () => {
  it('reads the bundled Noto Sans SC: Chinese characters are full-width shapes, a space is blank', () => {
    const font = readFontOutlines(bundledLabelFont()!.regular);
    expect(font.unitsPerEm).toBe(1000);
    for (const ch of '门店号桌') {
      const glyph = font.glyph(ch.codePointAt(0)!);
      expect(glyph.advance, ch).toBe(1000);
      expect(glyph.contours.length, ch).toBeGreaterThan(1);
      // Every point lies within the glyph's declared ink box.
      for (const point of glyph.contours.flat()) {
        expect(point.x).toBeGreaterThanOrEqual(glyph.xMin);
        expect(point.x).toBeLessThanOrEqual(glyph.xMax);
        expect(point.y).toBeGreaterThanOrEqual(glyph.yMin);
        expect(point.y).toBeLessThanOrEqual(glyph.yMax);
      }
    }
    const space = font.glyph(32);
    expect(space.contours).toEqual([]);
    expect(space.advance).toBeGreaterThan(0);
    expect(font.glyph('1'.codePointAt(0)!).advance).toBeLessThan(1000);
  });

  it('reads the first face of a font collection (.ttc)', () => {
    const font = readFontOutlines(TEST_FONT.regular);
    expect(font.glyph('店'.codePointAt(0)!).contours.length).toBeGreaterThan(1);
  });
});
