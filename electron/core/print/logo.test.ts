import jsQR from 'jsqr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { Failure } from '../../../shared/result';
import { pixels, sandboxCode } from '../../testing/printImages';
import { compose } from './compose';
import { AVATAR_FRACTION, DEFAULT_SQUARE_FRACTION, MAX_SQUARE_FRACTION, placeLogo, readLogo } from './logo';

const red = () =>
  sharp({ create: { width: 300, height: 200, channels: 3, background: '#e4393c' } })
    .png()
    .toBuffer();

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

describe('centre logo on a square QR code', () => {
  const paths = ['a', 'pages/index/index', 'pages/index/index?store=shanghai-zhangjiang-0012&table=7'];

  it('still decodes with the default logo and with the largest allowed, at the sizes WeChat sends', async () => {
    for (const text of paths) {
      for (const width of [280, 430, 1280]) {
        const code = await sandboxCode(text, width);
        for (const fraction of [DEFAULT_SQUARE_FRACTION, MAX_SQUARE_FRACTION]) {
          const { png } = await compose(code, { logo: { image: await red(), shape: 'square', fraction } });
          expect(await decode(png), `${text} at ${width} px, logo ${fraction}`).toBe(text);
        }
      }
    }
  });

  it('covers the centre with the logo on a white border', async () => {
    const code = await sandboxCode('pages/index/index', 430);
    const { png } = await compose(code, { logo: { image: await red(), shape: 'square' } });
    const image = await pixels(png);
    const size = Math.round(430 * DEFAULT_SQUARE_FRACTION);
    const left = Math.round((430 - size) / 2);
    expect(image.at(215, 215)).toEqual([228, 57, 60, 255]);
    expect(image.at(left + 1, 215)).toEqual([255, 255, 255, 255]);
  });

  it('refuses a logo that would hide data, before drawing anything', async () => {
    const logo = { image: Buffer.alloc(0), shape: 'square' as const, fraction: 0.3 };
    const refused = await failureOf(() => compose(Buffer.alloc(0), { logo }));
    expect(refused.field).toBe('logo');
    expect(refused.message.en).toContain('9%');
    expect(refused.hint.en).toContain('4%');
    expect(() => placeLogo(430, 430, 'square', MAX_SQUARE_FRACTION + 0.01)).toThrow(Failure);
    expect(() => placeLogo(430, 430, 'round', AVATAR_FRACTION + 0.01)).toThrow(Failure);
  });
});

describe('centre logo on a 小程序码', () => {
  it('fills the avatar circle, round-cropped, and leaves the code outside it as it was', async () => {
    const code = await sandboxCode('pages/index/index', 430);
    const { png } = await compose(code, { logo: { image: await red(), shape: 'round', ring: true } });
    const image = await pixels(png);
    const before = await pixels(code);
    const radius = (430 * AVATAR_FRACTION) / 2;
    // The centre is the logo; just inside the edge is the white ring; the circle's bounding corner is the code.
    expect(image.at(215, 215)).toEqual([228, 57, 60, 255]);
    expect(image.at(Math.round(215 + radius - 2), 215)).toEqual([255, 255, 255, 255]);
    const corner = Math.round(215 - radius + 3);
    expect(image.at(corner, corner).slice(0, 3)).toEqual(before.at(corner, corner).slice(0, 3));
    expect(image.at(5, 5).slice(0, 3)).toEqual(before.at(5, 5).slice(0, 3));
  });
});

describe('reading a logo file', () => {
  it('takes a PNG or JPEG', async () => {
    const jpeg = await sharp(await red())
      .jpeg()
      .toBuffer();
    await expect(readLogo(jpeg, 'logo.jpg')).resolves.toBe(jpeg);
  });

  it('refuses other files, cut-off images and huge ones, naming the file and the fix', async () => {
    const cut = (await red()).subarray(0, 60);
    const huge = await sharp({ create: { width: 4100, height: 10, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    for (const [bytes, why] of [
      [Buffer.from('GIF89a'), 'not a PNG, JPEG or SVG'],
      [cut, 'cannot be read'],
      [huge, '4100 × 10'],
      [Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(6 * 1024 * 1024)]), '5 MB'],
    ] as const) {
      const error = await failureOf(() => readLogo(bytes, 'brand.png'));
      expect(error.field).toBe('logo');
      expect(error.message.en).toContain('brand.png');
      expect(error.message.en).toContain(why);
      expect(error.hint.zh).toContain('PNG');
    }
  });
});
