import { createHash } from 'node:crypto';
import { mkdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { BatchPrint } from '../../../shared/batchPrint';
import { appError } from '../../../shared/errors';
import { batchElsewhere, folderTaken, resultsNotWritten } from '../../../shared/errors/batch';
import { type AppError, Failure } from '../../../shared/result';
import { writeFileAtomic } from '../storage/atomicFile';
import { takeFile } from '../storage/claims';
import type { BatchPrinter } from './batchPrint';
import { batchFolder } from './journal';
import type { NamesPresent } from './namesPresent';
import { type RowOutcome, writeResultsCsv } from './results';
import { type RowList, SpillList } from './spillList';
import { writeZip, type ZipMember } from './zip';

// What a batch leaves besides its PNGs: the results CSV and the ZIP, and the lock on its folder.

export interface BatchOutput {
  /** The folder the PNGs go to; created when missing. */
  dir: string;
  /** Placeholders {row} {name} {page} {scene} {path} and any header; '/' makes subfolders. Default `{row}-{name}.png` or `{row}.png`. */
  nameTemplate?: string;
  /** A ZIP of the PNGs and the results CSV, written when every row has been tried. */
  zipFile?: string;
  /** Default `<dir>/results.csv`. */
  resultsFile?: string;
  /** Labels, logo, printed size, vector format and the print sheet (shared/batchPrint.ts). */
  print?: BatchPrint;
}

/** Kept with a batch: the names of its results CSV and ZIP (see ownOutputNames). */
const OUTPUT_NAMES = 'outputs.json';

/**
 * One batch at a time writes into a folder: two at once could replace each other's files. The
 * lock lives in the data folder, keyed by the folder, so nothing extra lands among the user's files.
 */
export async function takeOutputFolder(
  dataDir: string,
  outDir: string,
  batch: string,
  input: string,
): Promise<() => Promise<void>> {
  // One folder reached by two spellings (a link, another case on Windows and macOS) is one lock.
  const real = await realpath(outDir).catch(() => outDir);
  const same = process.platform === 'win32' || process.platform === 'darwin' ? real.toLowerCase() : real;
  const key = createHash('sha256').update(same).digest('hex').slice(0, 32);
  const lock = await takeFile(join(dataDir, 'folders', key), { about: { batch, input, outDir } });
  if (lock.taken) return lock.release;
  if (lock.holder.about?.batch === batch) throw batchElsewhere(input, lock.holder);
  throw folderTaken(outDir, lock.holder);
}

export interface OutputsToWrite {
  batch: string;
  dataDir: string;
  outDir: string;
  output: BatchOutput;
  language: 'en' | 'zh';
  /** Every spreadsheet row's outcome, in row order. */
  outcomes: RowList<RowOutcome>;
  /** Names in the output folder when the run started. */
  present: NamesPresent;
  skipZip: boolean;
  /** Present when the batch has print options: a sheet is laid out when they ask for one. */
  printer?: BatchPrinter;
}

export interface WrittenOutputs {
  /** The outcomes, with each row's print sheet page when a sheet was laid out. */
  outcomes: RowList<RowOutcome>;
  /** '' when it could not be written (outputError says why). */
  resultsFile: string;
  zipFile?: string;
  /** The print sheet PDF. */
  sheetFile?: string;
  outputError?: AppError;
}

/** Writes the results CSV, then the ZIP; a failure of either is reported, never thrown. */
export async function writeOutputs(w: OutputsToWrite): Promise<WrittenOutputs> {
  const { output, outDir } = w;
  const own = await ownOutputNames(w);
  let resultsFile = resolve(output.resultsFile ?? join(outDir, own.results));
  let outputError: AppError | undefined;
  const sheet = await writeSheet(w);
  if (sheet.error) outputError = sheet.error;
  const outcomes = sheet.pages ? withSheetPages(w.outcomes, sheet.pages) : w.outcomes;
  try {
    await writeResultsCsv(resultsFile, outcomes, w.language);
  } catch (caught) {
    outputError = resultsNotWritten(asAppError(caught));
    resultsFile = '';
  }
  let zipFile: string | undefined;
  if (output.zipFile && !w.skipZip) {
    const zipPath = own.zip ? join(outDir, own.zip) : output.zipFile;
    try {
      await mkdir(dirname(resolve(zipPath)), { recursive: true });
      const results = resultsFile ? [{ name: basename(resultsFile), path: resultsFile }] : [];
      const sheets = sheet.file ? [{ name: basename(sheet.file), path: sheet.file }] : [];
      await writeZip(zipPath, madeFiles(outcomes, outDir), sheets, results);
      zipFile = resolve(zipPath);
    } catch (caught) {
      outputError ??= asAppError(caught);
    }
  }
  return {
    outcomes,
    resultsFile,
    ...(zipFile ? { zipFile } : {}),
    ...(sheet.file ? { sheetFile: sheet.file } : {}),
    ...(outputError ? { outputError } : {}),
  };
}

/** Every file made for a done row, read from the outcomes as the ZIP is written. */
function* madeFiles(outcomes: Iterable<RowOutcome>, outDir: string): Generator<ZipMember> {
  for (const o of outcomes) {
    if (o.status !== 'done' || !o.file) continue;
    for (const name of [o.file, o.printFile, o.vectorFile, o.posterFile])
      if (name) yield { name, path: join(outDir, name) };
  }
}

function withSheetPages(outcomes: RowList<RowOutcome>, pages: Map<number, number>): RowList<RowOutcome> {
  const paged = new SpillList<RowOutcome>();
  for (const o of outcomes) {
    const page = o.status === 'done' ? pages.get(o.row) : undefined;
    paged.push(page !== undefined ? { ...o, sheetPage: page } : o);
  }
  return paged;
}

/**
 * The print sheet of every row made, when the print options ask for one, and each row's page on
 * it. Written before the results CSV, which lists the pages; a failure is reported, never thrown.
 */
async function writeSheet(
  w: OutputsToWrite,
): Promise<{ file?: string; pages?: Map<number, number>; error?: AppError }> {
  const wanted = w.output.print?.sheet;
  if (!w.printer || !wanted) return {};
  const rows: { row: number; file: string; printFile?: string }[] = [];
  for (const o of w.outcomes) {
    if (o.status !== 'done' || !o.file) continue;
    rows.push({ row: o.row, file: o.file, ...(o.printFile ? { printFile: o.printFile } : {}) });
  }
  if (rows.length === 0) return {};
  const file = resolve(wanted.file ?? join(w.outDir, 'sheet.pdf'));
  try {
    await mkdir(dirname(file), { recursive: true });
    const pages = await w.printer.writeSheet(w.outDir, file, rows);
    return { file, pages };
  } catch (caught) {
    return { error: asAppError(caught) };
  }
}

/**
 * The names this batch writes its results and (a ZIP inside its folder) under: never over another
 * batch's or the user's file already there, which gets this batch's own name instead. Remembered
 * with the batch, so a continued run writes the same files again.
 */
async function ownOutputNames(w: OutputsToWrite): Promise<{ results: string; zip?: string }> {
  const memo = join(batchFolder(w.dataDir, w.batch), OUTPUT_NAMES);
  const remembered = await readFile(memo, 'utf8').then(
    (text) => JSON.parse(text) as { results: string; zip?: string },
    () => undefined,
  );
  if (remembered) return remembered;
  // Only a file there is someone's: anything else in the way fails the write, and says so.
  const mine = async (name: string) => {
    const dot = name.lastIndexOf('.');
    const taken = w.present.has(name) && (await stat(join(w.outDir, name)).catch(() => undefined))?.isFile();
    return taken ? `${name.slice(0, dot)}-${w.batch.slice(0, 8)}${name.slice(dot)}` : name;
  };
  const zipFile = w.output.zipFile;
  const inside = zipFile !== undefined && dirname(resolve(zipFile)) === w.outDir;
  const names = {
    results: await mine('results.csv'),
    ...(inside ? { zip: await mine(basename(zipFile)) } : {}),
  };
  await writeFileAtomic(memo, JSON.stringify(names)).catch(() => {});
  return names;
}

const asAppError = (caught: unknown): AppError =>
  caught instanceof Failure ? caught.error : appError('file', { detail: String(caught) });
