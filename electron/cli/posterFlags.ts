import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CodeRequest } from '../../shared/codeRequest';
import type { OutputFormat } from '../../shared/errors/cli';
import { restatedForFlag } from '../../shared/errors/cli';
import { posterFormat, postersNotWritten } from '../../shared/errors/poster';
import { type AppError, Failure } from '../../shared/result';
import type { BatchSummary } from '../core/batch/batchJob';
import type { BatchPlan, PlannedRow } from '../core/batch/plan';
import { bundledLabelFont } from '../core/print/labelFont';
import { posterPdf, renderPoster, slotWidthPx } from '../core/print/poster';
import {
  checkPosterPlaceholders,
  loadPosterTemplate,
  type PosterTemplate,
} from '../core/print/posterTemplate';
import { writeFileAtomic } from '../core/storage/atomicFile';

// `generate --poster T.json` and `batch --poster T.json`: the code placed on a poster template,
// one poster per row. The template is read and checked (placeholders against the sheet's headers)
// before any call to WeChat, so a bad template exits 2 and costs no quota.

export const POSTER_FLAG = { poster: { type: 'string' } } as const;
export const POSTER_USAGE = '[--poster TEMPLATE.json]';
/** Where a batch's posters go inside its --out folder, under each row's own file name. */
export const POSTER_FOLDER = 'posters';

export interface PosterPlan {
  template: PosterTemplate;
  headers: readonly string[];
}

/** The template read and checked; undefined without --poster. `headers` is [] for a single code. */
export async function posterFromFlag(
  file: string | undefined,
  headers: readonly string[],
  format: OutputFormat = 'png',
): Promise<PosterPlan | undefined> {
  if (file === undefined) return undefined;
  try {
    if (format === 'svg') throw new Failure(posterFormat());
    const template = await loadPosterTemplate(file);
    checkPosterPlaceholders(template, headers);
    return { template, headers };
  } catch (caught) {
    if (caught instanceof Failure) throw new Failure(restatedForFlag(caught.error, '--poster', 0));
    throw caught;
  }
}

/** The width to ask of WeChat so the code fills its slot (unless --width or --print-size says otherwise). */
export const posterWidth = (poster: PosterPlan): string => String(slotWidthPx(poster.template));

async function posterBytes(
  poster: PosterPlan,
  code: Buffer,
  row: PlannedRow,
  format: 'png' | 'pdf',
): Promise<Buffer> {
  const png = await renderPoster(poster.template, code, { row, headers: poster.headers }, bundledLabelFont());
  return format === 'pdf' ? Buffer.from(await posterPdf(poster.template, png)) : png;
}

/** `generate --poster`: the poster for one code, as the --out file's format; the line to print. */
export async function writeGeneratedPoster(
  poster: PosterPlan,
  file: string,
  format: OutputFormat,
  code: Buffer,
  request: CodeRequest,
): Promise<string> {
  const row: PlannedRow = { row: 1, key: '', name: '', cells: [], request };
  const kind = format === 'pdf' ? 'pdf' : 'png';
  await writeFileAtomic(file, await posterBytes(poster, code, row, kind));
  return `Saved ${file} (${posterDescription(poster.template, kind)})`;
}

function posterDescription(template: PosterTemplate, kind: 'png' | 'pdf'): string {
  const { page } = template;
  const mm = `${Math.round(page.widthMm)} × ${Math.round(page.heightMm)} mm`;
  return `poster ${page.widthPx}×${page.heightPx} ${kind.toUpperCase()}, ${mm} at ${page.dpi} DPI`;
}

/**
 * `batch --poster`: one poster per row made, from the code the batch wrote, under
 * <out>/posters/ with the row's file name (.png or .pdf as the template says). The lines to print.
 */
export async function writeBatchPosters(
  poster: PosterPlan,
  plan: BatchPlan,
  summary: BatchSummary,
  outDir: string,
  language: 'en' | 'zh',
): Promise<{ lines: string[]; failed: string[]; error?: AppError }> {
  const kind = poster.template.output;
  const rows = new Map<number, PlannedRow>();
  for (const row of plan.rows) rows.set(row.row, row);
  let written = 0;
  const failed: string[] = [];
  for (const outcome of summary.outcomes) {
    const row = rows.get(outcome.row);
    if (outcome.status !== 'done' || !outcome.file || !row) continue;
    const name = `${outcome.file.replace(/\.png$/i, '')}.${kind}`;
    const target = join(outDir, POSTER_FOLDER, name);
    try {
      const code = await readFile(join(outDir, outcome.file));
      await mkdir(dirname(target), { recursive: true });
      await writeFileAtomic(target, await posterBytes(poster, code, row, kind));
      written++;
    } catch (caught) {
      const why = caught instanceof Failure ? caught.error.message[language] : String(caught);
      failed.push(
        language === 'zh'
          ? `第 ${outcome.row} 行的海报未能写入 ${target}：${why}`
          : `Row ${outcome.row}: the poster could not be written to ${target}: ${why}`,
      );
    }
  }
  const folder = join(outDir, POSTER_FOLDER);
  const lines = [
    language === 'zh'
      ? `海报：${written} 张写入 ${folder}（${posterDescription(poster.template, kind)}）。`
      : `Posters: ${written} written to ${folder} (each a ${posterDescription(poster.template, kind)}).`,
  ];
  return { lines, failed, ...(failed.length ? { error: postersNotWritten(failed.length, folder) } : {}) };
}
