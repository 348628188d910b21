import type { PlannedRow } from '../../core/batch/plan';
import { bundledLabelFont } from '../../core/print/labelFont';
import { posterPdf, renderPoster } from '../../core/print/poster';
import { checkPosterPlaceholders } from '../../core/print/posterTemplate';
import type { LibraryEntry } from '../../core/storage/library';
import type { PosterStore } from '../posters/posterStore';

// The form's code on a saved poster template: the same renderer a batch row and `generate --poster`
// use. A single code has no sheet, so its text fields may name only the built-in placeholders
// ({page}, {scene}, {path} …): a column's placeholder is refused with its name and the fix.

export interface PrintedPoster {
  png: Buffer;
  width: number;
  height: number;
  dpi: number;
  /** The same poster on a PDF page of the template's physical size. */
  pdf(): Promise<Uint8Array>;
}

export async function printedPoster(
  posters: PosterStore,
  posterId: string,
  entry: LibraryEntry,
  code: Buffer,
): Promise<PrintedPoster> {
  const template = await posters.load(posterId);
  checkPosterPlaceholders(template, []);
  const row: PlannedRow = { row: 1, key: '', name: '', cells: [], request: entry.request };
  const png = await renderPoster(template, code, { row, headers: [] }, bundledLabelFont());
  const { widthPx: width, heightPx: height, dpi } = template.page;
  return { png, width, height, dpi, pdf: () => posterPdf(template, png) };
}
