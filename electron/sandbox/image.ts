import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { encodeTwoToneJpeg, type Rgb } from './twoToneJpeg';

/** Everything that decides the pixels of one code image. */
export interface Drawing {
  /** What a phone reads when it scans the code. */
  text: string;
  width: number;
  colour: Rgb;
  /** Transparent background, sent as PNG (WeChat's is_hyaline). */
  transparent: boolean;
}

// Two modules of quiet zone: scanners need some, and WeChat's codes fill most of the image.
const QUIET_MODULES = 2;

/** Maps each pixel along one axis to its module index, or -1 inside the quiet zone. */
function moduleIndexPerPixel(width: number, modules: number): Int16Array {
  const scale = width / (modules + 2 * QUIET_MODULES);
  const index = new Int16Array(width);
  for (let px = 0; px < width; px++) {
    const m = Math.floor((px + 0.5) / scale) - QUIET_MODULES;
    index[px] = m >= 0 && m < modules ? m : -1;
  }
  return index;
}

/** The code's ink as one byte per pixel (1 = dark module), `width` × `width`; bench/sandboxJpeg.ts encodes it too. */
export function inkMask(text: string, width: number): Uint8Array {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const axis = moduleIndexPerPixel(width, size);
  const mask = new Uint8Array(width * width);
  // Pixel rows that fall in the same module row are identical: draw each once and copy it.
  let previousRow = -2;
  let previousStart = 0;
  for (let y = 0; y < width; y++) {
    const row = axis[y]!;
    const start = y * width;
    if (row === previousRow) {
      mask.copyWithin(start, previousStart, previousStart + width);
      continue;
    }
    if (row >= 0) {
      for (let x = 0; x < width; x++) {
        const col = axis[x]!;
        mask[start + x] = col >= 0 ? modules.data[row * size + col]! : 0;
      }
    }
    previousRow = row;
    previousStart = start;
  }
  return mask;
}

function transparentPng(mask: Uint8Array, width: number, ink: Rgb): Buffer {
  const png = new PNG({ width, height: width, colorType: 6 });
  const data = png.data;
  data.fill(0);
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] === 0) continue;
    const o = i * 4;
    data[o] = ink.r;
    data[o + 1] = ink.g;
    data[o + 2] = ink.b;
    data[o + 3] = 255;
  }
  return PNG.sync.write(png, { colorType: 6, filterType: 2 });
}

/** Draws the code as WeChat sends it: JPEG on white, or PNG with a transparent background. */
export function encodeCode(drawing: Drawing): Buffer {
  const mask = inkMask(drawing.text, drawing.width);
  if (drawing.transparent) return transparentPng(mask, drawing.width, drawing.colour);
  return encodeTwoToneJpeg({
    width: drawing.width,
    height: drawing.width,
    mask,
    ink: drawing.colour,
    paper: { r: 255, g: 255, b: 255 },
  });
}
