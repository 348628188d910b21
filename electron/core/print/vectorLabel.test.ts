import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { sandboxCode } from '../../testing/printImages';
import { type Raster, rasterOf, renderPdf, renderSvg } from '../../testing/vectorCheck';
import { type ComposeOptions, compose, type Rect } from './compose';
import { bundledLabelFont } from './labelFont';
import { labelSizing } from './labelSizing';
import { toPdf, toSvg } from './vectorFile';
import { vectorLabel } from './vectorLabel';
import { svgPath } from './vectorPath';
import { vectorPrint } from './vectorPrint';

// Each test traces a code and rasterises SVG and PDF: seconds each on a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

const TRACE = { color: { r: 0, g: 0, b: 0 }, transparent: false };

/** Dark (luminance < 128 on white) pixels in `box`, clipped to the raster. */
function darkIn(raster: Raster, box: Rect): number {
  let dark = 0;
  const [x0, y0] = [Math.max(0, Math.floor(box.x)), Math.max(0, Math.floor(box.y))];
  const [x1, y1] = [
    Math.min(raster.width, Math.ceil(box.x + box.width)),
    Math.min(raster.height, Math.ceil(box.y + box.height)),
  ];
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * raster.width + x) * 4;
      const a = raster.rgba[i + 3]! / 255;
      const lum = [0, 1, 2].map((c) => raster.rgba[i + c]! * a + 255 * (1 - a));
      if (0.299 * lum[0]! + 0.587 * lum[1]! + 0.114 * lum[2]! < 128) dark++;
    }
  }
  return dark;
}

/** The bounding box of the dark pixels in `box`. */
function inkBox(raster: Raster, box: Rect): { left: number; right: number; top: number; bottom: number } {
  const found = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let x = box.x; x < box.x + box.width; x++) {
      if (darkIn(raster, { x, y, width: 1, height: 1 }) === 0) continue;
      [found.left, found.right] = [Math.min(found.left, x), Math.max(found.right, x)];
      [found.top, found.bottom] = [Math.min(found.top, y), Math.max(found.bottom, y)];
    }
  }
  return found;
}

