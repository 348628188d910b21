import { crc32 } from 'node:zlib';

// A PNG records its resolution in a pHYs chunk: pixels per metre on each axis and a unit byte (1 =
// metre). Print dialogs and layout programs read it to place the image at its physical size.

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const METRES_PER_INCH = 0.0254;

interface Chunk {
  type: string;
  /** Offset of the chunk's length field. */
  start: number;
  /** Offset just past its CRC. */
  end: number;
  data: Buffer;
}

function* chunks(png: Buffer): Generator<Chunk> {
  if (png.length < 8 || !png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file');
  let at = 8;
  while (at + 12 <= png.length) {
    const length = png.readUInt32BE(at);
    const end = at + 12 + length;
    if (end > png.length) throw new Error('PNG chunk runs past the end of the file');
    yield {
      type: png.toString('latin1', at + 4, at + 8),
      start: at,
      end,
      data: png.subarray(at + 8, at + 8 + length),
    };
    at = end;
  }
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

export const pixelsPerMetre = (dpi: number): number => Math.round(dpi / METRES_PER_INCH);

/**
 * The PNG with one pHYs chunk saying `dpi` on both axes, placed before the first IDAT as the PNG
 * specification requires; any pHYs already there is dropped. Only the chunk changes: same input,
 * same bytes.
 */
export function withDpi(png: Buffer, dpi: number): Buffer {
  const ppm = pixelsPerMetre(dpi);
  const data = Buffer.alloc(9);
  data.writeUInt32BE(ppm, 0);
  data.writeUInt32BE(ppm, 4);
  data.writeUInt8(1, 8);
  const parts: Buffer[] = [SIGNATURE];
  let placed = false;
  for (const c of chunks(png)) {
    if (c.type === 'pHYs') continue;
    if (c.type === 'IDAT' && !placed) {
      parts.push(chunk('pHYs', data));
      placed = true;
    }
    parts.push(png.subarray(c.start, c.end));
  }
  if (!placed) throw new Error('PNG without image data');
  return Buffer.concat(parts);
}

export interface PngResolution {
  pixelsPerMetreX: number;
  pixelsPerMetreY: number;
  /** 1 when the numbers are per metre; 0 when they only give the aspect ratio. */
  unit: number;
  /** The horizontal DPI, when the unit is metres. */
  dpi?: number;
  /** Whether the chunk's CRC matches its bytes. */
  crcOk: boolean;
}

/** The pHYs chunk's values, or undefined when the PNG has none. */
export function readDpi(png: Buffer): PngResolution | undefined {
  for (const c of chunks(png)) {
    if (c.type === 'IDAT') return undefined;
    if (c.type !== 'pHYs' || c.data.length !== 9) continue;
    const stored = png.readUInt32BE(c.end - 4);
    const crcOk = crc32(png.subarray(c.start + 4, c.end - 4)) >>> 0 === stored;
    const unit = c.data.readUInt8(8);
    const x = c.data.readUInt32BE(0);
    return {
      pixelsPerMetreX: x,
      pixelsPerMetreY: c.data.readUInt32BE(4),
      unit,
      ...(unit === 1 ? { dpi: x * METRES_PER_INCH } : {}),
      crcOk,
    };
  }
  return undefined;
}
