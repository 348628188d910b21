import sharp from 'sharp';
import type { CodeRequest } from '../../../shared/codeRequest';
import type { ComposeOptions } from './compose';
import { traceOptionsFor } from './traceColour';
import { toPdf, toSvg } from './vectorFile';
import { vectorPrint } from './vectorPrint';

// A code as a vector file for a print shop, traced from the PNG WeChat sent and dressed with the
// same labels and logo as the PNG: what the CLI's `--format svg|pdf`, the batch and the app's Save
// as SVG/PDF all write.

export type VectorFormat = 'svg' | 'pdf';

/** The printed width when none is asked for: the size the traced image serves at `dpi`. */
const widthMmAt = (pixels: number, dpi: number) => (pixels / dpi) * 25.4;

export interface VectorOutput {
  bytes: string | Uint8Array;
  /** The code's printed width the file declares (labels and margins add to the page). */
  widthMm: number;
  /** The traced image's size in pixels. */
  source: { width: number; height: number };
}

/**
 * The code traced in its colour (a square QR code is black on white; auto colour is read from the
 * image), with compose's labels, logo, margins and background when `options` has them.
 */
export async function vectorOutput(
  format: VectorFormat,
  png: Uint8Array,
  request: CodeRequest,
  widthMm?: number,
  dpi = 300,
  options: ComposeOptions = {},
): Promise<VectorOutput> {
  const { width: pixels = 0, height = 0 } = await sharp(png).metadata();
  const width = widthMm ?? widthMmAt(pixels, dpi);
  const print = await vectorPrint(png, traceOptionsFor(request), options, width);
  const bytes = format === 'svg' ? toSvg(print, { widthMm: width }) : await toPdf(print, { widthMm: width });
  return { bytes, widthMm: width, source: { width: pixels, height } };
}
