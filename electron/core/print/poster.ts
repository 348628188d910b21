import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import type { PlannedRow } from '../batch/plan';
import { drawLabel } from './compose';
import type { LabelFont } from './labelFont';
import { labelForRow } from './labelText';
import { WECHAT_MAX_WIDTH, WECHAT_MIN_WIDTH } from './physicalSize';
import { withDpi } from './pngDpi';
import type { PosterTemplate } from './posterTemplate';

// A poster: the template's background at the page's size, the code in its slot, the text fields
// filled for one row and drawn with the labels' font and rules (compose.ts). The same template,
// code and row give the same bytes, as PNG (with its DPI) or as a PDF page of the physical size.

const POINTS_PER_MM = 72 / 25.4;

export interface PosterRow {
  row: PlannedRow;
  /** The sheet's headers, so `{门店名称}` finds its column; [] for a single code. */
  headers: readonly string[];
}

/** The poster as a PNG recording the template's DPI; `row` null: placeholders as written (the editor's preview). */
export async function renderPoster(
  template: PosterTemplate,
  codePng: Buffer,
  row: PosterRow | null,
  font: LabelFont | null | undefined,
): Promise<Buffer> {
  const { page, code } = template;
  const background = await sharp(template.background)
    .resize(page.widthPx, page.heightPx, { fit: 'cover' })
    .png()
    .toBuffer();
  const slot = await sharp(codePng)
    .resize(code.width, code.height, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png()
    .toBuffer();
  const texts = await Promise.all(
    template.texts.map((field) =>
      drawLabel(
        {
          text: row ? labelForRow(field.text, row.row, row.headers) : field.text,
          size: field.sizePx,
          weight: field.weight,
          colour: field.colour,
          align: field.align,
        },
        field.band,
        font,
      ),
    ),
  );
  const png = await sharp(background)
    .composite([{ input: slot, left: code.x, top: code.y }, ...texts.filter((t) => t !== null)])
    .flatten({ background: '#ffffff' })
    .png()
    .toBuffer();
  return withDpi(png, page.dpi);
}

/** The poster PNG on one PDF page of the template's physical size, for the print shop. */
export async function posterPdf(template: PosterTemplate, posterPng: Buffer): Promise<Uint8Array> {
  const width = template.page.widthMm * POINTS_PER_MM;
  const height = template.page.heightMm * POINTS_PER_MM;
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setProducer('WxaCode Studio');
  doc.setCreator('WxaCode Studio');
  const image = await doc.embedPng(posterPng);
  doc.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
  return doc.save();
}

/** The pixels a code needs to fill the slot at the template's DPI, within WeChat's 280–1280. */
export function slotWidthPx(template: PosterTemplate): number {
  return Math.min(WECHAT_MAX_WIDTH, Math.max(WECHAT_MIN_WIDTH, template.code.width));
}
