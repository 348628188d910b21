import { mkdir, opendir } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { appError } from '../../../shared/errors';
import { Failure } from '../../../shared/result';
import { sweepTemps } from '../storage/tempFiles';
import { type NamesPresent, NamesPresentBuilder } from './namesPresent';

// A batch's file names may hold subfolders (`上海/南京西路店.png`, see naming.ts), always written
// with '/' whatever the platform: the journal, the results CSV and the ZIP keep them so.

const folderOf = (name: string): string => name.slice(0, Math.max(0, name.lastIndexOf('/')));

/**
 * The names already in the output folder and in the subfolders the batch's names use, as the
 * batch spells them: a row's file among them may be another batch's or the user's. Only those
 * folders are read, never the whole tree below the output folder (it may be the Desktop). Temp
 * files a killed run left in the subfolders are swept first, as the batch does in the folder itself.
 */
export async function filesPresent(outDir: string, names: Iterable<string>): Promise<NamesPresent> {
  const present = new NamesPresentBuilder();
  await listFolder(outDir, (entry) => present.add(entry));
  const folders = new Set<string>();
  for (const name of names) {
    const folder = folderOf(name);
    if (folder) folders.add(folder);
  }
  for (const folder of folders) {
    const path = resolve(outDir, ...folder.split('/'));
    await sweepTemps(path);
    await listFolder(path, (entry) => present.add(`${folder}/${entry}`)).catch((cause) => {
      // Not made yet: nothing of anyone's is there.
      if (cause?.code !== 'ENOENT') throw cause;
    });
  }
  return present.done();
}

/** A folder's entries one by one as the system lists them, never the whole listing at once. */
async function listFolder(path: string, each: (name: string) => void): Promise<void> {
  for await (const entry of await opendir(path)) each(entry.name);
}

/**
 * Where a row's file goes, its folders made. A name that would land outside the output folder is
 * refused: naming never makes one, and this keeps it so whatever a name's origin (a journal).
 */
export async function rowFilePath(outDir: string, name: string, made?: Set<string>): Promise<string> {
  const path = resolve(outDir, ...name.split('/'));
  const inside = relative(outDir, path);
  if (!inside || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    throw new Failure(appError('file', { path, detail: `it is not inside ${outDir}` }));
  }
  const folder = dirname(path);
  // `made`: the folders this batch made already (one mkdir per folder, not one per row).
  if (made?.has(folder)) return path;
  await mkdir(folder, { recursive: true }).catch((cause) => {
    throw new Failure(appError('file', { path: folder, detail: String(cause?.message ?? cause) }));
  });
  made?.add(folder);
  return path;
}
