import type { CodeRequest, Rgb } from '../../../shared/codeRequest';
import type { TraceOptions } from './trace';

const BLACK: Rgb = { r: 0, g: 0, b: 0 };

/**
 * The ink a code is traced in, from the request that made it: a square QR code is black on white;
 * with auto colour WeChat picked the colour, so it is read from the image; else the line colour.
 * Only round codes can be transparent.
 */
export function traceOptionsFor(request: CodeRequest): TraceOptions {
  if (request.kind === 'qrcode') return { color: BLACK, transparent: false };
  return { color: request.autoColor ? 'auto' : request.lineColor, transparent: request.transparent };
}
