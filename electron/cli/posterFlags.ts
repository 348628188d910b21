import type { CodeRequest } from '../../shared/codeRequest';
import type { OutputFormat } from '../../shared/errors/cli';
import { restatedForFlag } from '../../shared/errors/cli';
import { posterFormat } from '../../shared/errors/poster';
import { Failure } from '../../shared/result';
import type { PlannedRow } from '../core/batch/plan';
import { bundledLabelFont } from '../core/print/labelFont';
import { posterPdf, renderPoster, slotWidthPx } from '../core/print/poster';
import { checkPosterPlaceholders, type PosterTemplate } from '../core/print/posterTemplate';
import { loadPosterTemplate } from '../core/print/posterTemplateFile';
import { writeFileAtomic } from '../core/storage/atomicFile';

// `generate --poster T.json` and `batch --poster T.json`: the code placed on a poster template.
// The template is read and checked (placeholders against the sheet's headers) before any call to
// WeChat, so a bad template exits 2 and costs no quota. `generate` writes its one poster here; a
// batch hands the template to its print options, so each row's poster is made beside its code
// (`<file>-poster.png|pdf`, in results.csv and the ZIP) exactly as the app's batch makes it.

export const POSTER_FLAG = { poster: { type: 'string' } } as const;
export const POSTER_USAGE = '[--poster TEMPLATE.json]';
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
  const png = await renderPoster(poster.template, code, { row, headers: poster.headers }, bundledLabelFont());
  await writeFileAtomic(file, kind === 'pdf' ? await posterPdf(poster.template, png) : png);
  return `Saved ${file} (${posterDescription(poster.template, kind)})`;
}

function posterDescription(template: PosterTemplate, kind: 'png' | 'pdf'): string {
  const { page } = template;
  const mm = `${Math.round(page.widthMm)} × ${Math.round(page.heightMm)} mm`;
  return `poster ${page.widthPx}×${page.heightPx} ${kind.toUpperCase()}, ${mm} at ${page.dpi} DPI`;
}
