import type { Rgb } from '../../../../shared/codeRequest';
import { coverageMatrix, inkColor, type MadeWith } from './coverage';
import { codeImageUrls } from './objectUrls';
import { type PreviewStyle, scaledHeight } from './previewStyle';

/** A real image reduced to where its lines are: black with the line coverage as alpha. */
export interface InkMask {
  canvas: HTMLCanvasElement;
  width: number;
  height: number;
  /** The line colour the real image shows. */
  ink: Rgb;
}

let cached: { codeId: string; mask: Promise<InkMask>; ready: InkMask | null } | null = null;

/** One mask per real image: the preview switches back and forth without decoding it again. */
export function inkMaskFor(codeId: string, png: Uint8Array, madeWith: MadeWith): Promise<InkMask> {
  if (cached?.codeId !== codeId) {
    const entry: NonNullable<typeof cached> = {
      codeId,
      mask: readInkMask(codeImageUrls.urlFor(codeId, png), madeWith),
      ready: null,
    };
    entry.mask.then(
      (mask) => {
        entry.ready = mask;
      },
      () => {
        // An image that would not decode: the next ask tries again rather than keep the failure.
        if (cached === entry) cached = null;
      },
    );
    cached = entry;
  }
  return cached.mask;
}

/** The mask if it is already read: the preview can then paint in the same frame it appears. */
export const inkMaskReady = (codeId: string): InkMask | null =>
  cached?.codeId === codeId ? cached.ready : null;

async function readInkMask(url: string, madeWith: MadeWith): Promise<InkMask> {
  const image = new Image();
  image.src = url;
  await image.decode();
  const width = image.naturalWidth;
  const height = image.naturalHeight;
  const ink = madeWith.lineColor ?? inkColor(samplePixels(image), madeWith.transparent);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  context.filter = `url(#${coverageFilter(coverageMatrix(madeWith, ink))})`;
  context.drawImage(image, 0, 0);
  context.filter = 'none';
  return { canvas, width, height, ink };
}

/** The image's pixels at up to 256 px: enough to find the line colour, and quick to read. */
function samplePixels(image: HTMLImageElement): Uint8ClampedArray {
  const scale = Math.min(1, 256 / Math.max(image.naturalWidth, image.naturalHeight));
  const width = Math.max(1, Math.round(image.naturalWidth * scale));
  const height = Math.max(1, Math.round(image.naturalHeight * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(image, 0, 0, width, height);
  return context.getImageData(0, 0, width, height).data;
}

const SVG = 'http://www.w3.org/2000/svg';
const filterIds = new Map<string, string>();
/** Filters kept: one per line colour of the codes made lately; each serves only the draw that reads a mask. */
const KEPT_FILTERS = 16;
let filtersMade = 0;

/** The id of a hidden SVG filter applying `matrix`, made once per matrix; a canvas filter can use it by url(). */
function coverageFilter(matrix: number[]): string {
  const values = matrix.join(' ');
  const known = filterIds.get(values);
  if (known) return known;
  const holder = document.getElementById('coverage-filters') ?? filterHolder();
  const id = `coverage-${filtersMade++}`;
  const filter = document.createElementNS(SVG, 'filter');
  filter.id = id;
  // In sRGB, as the pixels are stored: the default (linearRGB) would bend the coverage.
  filter.setAttribute('color-interpolation-filters', 'sRGB');
  const colorMatrix = document.createElementNS(SVG, 'feColorMatrix');
  colorMatrix.setAttribute('type', 'matrix');
  colorMatrix.setAttribute('values', values);
  filter.append(colorMatrix);
  holder.append(filter);
  filterIds.set(values, id);
  for (const [oldValues, oldId] of filterIds) {
    if (filterIds.size <= KEPT_FILTERS) break;
    document.getElementById(oldId)?.remove();
    filterIds.delete(oldValues);
  }
  return id;
}

/** What a canvas shows, written on it so anyone can tell which style a paint finished. */
export const styleSignature = (style: PreviewStyle): string =>
  `${style.width} ${style.color} ${style.transparent ? 'transparent' : 'opaque'}`;

/**
 * Repaints the mask in the new colour, on white or nothing, `painted` pixels wide: all on the canvas.
 * A change the screen cannot show (a width above what the stage displays) repaints nothing.
 */
export function paintRestyled(
  target: HTMLCanvasElement,
  mask: InkMask,
  style: PreviewStyle,
  painted: number,
): void {
  const width = painted;
  const height = scaledHeight(mask, width);
  const look = `${width} ${style.color} ${style.transparent}`;
  if (target.dataset.look !== look || target.width !== width || target.height !== height) {
    if (target.width !== width) target.width = width;
    if (target.height !== height) target.height = height;
    const context = target.getContext('2d')!;
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.globalCompositeOperation = 'copy';
    context.drawImage(mask.canvas, 0, 0, width, height);
    context.globalCompositeOperation = 'source-in';
    context.fillStyle = style.color;
    context.fillRect(0, 0, width, height);
    if (!style.transparent) {
      context.globalCompositeOperation = 'destination-over';
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
    }
    context.globalCompositeOperation = 'source-over';
    target.dataset.look = look;
  }
  target.dataset.style = styleSignature(style);
}

function filterHolder(): SVGSVGElement {
  const holder = document.createElementNS(SVG, 'svg');
  holder.id = 'coverage-filters';
  holder.setAttribute('aria-hidden', 'true');
  holder.setAttribute('width', '0');
  holder.setAttribute('height', '0');
  holder.setAttribute('style', 'position: absolute');
  document.body.append(holder);
  return holder;
}