describe('a vector file with label lines', () => {
  it('draws Chinese and Latin text as shapes in the bands labelSizing and layOut give, where compose draws it', async () => {
    const png = await sandboxCode('pages/index/index?table=12', 430);
    const sizing = labelSizing(430, 2);
    const options: ComposeOptions = {
      labels: [
        { text: '门店 12 号桌', size: sizing.size },
        { text: '扫码点餐 Scan', size: sizing.size, position: 'above', weight: 'bold', colour: '#c8102e' },
      ],
      margin: sizing.margin,
      gap: sizing.gap,
      font: bundledLabelFont(),
    };
    const print = await vectorPrint(png, TRACE, options, 40);
    const { layout } = print;
    const svg = toSvg(print, { widthMm: 40 });
    const pdf = await toPdf(print, { widthMm: 40 });
    // No text and no font in either file: a print shop's machine needs none.
    expect(svg).not.toContain('<text');
    const dir = mkdtempSync(join(tmpdir(), 'wxacode-label-'));
    try {
      writeFileSync(join(dir, 'label.pdf'), pdf);
      const fonts = execFileSync('pdffonts', [join(dir, 'label.pdf')], { encoding: 'utf8' })
        .trim()
        .split('\n');
      expect(fonts.length, fonts.join('\n')).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const composed = await rasterOf((await compose(png, options)).png);
    const rasters = {
      svg: await rasterOf(renderSvg(svg, layout.width, layout.height)),
      pdf: await rasterOf(renderPdf(pdf, layout.width, layout.height)),
    };
    const [below, above] = layout.labels as [Rect, Rect];
    for (const [name, raster] of Object.entries(rasters)) {
      expect([raster.width, raster.height], name).toEqual([layout.width, layout.height]);
      const all = darkIn(raster, { x: 0, y: 0, width: layout.width, height: layout.height });
      const inCode = darkIn(raster, layout.code);
      const inBands = darkIn(raster, below) + darkIn(raster, above);
      // Every dark pixel is the code's or lies in its label's band, and each band has text.
      expect(all - inCode - inBands, name).toBe(0);
      expect(darkIn(raster, below), name).toBeGreaterThan(200);
      expect(darkIn(raster, above), name).toBeGreaterThan(200);
      // Each character of 门店 12 号桌 is drawn: dark pixels in its own ink box.
      const glyphs = print.labels[0]!.glyphBoxes;
      expect(glyphs).toHaveLength(6);
      for (const [i, glyph] of glyphs.entries()) {
        expect(darkIn(raster, glyph), `${name}: glyph ${i}`).toBeGreaterThan(
          glyph.width * glyph.height * 0.1,
        );
      }
      // Where compose's PNG draws the same line, within a couple of pixels (hinting, anti-aliasing).
      for (const band of [below, above]) {
        const want = inkBox(composed, band);
        const got = inkBox(raster, band);
        for (const side of ['left', 'right', 'top', 'bottom'] as const) {
          expect(
            Math.abs(got[side] - want[side]),
            `${name} ${side}: ${JSON.stringify({ got, want })}`,
          ).toBeLessThanOrEqual(3);
        }
      }
    }
  });
});

describe('a label line as glyph outlines', () => {
  const font = bundledLabelFont()!;
  const band: Rect = { x: 0, y: 0, width: 400, height: 60 };
  const contours = (text: string) =>
    vectorLabel({ text, size: 40 }, band, font)!.steps.filter((step) => step.op === 'move').length;

  it('draws each Chinese character as its own shape of several strokes', () => {
    const door = vectorLabel({ text: '门', size: 40 }, band, font)!;
    const shop = vectorLabel({ text: '店', size: 40 }, band, font)!;
    expect(contours('门')).toBeGreaterThan(1);
    expect(contours('店')).toBeGreaterThan(1);
    expect(svgPath(door.steps)).not.toBe(svgPath(shop.steps));
    // A full-width character fills most of its 40-pixel em.
    for (const { glyphBoxes } of [door, shop]) {
      expect(glyphBoxes).toHaveLength(1);
      expect(glyphBoxes[0]!.width).toBeGreaterThan(30);
      expect(glyphBoxes[0]!.height).toBeGreaterThan(30);
    }
  });

  it("draws nothing for blanks and the font's missing-glyph box for a character it lacks", () => {
    expect(vectorLabel({ text: '   ', size: 40 }, band, font)).toBeNull();
    expect(vectorLabel({ text: ' 门 ', size: 40 }, band, font)!.glyphBoxes).toHaveLength(1);
    // U+E000 (private use) is in no font: it is drawn as a box between the two characters, not dropped.
    const line = vectorLabel({ text: '门\uE000店', size: 40 }, band, font)!;
    expect(line.glyphBoxes).toHaveLength(3);
    const [door, missing, shop] = line.glyphBoxes as [Rect, Rect, Rect];
    expect(missing.x).toBeGreaterThan(door.x + door.width);
    expect(shop.x).toBeGreaterThan(missing.x + missing.width);
    expect(contours('\uE000')).toBeGreaterThan(0);
  });

  it('kerns Latin pairs as the PNG label does: AVATAR To ends where compose draws it', async () => {
    // Unkerned, this line at 40 px is about 9 px wider (A V, V A, T o pairs); left-aligned, that is its right edge.
    const label = { text: 'AVATAR To', size: 40, align: 'left' as const };
    const { png, layout } = await compose(await sandboxCode(), { labels: [label], font });
    const lineBand = layout.labels[0]!;
    const want = inkBox(await rasterOf(png), lineBand);
    const boxes = vectorLabel(label, lineBand, font)!.glyphBoxes;
    const left = Math.min(...boxes.map((b) => b.x));
    const right = Math.max(...boxes.map((b) => b.x + b.width));
    expect(Math.abs(left - want.left), JSON.stringify({ left, want })).toBeLessThanOrEqual(2);
    expect(Math.abs(right - (want.right + 1)), JSON.stringify({ right, want })).toBeLessThanOrEqual(2);
  });
});
