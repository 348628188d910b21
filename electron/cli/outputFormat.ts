import { extname } from 'node:path';
import type { CodeRequest } from '../../shared/codeRequest';
import { formatUnknown, OUTPUT_FORMATS, type OutputFormat, outNotForFormat } from '../../shared/errors/cli';
import { Failure } from '../../shared/result';
import { traceCode } from '../core/print/trace';
import { traceOptionsFor } from '../core/print/traceColour';
import { toPdf, toSvg } from '../core/print/vectorFile';
import { writeFileAtomic } from '../core/storage/atomicFile';

// `generate --format png|svg|pdf`: the PNG as WeChat sent it, or a vector file traced from it.

export const FORMAT_FLAG = { format: { type: 'string' } } as const;
export const FORMAT_USAGE = '[--format png|svg|pdf]';

/** Vector files are traced from the largest image WeChat makes, unless --width asks otherwise. */
export const VECTOR_SOURCE_WIDTH = '1280';

const isFormat = (raw: string): raw is OutputFormat => (OUTPUT_FORMATS as readonly string[]).includes(raw);

/** The format to write, from --format or else the --out file's extension; checked before any API call. */
export function outputFormatOf(raw: string | undefined, file: string): OutputFormat {
  if (raw !== undefined && !isFormat(raw)) throw new Failure(formatUnknown(raw));
  const extension = extname(file).slice(1).toLowerCase();
  const format = raw ?? (isFormat(extension) ? extension : undefined);
  if (!format || extension !== format) throw new Failure(outNotForFormat(raw as OutputFormat | undefined));
  return format;
}

/** The printed width when none is asked for: the size the traced image serves at 300 DPI. */
const widthMmAt300Dpi = (pixels: number) => (pixels / 300) * 25.4;

/**
 * Writes the code in `format`; a vector file is traced from `png` in the code's colour. Says what
 * was written, for the line the CLI prints. `widthMm` is the printed width the file declares.
 */
export async function writeCodeAs(
  format: OutputFormat,
  file: string,
  png: Uint8Array,
  request: CodeRequest,
  widthMm?: number,
): Promise<string> {
  if (format === 'png') {
    await writeFileAtomic(file, png);
    return 'PNG';
  }
  const vector = await traceCode(png, traceOptionsFor(request));
  const width = widthMm ?? widthMmAt300Dpi(vector.width);
  const bytes =
    format === 'svg' ? toSvg(vector, { widthMm: width }) : await toPdf(vector, { widthMm: width });
  await writeFileAtomic(file, bytes);
  return `${format.toUpperCase()}, ${Math.round(width * 10) / 10} mm wide, traced from the ${vector.width}×${vector.height} PNG`;
}
