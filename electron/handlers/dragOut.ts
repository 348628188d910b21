import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { writeFileAtomic } from '../core/atomicFile';
import type { LibraryEntry } from '../core/library';

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
