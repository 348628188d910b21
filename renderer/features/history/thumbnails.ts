import { call } from '../../app/api';
import { ObjectUrls } from '../code/preview/objectUrls';

/** Edge of a list thumbnail in CSS pixels, times two for sharp screens. */
const THUMBNAIL_PIXELS = 2 * 56;
/** Images read from the main process at once: scrolling fast must not queue hundreds of reads ahead of the ones on screen. */
const AT_ONCE = 4;

/** Small copies only: a few hundred full-size codes would hold tens of megabytes. */
const urls = new ObjectUrls(400);
const pending = new Map<string, Promise<string | null>>();
const waiting: Array<() => void> = [];
let running = 0;

/** The thumbnail's URL if it was read before, so a list shown again appears at once. */
export const thumbnailReady = (codeId: string): string | undefined => urls.get(codeId);

/**
 * The URL of a small copy of a stored code, read only when asked: the list asks for the items that
 * scroll into view. Null when the code cannot be read (deleted meanwhile): the item keeps its placeholder.
 */
export function loadThumbnail(codeId: string): Promise<string | null> {
  const ready = urls.get(codeId);
  if (ready !== undefined) return Promise.resolve(ready);
  let loading = pending.get(codeId);
  if (!loading) {
    loading = inTurn(() => readThumbnail(codeId)).finally(() => pending.delete(codeId));
    pending.set(codeId, loading);
  }
  return loading;
}

async function readThumbnail(codeId: string): Promise<string | null> {
  const read = await call('library:image', { codeId });
  if (!read.ok) return null;
  return urls.urlFor(codeId, await shrink(read.value.png));
}

/** The code scaled to fit the thumbnail, as a PNG (transparency kept). */
async function shrink(png: Uint8Array): Promise<Blob> {
  const full = new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' });
  const bitmap = await createImageBitmap(full);
  const scale = Math.min(1, THUMBNAIL_PIXELS / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const context = canvas.getContext('2d')!;
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob ?? full), 'image/png'));
}

async function inTurn<T>(task: () => Promise<T>): Promise<T> {
  // A finished task hands its turn straight to the next in line, so no newcomer slips in between.
  if (running >= AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await task();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}
