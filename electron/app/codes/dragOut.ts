import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { writeFileAtomic } from '../../core/storage/atomicFile';
import type { LibraryEntry } from '../../core/storage/library';

/** Drag copies older than this are removed at start-up: the drop that took them is long over. */
const DRAG_COPY_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** Edge of the image shown under the pointer while a code is dragged out. */
export const DRAG_ICON_SIZE = 64;

/** A small copy of the code for the drag image: the full 430–1280 px code would cover the drop target. */
export function dragIcon(png: Uint8Array): Promise<Buffer> {
  return sharp(png).resize(DRAG_ICON_SIZE, DRAG_ICON_SIZE, { fit: 'inside' }).png().toBuffer();
}

/**
 * The file a drag hands to the OS. The library names its files by content hash; dropped on the
 * desktop or into a chat, the code must arrive under the name the user would have saved it as.
 */
export async function dragFile(folder: string, entry: LibraryEntry, png: Uint8Array): Promise<string> {
  const file = join(folder, entry.codeId, entry.suggestedName);
  if (!(await stat(file).catch(() => undefined))) {
    await mkdir(join(folder, entry.codeId), { recursive: true });
    await writeFileAtomic(file, png);
  }
  return file;
}

/**
 * Removes drag copies made more than a day ago. Not at the end of a drag: the app is not told when
 * the receiving program has finished copying the file, so a copy must outlive its drag a while.
 */
export async function clearOldDragCopies(folder: string, now = Date.now()): Promise<number> {
  const copies = await readdir(folder).catch(() => [] as string[]);
  let removed = 0;
  for (const name of copies) {
    const path = join(folder, name);
    const info = await stat(path).catch(() => undefined);
    if (info && now - info.mtimeMs > DRAG_COPY_LIFETIME_MS) {
      await rm(path, { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}
