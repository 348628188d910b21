import { bundledLabelFont } from '../print/labelFont';
import { posterPdf, renderPoster, slotWidthPx } from '../print/poster';
import { checkPosterPlaceholders, loadPosterTemplate, type PosterTemplate } from '../print/posterTemplate';
import type { PlannedRow } from './plan';

// A batch's poster: each row's code in the template's slot, its text fields filled from the row's
// cells, written beside the row's PNG as `<name>-poster.png` or `.pdf` (the template's output).

export class BatchPoster {
  private readonly font = bundledLabelFont();

  private constructor(
    readonly template: PosterTemplate,
    private readonly headers: readonly string[],
  ) {}

  /** The template read and its placeholders checked against the sheet's columns: a Failure before any call. */
  static async open(file: string, headers: readonly string[]): Promise<BatchPoster> {
    const template = await loadPosterTemplate(file);
    checkPosterPlaceholders(template, headers);
    return new BatchPoster(template, headers);
  }

  /** The width to ask of WeChat so the code fills the slot at the template's DPI. */
  get requestWidth(): number {
    return slotWidthPx(this.template);
  }

  /** `001-上海店.png` → `001-上海店-poster.pdf`. */
  fileFor(file: string): string {
    return `${file.replace(/\.png$/i, '')}-poster.${this.template.output}`;
  }

  /** The row's poster as a PNG, as the first-row check shows it. */
  png(code: Buffer, row: PlannedRow): Promise<Buffer> {
    return renderPoster(this.template, code, { row, headers: this.headers }, this.font);
  }

  /** The row's poster as its file holds it: the PNG, or that PNG on a PDF page of the template's size. */
  async file(code: Buffer, row: PlannedRow): Promise<Uint8Array> {
    const png = await this.png(code, row);
    return this.template.output === 'pdf' ? posterPdf(this.template, png) : png;
  }
}
