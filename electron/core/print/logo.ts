import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import type { CodeKind } from '../../../shared/codeRequest';
import { logoCoversData, logoUnreadable } from '../../../shared/errors/print';
import { Failure } from '../../../shared/result';
import { checkSvgLogo, isSvg, renderSvgLogo } from './logoSvg';

// The brand's logo in the middle of a code. A 小程序码 shows the mini program's avatar in a circle
// about 45 % of its width (PRINT.md; the API cannot change it), so the logo is painted over exactly
// that circle, round-cropped. A square QR code has no such hole: its logo covers data, which only
// error correction restores, so it stays small (checked by decoding in logo.test.ts).

/** 小程序码 (limited, unlimited) are round; createQRCode's are square. */
export type CodeShape = 'round' | 'square';

/** The avatar circle's diameter as a share of a 小程序码's width. */
export const AVATAR_FRACTION = 0.45;
/** A square code's logo, white border included, as a share of its width: 3.2 % of the area. */
export const DEFAULT_SQUARE_FRACTION = 0.18;
/**
 * The widest logo a square code takes, as a share of its width (4 % of its area). The sandbox's
 * square codes use error correction level M, which restores about 15 % of the codewords, but a
 * centred logo also hits alignment patterns and, on small codes, format bits: measured with jsQR
 * over paths of 1 to 160 characters at 280–1280 px, 0.2 always decodes and 0.21 does not.
 */
export const MAX_SQUARE_FRACTION = 0.2;
const MAX_SQUARE_AREA = MAX_SQUARE_FRACTION ** 2;
export const MAX_LOGO_BYTES = 5 * 1024 * 1024;
export const MAX_LOGO_SIDE = 4000;

export interface LogoOptions {
  /** PNG, JPEG or SVG bytes, checked by readLogo. */
  image: Buffer;
  shape: CodeShape;
  /** A white ring around a round logo, as on WeChat's own avatar. */
  ring?: boolean;
  /** The logo's width as a share of the code's width; the avatar circle or DEFAULT_SQUARE_FRACTION by default. */
  fraction?: number;
}

export interface LogoPlace {
  left: number;
  top: number;
  size: number;
}

/** The logo's share of the code's width; a Failure when it would cover data. */
export function logoFraction(shape: CodeShape, fraction?: number): number {
  const share = fraction ?? (shape === 'round' ? AVATAR_FRACTION : DEFAULT_SQUARE_FRACTION);
  const tooBig = shape === 'round' ? share > AVATAR_FRACTION + 1e-9 : share * share > MAX_SQUARE_AREA + 1e-9;
  if (tooBig || !(share > 0)) {
    const maxArea = shape === 'round' ? AVATAR_FRACTION ** 2 * (Math.PI / 4) : MAX_SQUARE_AREA;
    const area = shape === 'round' ? share * share * (Math.PI / 4) : share * share;
    throw new Failure(logoCoversData(Math.round(area * 100), Math.floor(maxArea * 100)));
  }
  return share;
}

/** Where the logo goes on a code `width` × `height`; a Failure when it would cover data. */
export function placeLogo(width: number, height: number, shape: CodeShape, fraction?: number): LogoPlace {
  const share = logoFraction(shape, fraction);
  const size = Math.round(Math.min(width, height) * share);
  return { left: Math.round((width - size) / 2), top: Math.round((height - size) / 2), size };
}

/** The logo's pixels, at least `size` on its shorter side for an SVG (rendered at that size). */
export function logoPicture(image: Buffer, size: number): Promise<Sharp> {
  return isSvg(image) ? renderSvgLogo(image, size) : Promise.resolve(sharp(image));
}

