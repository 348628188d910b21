import { randomBytes } from 'node:crypto';
import { link, open, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { appError } from '../../../shared/errors';
import { Failure } from '../../../shared/result';
import { rowFilePath } from '../batch/subfolders';
import { writeZip } from '../batch/zip';

/** A stored code leaving the library under a name: a batch's own (`上海/南京西路店.png`) or its suggested one. */
export interface ExportMember {
  name: string;
  /** The PNG in the library. */
  path: string;
}

/** `name.png`, `name (2).png`, `name (3).png`, …: the n-th name a file may take. */
export function numberedName(name: string, n: number): string {
  if (n === 1) return name;
  const dot = name.lastIndexOf('.');
  const slash = name.lastIndexOf('/');
  return dot > slash + 1 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
}

/**
 * Gives each member a name no earlier member took, so two codes with the same name (two batches'
 * `1-南京西路店.png`) both arrive.
 */
export function distinctNames(members: readonly ExportMember[]): ExportMember[] {
  const taken = new Set<string>();
  return members.map((member) => {
    let n = 1;
    while (taken.has(numberedName(member.name, n).toLowerCase())) n++;
    const name = numberedName(member.name, n);
    taken.add(name.toLowerCase());
    return { ...member, name };
  });
}

/**
 * Copies the codes into `dir` under their names, never over a file already there: that one keeps its
 * name and the code takes the next free `name (2).png`. Each file is whole or absent (written aside,
 * then linked into place, which fails rather than replaces). The names written, in order.
 */
export async function exportToFolder(dir: string, members: readonly ExportMember[]): Promise<string[]> {
  const written: string[] = [];
  for (const member of distinctNames(members)) {
    const first = await rowFilePath(dir, member.name);
    const temp = join(dirname(first), `.export.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
    try {
      const file = await open(temp, 'wx');
      try {
        await file.writeFile(await readFile(member.path));
        await file.sync();
      } finally {
        await file.close();
      }
      for (let n = 1; ; n++) {
        const name = numberedName(member.name, n);
        const done = await link(temp, join(dir, ...name.split('/'))).then(
          () => true,
          (cause: NodeJS.ErrnoException) => {
            if (cause.code === 'EEXIST') return false;
            throw cause;
          },
        );
        if (done) {
          written.push(name);
          break;
        }
      }
    } catch (cause) {
      throw new Failure(
        appError('file', { path: first, detail: String((cause as Error)?.message ?? cause) }),
      );
    } finally {
      await rm(temp, { force: true });
    }
  }
  return written;
}

/** Writes one ZIP of the codes in `dir`, named `base.zip` or the next free `base (2).zip`; its path. */
export async function exportZip(
  dir: string,
  base: string,
  members: readonly ExportMember[],
): Promise<string> {
  let path = '';
  for (let n = 1; ; n++) {
    path = join(dir, numberedName(`${base}.zip`, n));
    const free = await stat(path).then(
      () => false,
      () => true,
    );
    if (free) break;
  }
  await writeZip(path, distinctNames(members));
  return path;
}
