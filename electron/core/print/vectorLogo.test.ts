import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { decodePicture, readQr } from '../../sandbox/testing';
import { sandboxCode } from '../../testing/printImages';
import { agreement, colourAt } from '../../testing/rasterAgreement';
import { rasterOf, renderPdf, renderSvg, roundCodePng } from '../../testing/vectorCheck';
import { compose } from './compose';
import { type LogoOptions, placeLogo } from './logo';
import { toPdf, toSvg } from './vectorFile';
import { vectorPrint } from './vectorPrint';

// Each test traces a 1280 px code and rasterises SVG and PDF: seconds each on a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

const BLACK = { r: 0, g: 0, b: 0 };
const TRACE = { color: BLACK, transparent: false };

/** A brand picture with detail: red, a white bar across the middle third, a blue dot at the centre. */
const brand = () =>
  sharp({ create: { width: 300, height: 300, channels: 3, background: '#e4393c' } })
    .composite([
      {
        input: { create: { width: 300, height: 60, channels: 3, background: '#ffffff' } },
        left: 0,
        top: 120,
      },
      {
        input: { create: { width: 40, height: 40, channels: 3, background: '#1a4fd6' } },
        left: 130,
        top: 130,
      },
    ])
    .png()
    .toBuffer();

/** The vector file rasterised at the composed image's size, both ways, beside compose's PNG. */
async function rastersOf(png: Buffer, logo: LogoOptions) {
  const composed = await rasterOf((await compose(png, { logo })).png);
  const print = await vectorPrint(png, TRACE, { logo }, 108);
  const { width, height } = print.layout;
  return {
    print,
    composed,
    svg: await rasterOf(renderSvg(toSvg(print, { widthMm: 108 }), width, height)),
    pdf: await rasterOf(renderPdf(await toPdf(print, { widthMm: 108 }), width)),
  };
}

describe('a vector file with a centre logo', () => {
  it('on a 小程序码 draws the logo round, ringed, where compose puts it, over no traced shape', async () => {
    const png = await roundCodePng(1280);
    const logo: LogoOptions = { image: await brand(), shape: 'round', ring: true };
    const { print, composed, svg, pdf } = await rastersOf(png, logo);
    for (const [name, raster] of [
      ['svg', svg],
      ['pdf', pdf],
    ] as const) {
      const measured = agreement(composed, raster);
      expect(measured.share, `${name}: ${JSON.stringify(measured)}`).toBeGreaterThanOrEqual(0.98);
      expect(measured.edgeShare, name).toBeLessThan(0.2);
      // The blue dot at the logo's centre, and the white ring just inside the avatar circle.
      expect(colourAt(raster, 640, 640), name).toEqual(colourAt(composed, 640, 640));
      const { size } = placeLogo(1280, 1280, 'round');
      expect(colourAt(raster, 640 + size / 2 - 4, 640), name).toEqual([255, 255, 255]);
    }
    expect(colourAt(composed, 640, 640)).toEqual([26, 79, 214]);
    // The measure tells: the same code without its logo is far from compose's image.
    const bare = await rasterOf(renderSvg(toSvg(await vectorPrint(png, TRACE, {}, 108)), 1280, 1280));
    expect(agreement(composed, bare).share).toBeLessThan(0.9);
    // The avatar WeChat drew is gone from the shapes: no outline point lies inside the logo's circle.
    const { size } = placeLogo(1280, 1280, 'round');
    const inside = print.code.outlines.some((outline) => {
      for (let i = 0; i < outline.length; i += 2) {
        if (Math.hypot(outline[i]! - 640, outline[i + 1]! - 640) < size / 2 - 1) return true;
      }
      return false;
    });
    expect(inside).toBe(false);
    // The picture is embedded at print resolution: on a 1 m sign, 300 DPI over its ~40 cm (capped at 3000 px).
    const sign = await vectorPrint(png, TRACE, { logo }, 1000);
    expect((await sharp(sign.logo!.picture.png).metadata()).width).toBe(3000);
    expect((await sharp(print.logo!.picture.png).metadata()).width).toBe(print.logo!.picture.rect.width);
  });

  it('on a square QR code draws a small square logo where compose puts it, and the code still reads', async () => {
    const text = 'pages/index/index?table=12';
    const png = await sandboxCode(text, 1280);
    const logo: LogoOptions = { image: await brand(), shape: 'square' };
    const { print, composed, svg, pdf } = await rastersOf(png, logo);
    const svgText = toSvg(print);
    expect(svgText).toContain('<image');
    expect(svgText).toContain('href="data:image/png;base64,');
    for (const [name, raster] of [
      ['svg', svg],
      ['pdf', pdf],
    ] as const) {
      const measured = agreement(composed, raster);
      expect(measured.share, `${name}: ${JSON.stringify(measured)}`).toBeGreaterThanOrEqual(0.98);
      expect(colourAt(raster, 640, 640), name).toEqual(colourAt(composed, 640, 640));
    }
    expect(readQr(decodePicture(renderSvg(svgText, 1280, 1280)))?.data).toBe(text);
    expect(readQr(decodePicture(renderPdf(await toPdf(print, { widthMm: 108 }), 1280)))?.data).toBe(text);
  });
});
