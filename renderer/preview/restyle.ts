import type { Rgb } from '../../shared/codeRequest';
import { inkColor, lineCoverage, type MadeWith } from './coverage';
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
    const entry: NonNullable<typeof cached> = { codeId, mask: readInkMask(png, madeWith), ready: null };
    void entry.mask.then((mask) => {
      entry.ready = mask;
    });
    cached = entry;
  }
  return cached.mask;
}

/** The mask if it is already read: the preview can then paint in the same frame it appears. */
export const inkMaskReady = (codeId: string): InkMask | null =>
  cached?.codeId === codeId ? cached.ready : null;

async function readInkMask(png: Uint8Array, madeWith: MadeWith): Promise<InkMask> {
  const bitmap = await createImageBitmap(new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }), {
    premultiplyAlpha: 'none',
    colorSpaceConversion: 'none',
  });
  const { width, height } = bitmap;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const pixels = context.getImageData(0, 0, width, height);
  const coverage = lineCoverage(pixels.data, madeWith);
  const ink = madeWith.lineColor ?? inkColor(pixels.data, madeWith.transparent);
  const mask = context.createImageData(width, height);
  for (let i = 0; i < coverage.length; i++) mask.data[i * 4 + 3] = coverage[i]!;
  context.putImageData(mask, 0, 0);
  return { canvas, width, height, ink };
}

/** What a canvas shows, written on it so anyone can tell which style a paint finished. */
export const styleSignature = (style: PreviewStyle): string =>
  `${style.width} ${style.color} ${style.transparent ? 'transparent' : 'opaque'}`;

/** Repaints the mask in the new colour, on white or nothing, at the new width: all on the canvas. */
export function paintRestyled(target: HTMLCanvasElement, mask: InkMask, style: PreviewStyle): void {
  const width = style.width;
  const height = scaledHeight(mask, width);
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
  target.dataset.style = styleSignature(style);
}
