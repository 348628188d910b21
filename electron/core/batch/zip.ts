import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Zip, ZipPassThrough } from 'fflate';
import { appError } from '../../../shared/errors';
import { zipTooBig } from '../../../shared/errors/batch';
import { Failure } from '../../../shared/result';

export interface ZipMember {
  /** The name inside the archive. */
  name: string;
  /** The file on disk. */
  path: string;
}

// fflate writes classic ZIP, not ZIP64: 16-bit entry counts and 32-bit offsets.
const MAX_ENTRIES = 0xffff;
const MAX_BYTES = 0xffffffff;

/**
 * Writes a ZIP of the given files one at a time (a batch of 50,000 codes never sits in memory),
 * to a temp file renamed into place at the end, so the ZIP is either whole or absent. PNGs are
 * already compressed, so they are stored rather than deflated again.
 */
export async function writeZip(zipPath: string, members: readonly ZipMember[]): Promise<void> {
  if (members.length > MAX_ENTRIES) throw new Failure(zipTooBig(zipPath, `${members.length} files`));
  const temp = join(dirname(zipPath), `.${basename(zipPath)}.${randomBytes(6).toString('hex')}.tmp`);
  const file = await open(temp, 'wx').catch((cause) => {
    throw fileFailure(zipPath, cause);
  });
  try {
    let chunks: Uint8Array[] = [];
    let written = 0;
    let failed: Error | null = null;
    const zip = new Zip((error, chunk) => {
      if (error) failed = error;
      else chunks.push(chunk);
    });
    const drain = async () => {
      if (failed) throw failed;
      const data = Buffer.concat(chunks);
      chunks = [];
      written += data.length;
      if (written > MAX_BYTES) throw new Failure(zipTooBig(zipPath, `${Math.round(written / 2 ** 20)} MiB`));
      await file.write(data);
    };
    for (const member of members) {
      const entry = new ZipPassThrough(member.name);
      zip.add(entry);
      entry.push(await readFile(member.path), true);
      await drain();
    }
    zip.end();
    await drain();
    await file.sync();
    await file.close();
    await rename(temp, zipPath);
  } catch (cause) {
    await file.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw fileFailure(zipPath, cause);
  }
}

function fileFailure(path: string, cause: unknown): Failure {
  if (cause instanceof Failure) return cause;
  return new Failure(
    appError('file', { path, detail: cause instanceof Error ? cause.message : String(cause) }),
  );
}