/** Refuses what cannot be a logo: too many bytes, not PNG, JPEG or a safe SVG, too many pixels, unreadable. */
export async function readLogo(bytes: Buffer, name: string): Promise<Buffer> {
  const why = (en: string, zh: string) => new Failure(logoUnreadable(name, { en, zh }));
  const svg = isSvg(bytes);
  if (svg) checkSvgLogo(bytes, name);
  else if (bytes.length > MAX_LOGO_BYTES) throw why('it is larger than 5 MB.', '文件大于 5 MB。');
  const png = bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!png && !jpeg && !svg) {
    throw why('it is not a PNG, JPEG or SVG image.', '它不是 PNG、JPEG 或 SVG 图片。');
  }
  try {
    const { width = 0, height = 0 } = await sharp(bytes).metadata();
    if (svg && !(width > 0 && height > 0)) throw why('the SVG has no size.', 'SVG 没有尺寸。');
    if (!svg && (width > MAX_LOGO_SIDE || height > MAX_LOGO_SIDE)) {
      throw why(`it is ${width} × ${height} pixels.`, `它有 ${width} × ${height} 像素。`);
    }
    // Decoding the pixels finds a file cut short, which the header alone does not; an SVG is
    // drawn small, as its declared size may be anything.
    await (await logoPicture(bytes, 64)).resize(64, 64, { fit: 'inside' }).raw().toBuffer();
  } catch (caught) {
    if (caught instanceof Failure) throw caught;
    throw why('the image cannot be read.', '图片无法读取。');
  }
  return bytes;
}

/**
 * The logo file read and checked for a code of `kind` (round-cropped on a 小程序码, small on a square
 * code); a Failure naming the file when it cannot be used.
 */
export async function readLogoFile(file: string, kind: CodeKind): Promise<LogoOptions> {
  const bytes = await readFile(file).catch(() => {
    throw new Failure(
      logoUnreadable(basename(file), { en: 'the file cannot be opened.', zh: '文件无法打开。' }),
    );
  });
  const shape = kind === 'qrcode' ? 'square' : 'round';
  logoFraction(shape);
  return { image: await readLogo(bytes, basename(file)), shape, ring: shape === 'round' };
}

const disc = (size: number, fill: string) =>
  Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><circle cx="${size / 2}" cy="${size / 2}" r="${size / 2}" fill="${fill}"/></svg>`,
  );

/**
 * The white around the picture, in pixels of a logo `size` wide: a square code's border keeps the
 * logo's edge from reading as modules; a round logo's optional ring is WeChat's own avatar's.
 */
export function logoInset(logo: LogoOptions, size: number): number {
  if (logo.shape === 'square') return Math.max(1, Math.round(size * 0.08));
  return logo.ring ? Math.max(2, Math.round(size * 0.05)) : 0;
}

/**
 * The picture inside the white, `side` pixels square on white: cropped to cover for a round logo
 * (which is then cut to a circle), contained whole for a square one. A vector file asks for it at
 * print resolution, compose at the code's pixels.
 */
export async function logoSquarePicture(logo: LogoOptions, side: number): Promise<Buffer> {
  const fit = logo.shape === 'square' ? 'contain' : 'cover';
  return (await logoPicture(logo.image, side))
    .resize(side, side, { fit, background: '#ffffff' })
    .flatten({ background: '#ffffff' })
    .png()
    .toBuffer();
}

/** The logo as it is laid on the code, `place.size` square: round-cropped on a white disc, or on a white square. */
export async function logoOverlay(logo: LogoOptions, place: LogoPlace): Promise<Buffer> {
  const { size } = place;
  const inset = logoInset(logo, size);
  const inner = size - 2 * inset;
  const picture = await logoSquarePicture(logo, inner);
  if (logo.shape === 'square') {
    return sharp({ create: { width: size, height: size, channels: 4, background: '#ffffff' } })
      .composite([{ input: picture, left: inset, top: inset }])
      .png()
      .toBuffer();
  }
  const round = await sharp(picture)
    .ensureAlpha()
    .composite([{ input: disc(inner, '#000'), blend: 'dest-in' }])
    .png()
    .toBuffer();
  // The white disc hides the avatar beneath wherever the logo is see-through or the ring shows.
  return sharp(disc(size, '#ffffff'))
    .composite([{ input: round, left: inset, top: inset }])
    .png()
    .toBuffer();
}
