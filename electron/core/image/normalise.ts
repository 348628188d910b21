import sharp from 'sharp';

export type ImageFormat = 'png' | 'jpeg';

export interface PngImage {
  png: Buffer;
  width: number;
  height: number;
  /** What WeChat actually sent; its Content-Type always says image/jpeg, so this comes from the bytes. */
  sourceFormat: ImageFormat;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_IEND = Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

export function sniffImage(bytes: Uint8Array): ImageFormat | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && Buffer.from(bytes.subarray(0, 8)).equals(PNG_SIGNATURE)) return 'png';
  return null;
}

/**
 * A cut-off download still starts with valid magic bytes, so the end is checked too: a PNG must
 * close with its IEND chunk, a JPEG with the EOI marker (a few padding bytes after it are tolerated).
 */
export function isComplete(bytes: Uint8Array, format: ImageFormat): boolean {
  if (format === 'png') {
    return bytes.length > 33 && Buffer.from(bytes.subarray(bytes.length - 8)).equals(PNG_IEND);
  }
  const tail = bytes.subarray(Math.max(0, bytes.length - 32));
  for (let i = tail.length - 2; i >= 0; i--) {
    if (tail[i] === 0xff && tail[i + 1] === 0xd9) return true;
  }
  return false;
}

/** Reads width and height from the IHDR chunk, which must directly follow the signature. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.toString('latin1', 12, 16) !== 'IHDR') throw new Error('PNG without IHDR header');
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
}

/**
 * zlib level of the PNG made from a JPEG. Most of the JPEG → PNG step is libvips decoding the JPEG;
 * of the rest, level 2 costs about 60 % of the default level 6 for files 15–35 % larger (a 430 px
 * code: 3.5 ms instead of 5.8 ms of CPU, 26 KB instead of 18 KB; bench/generate.ts). A palette PNG
 * of the two-tone code was tried too: decoding to raw pixels for it costs libvips more than this
 * whole encode saves.
 */
const PNG_COMPRESSION = 2;

/**
 * Hands back a PNG whatever WeChat sent. A PNG passes through byte for byte (it already carries
 * the transparency the user asked for); a JPEG is decoded and re-encoded as an opaque PNG by
 * libvips (sharp), off the main thread: 4× faster than jpeg-js + pngjs here (bench/generate.ts),
 * which is what bounds a batch's throughput. Throws on bytes that are not a complete image.
 */
export async function toPng(bytes: Uint8Array): Promise<PngImage> {
  const format = sniffImage(bytes);
  if (!format) throw new Error('not a PNG or JPEG image');
  if (!isComplete(bytes, format))
    throw new Error(`incomplete ${format.toUpperCase()} image (${bytes.length} bytes)`);
  if (format === 'png') {
    return { png: Buffer.from(bytes), ...pngSize(bytes), sourceFormat: 'png' };
  }
  const { data, info } = await sharp(bytes, { failOn: 'error' })
    .png({ compressionLevel: PNG_COMPRESSION })
    .toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height, sourceFormat: 'jpeg' };
}
