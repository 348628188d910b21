import { mkdir, rmdir, stat } from 'node:fs/promises';
import { appError } from '../../../shared/errors';
import { Failure } from '../../../shared/result';
import { sweepTemps } from '../storage/tempFiles';
import { type BatchManifest, batchFolder, Journal, removeBatch } from './journal';
import { takeOutputFolder } from './outputs';

// A batch's start: its output folder claimed against other batches, its journal opened, the folder
// made and swept of a crash's temporary files. A start that fails leaves nothing behind. Apart from
// the job, so what starting takes and undoes changes here while running rows changes in batchJob.ts.

export interface StartedBatch {
  journal: Journal;
  /** The batch's journal folder, removed once every row is done. */
  folder: string;
  /** Lets another batch write into the output folder. */
  releaseFolder: () => Promise<void>;
}

/**
 * Takes the output folder and the journal, makes the folder, then runs `prepare` (what the job
 * reads before its first row). Should any of it fail, the start is undone and the cause thrown.
 */
export async function startBatch(
  dataDir: string,
  manifest: BatchManifest,
  resume: boolean,
  prepare: (journal: Journal) => Promise<void>,
): Promise<StartedBatch> {
  const { outDir } = manifest;
  const folder = batchFolder(dataDir, manifest.id);
  // The folder first: a start refused because another batch writes there must not have emptied
  // (or removed) this batch's journal of an unfinished run.
  const releaseFolder = await takeOutputFolder(dataDir, outDir, manifest.id, manifest.input);
  const batchExisted = await stat(folder).then(
    () => true,
    () => false,
  );
  let createdOutDir: string | undefined;
  let journal: Journal;
  try {
    journal = await Journal.open(folder, manifest, resume);
  } catch (cause) {
    await releaseFolder();
    throw cause;
  }
  try {
    createdOutDir = await mkdir(outDir, { recursive: true }).catch((cause) => {
      throw new Failure(appError('file', { path: outDir, detail: String(cause?.message ?? cause) }));
    });
    await sweepTemps(outDir);
    await prepare(journal);
  } catch (cause) {
    // Never started: nothing of it is left behind, neither an empty folder nor a batch to continue.
    await journal.close();
    await releaseFolder();
    if (createdOutDir) await rmdir(outDir).catch(() => {});
    if (!resume && !batchExisted) await removeBatch(folder);
    throw cause;
  }
  return { journal, folder, releaseFolder };
}
