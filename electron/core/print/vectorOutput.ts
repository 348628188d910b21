import type { CodeRequest } from '../../../shared/codeRequest';
import { traceCode } from './trace';
import { traceOptionsFor } from './traceColour';
import { toPdf, toSvg } from './vectorFile';

// A code as a vector file for a print shop, traced from the PNG WeChat sent: what the CLI's
// `--format svg|pdf` and the app's Save as SVG/PDF both write.

export type VectorFormat = 'svg' | 'pdf';

/** The printed width when none is asked for: the size the traced image serves at `dpi`. */
const widthMmAt = (pixels: number, dpi: number) => (pixels / dpi) * 25.4;

export interface VectorOutput {
  bytes: string | Uint8Array;
  /** The printed width the file declares. */
  widthMm: number;
  /** The traced image's size in pixels. */
  source: { width: number; height: number };
}

/** The code traced in its colour (a square QR code is black on white; auto colour is read from the image). */
export async function vectorOutput(
  format: VectorFormat,
  png: Uint8Array,
  request: CodeRequest,
  widthMm?: number,
  dpi = 300,
): Promise<VectorOutput> {
  const vector = await traceCode(png, traceOptionsFor(request));
  const width = widthMm ?? widthMmAt(vector.width, dpi);
  const bytes =
    format === 'svg' ? toSvg(vector, { widthMm: width }) : await toPdf(vector, { widthMm: width });
  return { bytes, widthMm: width, source: { width: vector.width, height: vector.height } };
}
