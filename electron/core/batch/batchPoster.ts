import { compose } from '../print/compose';
import { bundledLabelFont } from '../print/labelFont';
import type { LogoOptions } from '../print/logo';
import { posterPdf, renderPoster, slotWidthPx } from '../print/poster';
import { checkPosterPlaceholders, type PosterTemplate } from '../print/posterTemplate';
import { loadPosterTemplate } from '../print/posterTemplateFile';
import type { PlannedRow } from './plan';

// A batch's poster: each row's code in the template's slot, its text fields filled from the row's
// cells, written beside the row's PNG as `<name>-poster.png` or `.pdf` (the template's output).
// The batch's centre logo goes on the code in the slot; its labels are the template's texts.

export class BatchPoster {
  private readonly font = bundledLabelFont();

  private constructor(
    readonly template: PosterTemplate,
    private readonly headers: readonly string[],
    private readonly logo: LogoOptions | undefined,
  ) {}

  /** The template read and its placeholders checked against the sheet's columns: a Failure before any call. */
  static async open(file: string, headers: readonly string[], logo?: LogoOptions): Promise<BatchPoster> {
    const template = await loadPosterTemplate(file);
    checkPosterPlaceholders(template, headers);
    return new BatchPoster(template, headers, logo);
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
  async png(code: Buffer, row: PlannedRow): Promise<Buffer> {
    const slot = this.logo
      ? (
          await compose(code, {
            labels: [],
            margin: 0,
            gap: 0,
            dpi: this.template.page.dpi,
            font: this.font,
            logo: this.logo,
          })
        ).png
      : code;
    return renderPoster(this.template, slot, { row, headers: this.headers }, this.font);
  }

  /** The row's poster as its file holds it: the PNG, or that PNG on a PDF page of the template's size. */
  async file(code: Buffer, row: PlannedRow): Promise<Uint8Array> {
    const png = await this.png(code, row);
    return this.template.output === 'pdf' ? posterPdf(this.template, png) : png;
  }
}
