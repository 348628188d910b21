import { createHash } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { MAX_SHEET_FILE_BYTES } from '../../../shared/batch';
import { droppedTooLarge } from '../../../shared/errors/sheet';
import { safeFileStem } from '../../../shared/fileName';
import { Failure } from '../../../shared/result';
import { writeFileAtomic } from '../storage/atomicFile';
import { unfinishedBatches } from './journal';
import { type Sheet, sheetFromBytes } from './spreadsheet';

const droppedFolder = (dataDir: string): string => join(dataDir, 'dropped');

/**
 * Reads a spreadsheet dropped onto the window and keeps it as a file of the data folder, so a batch
 * made from it can be continued after a crash (Continue reads the sheet again). The page sends the
 * file's bytes and name, never a path: a compromised page cannot make the app read a file the user
 * did not drop. The bytes are read before anything is written, so a file that is not a spreadsheet
 * the batch reads leaves nothing behind. Stored by content, under the name it had (made safe on
 * every system: `CON.csv` becomes `_CON.csv`), so the Batch view and results show that name.
 */
export async function openDroppedSheet(dataDir: string, name: string, bytes: Uint8Array): Promise<Sheet> {
  if (bytes.byteLength > MAX_SHEET_FILE_BYTES) throw new Failure(droppedTooLarge(name));
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const folder = join(droppedFolder(dataDir), hash);
  // The extension is kept whole (a long name is cut in its stem): it says how the file is read.
  const extension = extname(name);
  const file = join(folder, `${safeFileStem(basename(name, extension), 120)}${extension}`);
  const sheet = await sheetFromBytes(file, bytes);
  await mkdir(folder, { recursive: true });
  await writeFileAtomic(file, bytes);
  return sheet;
}

/**
 * At start, forgets the dropped sheets no unfinished batch reads: they were kept only so a batch
 * could be continued, and one app runs at a time, so none is open in a window. Returns how many
 * folders were removed.
 */
export async function sweepDroppedSheets(dataDir: string): Promise<number> {
  const root = resolve(droppedFolder(dataDir));
  const names = await readdir(root).catch(() => [] as string[]);
  if (names.length === 0) return 0;
  const inputs = (await unfinishedBatches(dataDir)).map((b) => relative(root, resolve(b.manifest.input)));
  const needed = new Set(inputs.map((input) => input.split(sep)[0]));
  let removed = 0;
  for (const name of names) {
    if (needed.has(name)) continue;
    await rm(join(root, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}
