import sharp from 'sharp';
import { type ComposeOptions, checkOptions, type Layout, layOut, type Rect } from './compose';
import { bundledLabelFont } from './labelFont';
import { type CodeShape, type LogoOptions, logoInset, logoSquarePicture, placeLogo } from './logo';
import { type TraceOptions, traceCode } from './trace';
import type { VectorCode } from './vectorCode';
import { type VectorLabel, vectorLabel } from './vectorLabel';

// A code as printed, as shapes: the traced code, its centre logo and its label lines, laid out by
// compose.ts's layOut and placeLogo, so a vector file shows what the PNG shows. Coordinates are the
// composed image's pixels; the writers (vectorFile.ts) scale them to the printed size.

export interface VectorLogo {
  shape: CodeShape;
  /** The logo with its white ring or border: a disc inscribed in it (round) or the square itself. */
  area: Rect;
  /** The picture inside the white, square, as PNG; cut to the circle inscribed in `rect` when round. */
  picture: { png: Buffer; rect: Rect };
}

export interface VectorPrint {
  code: VectorCode;
  layout: Layout;
  /** Behind everything: 'transparent' or '#rrggbb'. */
  background: string;
  logo?: VectorLogo;
  labels: VectorLabel[];
}

/** A print of the code alone: nothing around it, its own paper (or none) behind it. */
export function plainPrint(code: VectorCode): VectorPrint {
  const rect = { x: 0, y: 0, width: code.width, height: code.height };
  return {
    code,
    layout: { width: code.width, height: code.height, code: rect, labels: [] },
    background: 'transparent',
    labels: [],
  };
}

/** A logo's picture for print: 300 DPI at the printed size, within these bounds (pixels). */
const PRINT_DPI = 300;
const MAX_PICTURE = 3000;

/**
 * The code image with the logo's area made paper (white, or clear on a transparent code), so the
 * avatar WeChat drew there leaves no shapes under the logo: a print shop separating the file finds
 * only the logo there.
 */
async function withoutAvatar(
  png: Uint8Array,
  shape: CodeShape,
  place: Rect,
  transparent: boolean,
): Promise<Buffer> {
  const { x, y, width: size } = place;
  const mask =
    shape === 'round'
      ? `<circle cx="${size / 2}" cy="${size / 2}" r="${size / 2}"/>`
      : `<rect width="${size}" height="${size}"/>`;
  const hole = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">${mask}</svg>`,
  );
  const cleared = sharp(png)
    .ensureAlpha()
    .composite([{ input: hole, left: x, top: y, blend: 'dest-out' }]);
  const image = transparent
    ? cleared
    : sharp(await cleared.png().toBuffer()).flatten({ background: '#ffffff' });
  return image.png().toBuffer();
}

async function vectorLogo(
  logo: LogoOptions,
  place: Rect,
  offset: Rect,
  mmPerPixel: number,
): Promise<VectorLogo> {
  const inset = logoInset(logo, place.width);
  const inner = place.width - 2 * inset;
  const side = Math.min(MAX_PICTURE, Math.max(inner, Math.ceil(((inner * mmPerPixel) / 25.4) * PRINT_DPI)));
  return {
    shape: logo.shape,
    area: { ...place, x: offset.x + place.x, y: offset.y + place.y },
    picture: {
      png: await logoSquarePicture(logo, side),
      rect: { x: offset.x + place.x + inset, y: offset.y + place.y + inset, width: inner, height: inner },
    },
  };
}

/**
 * The code traced and dressed as compose would dress it: labels drawn with the bundled font, the
 * logo placed over the avatar's area. `widthMm` is the code's printed width, which decides the
 * logo picture's resolution.
 */
export async function vectorPrint(
  png: Uint8Array,
  trace: TraceOptions,
  options: ComposeOptions,
  widthMm: number,
): Promise<VectorPrint> {
  checkOptions(options);
  const { width = 0, height = 0 } = await sharp(png).metadata();
  const { logo } = options;
  const spot = logo && placeLogo(width, height, logo.shape, logo.fraction);
  const place = spot && { x: spot.left, y: spot.top, width: spot.size, height: spot.size };
  const code = await traceCode(
    place && logo ? await withoutAvatar(png, logo.shape, place, trace.transparent) : png,
    trace,
  );
  const labels = options.labels ?? [];
  if (!logo && labels.length === 0 && options.margin === undefined && options.background === undefined) {
    return plainPrint(code);
  }
  const layout = layOut(width, height, options);
  const font = options.font ?? bundledLabelFont();
  if (labels.length && !font)
    throw new Error('vector labels need the bundled font @expo-google-fonts/noto-sans-sc');
  const drawn = labels.map((label, i) => vectorLabel(label, layout.labels[i]!, font!));
  return {
    code,
    layout,
    background: options.background ?? '#ffffff',
    ...(logo && place ? { logo: await vectorLogo(logo, place, layout.code, widthMm / width) } : {}),
    labels: drawn.filter((label) => label !== null),
  };
}
