import { describe, expect, it } from 'vitest';
import { Failure } from '../../../shared/result';
import { pixels, sandboxCode, TEST_FONT } from '../../testing/printImages';
import { compose, layOut } from './compose';
import { bundledLabelFont } from './labelFont';
import { readDpi } from './pngDpi';

const font = TEST_FONT;

describe('compose: a code with labels, as printed', () => {
  it('puts each label line in its band and no ink in the margins or gaps', async () => {
    const code = await sandboxCode();
    const options = {
      font,
      margin: 30,
      gap: 16,
      labels: [
        { text: '上海张江店', size: 48, weight: 'bold' as const },
        { text: '桌号 7', size: 32, colour: '#333333', align: 'left' as const },
        { text: '扫码点餐', size: 30, position: 'above' as const, align: 'right' as const },
      ],
    };
    const { png, layout } = await compose(code, options);
    const image = await pixels(png);
    expect([image.width, image.height]).toEqual([layout.width, layout.height]);
    expect(layout.code).toEqual({ x: 30, y: 30 + 45 + 16, width: 430, height: 430 });
    const [name, table, above] = layout.labels;
    // Below the code: the name band, then the table band; above it, the third line.
    expect(name!.y).toBe(layout.code.y + 430 + 16);
    expect(table!.y).toBe(name!.y + name!.height);
    expect(above!.y).toBe(30);
    for (const band of layout.labels)
      expect(image.darkIn(band.x, band.y, band.width, band.height)).toBeGreaterThan(100);
    // Alignment: the left line's ink starts at the band's left edge, the right line's ends at its right edge.
    const half = (b: typeof name) => [b!.width / 2, b!.height] as const;
    expect(image.darkIn(table!.x, table!.y, ...half(table))).toBeGreaterThan(0);
    expect(image.darkIn(table!.x + table!.width / 2, table!.y, ...half(table))).toBe(0);
    expect(image.darkIn(above!.x, above!.y, ...half(above))).toBe(0);
    // Nothing outside the code and the bands: margins all round, the gaps between code and labels.
    expect(image.darkIn(0, 0, layout.width, 30)).toBe(0);
    expect(image.darkIn(0, 0, 30, layout.height)).toBe(0);
    expect(image.darkIn(layout.width - 30, 0, 30, layout.height)).toBe(0);
    expect(image.darkIn(0, layout.height - 30, layout.width, 30)).toBe(0);
    expect(image.darkIn(0, above!.y + above!.height, layout.width, 16)).toBe(0);
    expect(image.darkIn(0, layout.code.y + 430, layout.width, 16)).toBe(0);
    expect(readDpi(png)?.dpi).toBeCloseTo(300, 0);
  });

  it('gives the same bytes for the same inputs', async () => {
    const code = await sandboxCode();
    const options = { font, margin: 10, dpi: 600, labels: [{ text: '门店 {x} & <b>', size: 40 }] };
    const first = await compose(code, options);
    const second = await compose(code, options);
    expect(first.png.equals(second.png)).toBe(true);
    expect(readDpi(first.png)?.pixelsPerMetreX).toBe(23622);
  });

  it('draws Chinese glyphs from the given font file, not empty boxes', async () => {
    // Missing glyphs all draw the same box, so two different characters drawing differently shows real glyphs.
    const code = await sandboxCode();
    const draw = async (text: string) => {
      const { png, layout } = await compose(code, { font, labels: [{ text, size: 60 }] });
      const band = layout.labels[0]!;
      const image = await pixels(png);
      const ink: number[] = [];
      for (let y = band.y; y < band.y + band.height; y++)
        for (let x = band.x; x < band.x + band.width; x++) ink.push(image.darkIn(x, y, 1, 1));
      return ink.join('');
    };
    expect(await draw('门')).not.toBe(await draw('店'));
  });

  it('shrinks a line wider than the code to fit rather than cutting it', async () => {
    const code = await sandboxCode();
    const text = '上海市浦东新区张江高科技园区祖冲之路店 二楼 A 区';
    const { png, layout } = await compose(code, { font, margin: 20, labels: [{ text, size: 60 }] });
    const image = await pixels(png);
    const band = layout.labels[0]!;
    expect(image.darkIn(band.x, band.y, 20, band.height)).toBeGreaterThan(0);
    expect(image.darkIn(band.x + band.width - 20, band.y, 20, band.height)).toBeGreaterThan(0);
    expect(
      image.darkIn(0, band.y, 20, band.height) + image.darkIn(layout.width - 20, band.y, 20, band.height),
    ).toBe(0);
  });

  it('a transparent background stays transparent around the code; a colour fills it', async () => {
    const code = await sandboxCode();
    const clear = await pixels((await compose(code, { margin: 12, background: 'transparent' })).png);
    expect(clear.at(3, 3)[3]).toBe(0);
    const tinted = await pixels((await compose(code, { margin: 12, background: '#fff3d6' })).png);
    expect(tinted.at(3, 3)).toEqual([255, 243, 214, 255]);
  });

  it('refuses a style it cannot draw, naming the label and the fix', async () => {
    const code = await sandboxCode();
    for (const options of [
      { labels: [{ text: 'x', size: 2 }] },
      { labels: [{ text: 'x', colour: 'red' }] },
      { margin: -1 },
    ]) {
      const error = await compose(code, options).then(
        () => undefined,
        (caught: unknown) => (caught instanceof Failure ? caught.error : caught),
      );
      expect(error).toMatchObject({ code: 'field', field: 'labels' });
    }
  });

  it('lays out without drawing: no labels, no gap', () => {
    expect(layOut(430, 430, { gap: 20 })).toEqual({
      width: 430,
      height: 430,
      code: { x: 0, y: 0, width: 430, height: 430 },
      labels: [],
    });
  });

  it.skipIf(bundledLabelFont() === null)('uses the bundled Noto Sans SC when it is installed', async () => {
    const { png } = await compose(await sandboxCode(), {
      font: bundledLabelFont(),
      labels: [{ text: '门店名称' }],
    });
    expect(png.length).toBeGreaterThan(0);
  });
});
