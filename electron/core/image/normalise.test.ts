import jsQR from 'jsqr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { encodeCode } from '../../sandbox/image';
import { toPng } from './normalise';

// What the user gets from an opaque code: the PNG holds exactly the pixels of the JPEG WeChat sent
// (the faster zlib level changes the file's size, never a pixel) and still scans.
describe('toPng of a JPEG code', () => {
  for (const colour of [
    { r: 0, g: 0, b: 0 },
    { r: 20, g: 90, b: 200 },
  ]) {
    it(`keeps every pixel of a ${colour.b ? 'coloured' : 'black'} 430 px code, which still scans`, async () => {
      const text = 'https://example.com/?store=12345';
      const jpeg = encodeCode({ text, width: 430, colour, transparent: false });
      const image = await toPng(jpeg);
      expect(image).toMatchObject({ width: 430, height: 430, sourceFormat: 'jpeg' });
      const fromJpeg = await sharp(jpeg).raw().toBuffer();
      const fromPng = await sharp(image.png).removeAlpha().raw().toBuffer();
      expect(fromPng.equals(fromJpeg)).toBe(true);
      const rgba = await sharp(image.png).ensureAlpha().raw().toBuffer();
      expect(jsQR(new Uint8ClampedArray(rgba), 430, 430)?.data).toBe(text);
    });
  }
});
