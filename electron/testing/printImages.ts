import sharp from 'sharp';
import { encodeCode } from '../sandbox/image';

// What the print tests draw on and read back: a code as the sandbox sends it, and its pixels.

/** Font used by the tests: a Debian package, on this machine only; the app ships Noto Sans SC (core/print/labelFont.ts). */
export const TEST_FONT = {
  family: 'WenQuanYi Micro Hei',
  regular: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
};

/** A square code as WeChat's sandbox draws it, as PNG. */
export async function sandboxCode(text = 'pages/index/index?store=12', width = 430): Promise<Buffer> {
  const jpeg = encodeCode({ text, width, colour: { r: 0, g: 0, b: 0 }, transparent: false });
  return sharp(jpeg).png().toBuffer();
}

export interface Pixels {
  width: number;
  height: number;
  /** RGBA at (x, y). */
  at(x: number, y: number): [number, number, number, number];
  /** Pixels in the rectangle that are dark (opaque, luminance < 128). */
  darkIn(x: number, y: number, width: number, height: number): number;
}

export async function pixels(png: Buffer): Promise<Pixels> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number): [number, number, number, number] => {
    const o = (y * info.width + x) * 4;
    return [data[o]!, data[o + 1]!, data[o + 2]!, data[o + 3]!];
  };
  return {
    width: info.width,
    height: info.height,
    at,
    darkIn(x0, y0, w, h) {
      let dark = 0;
      for (let y = y0; y < y0 + h; y++) {
        for (let x = x0; x < x0 + w; x++) {
          const [r, g, b, a] = at(x, y);
          if (a > 128 && 0.299 * r + 0.587 * g + 0.114 * b < 128) dark++;
        }
      }
      return dark;
    },
  };
}
