import { extname } from 'node:path';
import type { CodeRequest } from '../../shared/codeRequest';
import { formatUnknown, OUTPUT_FORMATS, type OutputFormat, outNotForFormat } from '../../shared/errors/cli';
import { Failure } from '../../shared/result';
import type { ComposeOptions } from '../core/print/compose';
import { vectorOutput } from '../core/print/vectorOutput';
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

/**
 * Writes the code in `format`; a vector file is traced from `png` in the code's colour, with the
 * labels and logo of `options` (what the PNG would carry). Says what was written, for the line the
 * CLI prints. `widthMm` is the code's printed width the file declares; without it, `dpi` decides.
 */
export async function writeCodeAs(
  format: OutputFormat,
  file: string,
  png: Uint8Array,
  request: CodeRequest,
  widthMm?: number,
  dpi?: number,
  options: ComposeOptions = {},
): Promise<string> {
  if (format === 'png') {
    await writeFileAtomic(file, png);
    return 'PNG';
  }
  const { bytes, widthMm: width, source } = await vectorOutput(format, png, request, widthMm, dpi, options);
  await writeFileAtomic(file, bytes);
  return `${format.toUpperCase()}, ${Math.round(width * 10) / 10} mm wide, traced from the ${source.width}×${source.height} PNG`;
}
