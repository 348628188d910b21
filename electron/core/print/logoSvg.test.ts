import jsQR from 'jsqr';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { Failure } from '../../../shared/result';
import { pixels, sandboxCode } from '../../testing/printImages';
import { compose } from './compose';
import { AVATAR_FRACTION, readLogo } from './logo';

vi.setConfig({ testTimeout: 60_000 });

/** A brand mark as a designer exports it: tiny declared size, a red disc with a white bar across. */
const BRAND = Buffer.from(
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">' +
    '<rect width="24" height="24" fill="#e4393c"/><rect x="4" y="10" width="16" height="4" fill="#ffffff"/></svg>',
);

async function decode(png: Buffer): Promise<string | undefined> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
}

async function failureOf(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (caught) {
    if (caught instanceof Failure) return caught.error;
    throw caught;
  }
  throw new Error('expected a Failure');
}

describe('an SVG logo', () => {
  it('is taken, and composed on a square QR code that still decodes', async () => {
    const logo = await readLogo(BRAND, 'brand.svg');
    const text = 'pages/index/index?store=12';
    for (const width of [430, 1280]) {
      const code = await sandboxCode(text, width);
      const { png } = await compose(code, { logo: { image: logo, shape: 'square' } });
      expect(await decode(png), `at ${width} px`).toBe(text);
      expect((await pixels(png)).at(width / 2, Math.round(width / 2 - width * 0.05))).toEqual([
        228, 57, 60, 255,
      ]);
    }
  });

  it('fills a 小程序码’s avatar circle, drawn crisp at the size needed rather than enlarged from 24 px', async () => {
    const code = await sandboxCode('pages/index/index', 1280);
    const { png } = await compose(code, { logo: { image: BRAND, shape: 'round', ring: true } });
    const image = await pixels(png);
    // Centre: the white bar; above it the red; the bar's edge (10/24 of the logo) is one sharp step.
    expect(image.at(640, 640)).toEqual([255, 255, 255, 255]);
    expect(image.at(640, 560)).toEqual([228, 57, 60, 255]);
    const inner =
      Math.round(1280 * AVATAR_FRACTION) - 2 * Math.max(2, Math.round(1280 * AVATAR_FRACTION * 0.05));
    const barTop = Math.round(640 - inner / 2 + (inner * 10) / 24);
    // Enlarged from 24 px, the bar's edge would blur over ~inner/24 ≈ 22 px; rendered at size, over ≤ 2.
    const blurred = [...Array(12).keys()].filter((d) => {
      const [r, g] = image.at(640, barTop - 6 + d);
      return r > 240 && g > 70 && g < 240;
    });
    expect(blurred.length).toBeLessThanOrEqual(2);
  });

  it('is refused, naming the file and the fix, when it is too big or holds more than an image', async () => {
    const svg = (body: string, head = '') =>
      Buffer.from(
        `${head}<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="24" height="24">${body}</svg>`,
      );
    const cases: [Buffer, string][] = [
      [svg(`<!--${'x'.repeat(1024 * 1024)}-->`), '1 MB'],
      [svg('<rect width="1" height="1"/>', '<!DOCTYPE svg [<!ENTITY lol "lol">]>'), 'DOCTYPE'],
      [svg('<script>alert(1)</script>'), 'script'],
      [svg('<foreignObject><p>hi</p></foreignObject>'), 'foreignObject'],
      [svg('<image href="file:///etc/passwd" width="24" height="24"/>'), 'file:///etc/passwd'],
      [svg('<image xlink:href="https://example.com/a.png" width="24" height="24"/>'), 'https://example.com'],
      [
        svg('<rect width="24" height="24" style="fill:url(https://example.com/x.svg#p)"/>'),
        'https://example.com',
      ],
    ];
    for (const [bytes, why] of cases) {
      const error = await failureOf(() => readLogo(bytes, 'brand.svg'));
      expect(error.field).toBe('logo');
      expect(error.message.en).toContain('brand.svg');
      expect(error.message.zh).toContain('brand.svg');
      expect(error.message.en).toContain(why);
      expect(error.hint.en).toContain('plain SVG');
      expect(error.hint.zh).toContain('SVG');
    }
  });

  it('may reference its own parts and embedded images', async () => {
    const dot = (
      await sharp({ create: { width: 2, height: 2, channels: 3, background: '#00f' } })
        .png()
        .toBuffer()
    ).toString('base64');
    const ok = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="24" height="24">' +
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#f00"/></linearGradient></defs>' +
        `<rect width="24" height="24" fill="url(#g)"/><image xlink:href="data:image/png;base64,${dot}" width="8" height="8"/></svg>`,
    );
    await expect(readLogo(ok, 'ok.svg')).resolves.toBe(ok);
  });
});
