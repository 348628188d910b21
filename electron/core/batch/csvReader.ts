import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { MAX_CELL_CHARACTERS, MAX_COLUMNS, MAX_SHEET_FILE_BYTES } from '../../../shared/batch';
import { sheetUnreadable } from '../../../shared/errors/sheet';
import { Failure } from '../../../shared/result';
import { ENCODING_SAMPLE_BYTES, encodingOf, type TextEncoding } from './encoding';
import { cellTooLong, fileTooLarge, RowBounds } from './sheetLimits';
import type { SheetRow } from './sheetRow';

// A delimited text file read in chunks, never whole: one pass tells its encoding and hashes it, a
// second decodes and parses it, handing each row on as it is parsed. Memory stays flat however
// many rows the file holds.

/** What the first pass learns of the file. */
export interface TextFacts {
  encoding: TextEncoding;
  /** SHA-256 of the file's bytes. */
  contentHash: string;
}

/** Reads `file` and hands every row with any text (the header first) to `onRow`, checked as it comes. */
export async function csvFileRows(file: string, onRow: (row: SheetRow) => void): Promise<TextFacts> {
  try {
    const facts = await textFacts(file);
    await parseText(file, chunksOf(file, facts.encoding), onRow);
    return facts;
  } catch (cause) {
    throw asSheetFailure(file, cause);
  }
}

/** The same rows from text already decoded (a dropped sheet's bytes). */
export async function csvTextRows(file: string, text: string, onRow: (row: SheetRow) => void): Promise<void> {
  try {
    await parseText(file, [text], onRow);
  } catch (cause) {
    throw asSheetFailure(file, cause);
  }
}

/** The file's bytes in chunks, at most MAX_SHEET_FILE_BYTES of them: the size is refused before reading. */
async function* fileChunks(file: string): AsyncGenerator<Buffer> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_SHEET_FILE_BYTES) throw fileTooLarge(file, size);
    let read = 0;
    // A FIFO, or a file still being written, can hold more than its size said: one byte past the limit at most.
    for await (const chunk of handle.createReadStream({ end: MAX_SHEET_FILE_BYTES, autoClose: false })) {
      read += (chunk as Buffer).length;
      if (read > MAX_SHEET_FILE_BYTES) throw fileTooLarge(file, read);
      yield chunk as Buffer;
    }
  } finally {
    await handle.close();
  }
}

async function textFacts(file: string): Promise<TextFacts> {
  const hash = createHash('sha256');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let validUtf8 = true;
  let head = Buffer.alloc(0);
  for await (const chunk of fileChunks(file)) {
    hash.update(chunk);
    if (head.length < ENCODING_SAMPLE_BYTES) head = Buffer.concat([head, chunk]);
    if (validUtf8) {
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        validUtf8 = false;
      }
    }
  }
  if (validUtf8) {
    try {
      utf8.decode();
    } catch {
      validUtf8 = false;
    }
  }
  return { encoding: encodingOf(head, () => validUtf8), contentHash: hash.digest('hex') };
}

/** The file's text in chunks, decoded, without its byte order mark. */
async function* chunksOf(file: string, encoding: TextEncoding): AsyncGenerator<string> {
  const decoder =
    encoding === 'utf-8' || encoding === 'utf-8-bom'
      ? utf8Decoder()
      : // iconv-lite leaves out a byte order mark by itself.
        iconv.getDecoder(encoding);
  for await (const chunk of fileChunks(file)) {
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

function utf8Decoder(): { write(bytes: Buffer): string; end(): string | undefined } {
  // Leaves out a byte order mark, as Excel's "CSV UTF-8" writes one.
  const decoder = new TextDecoder('utf-8');
  return { write: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
}

/** Each record is checked as it is parsed and only rows with text are handed on, so a flood stops early. */
async function parseText(
  file: string,
  chunks: AsyncIterable<string> | Iterable<string>,
  onRow: (row: SheetRow) => void,
): Promise<void> {
  const bounds = new RowBounds(file);
  let number = 0;
  let parser: ReturnType<typeof parse> | undefined;
  let head = '';
  const write = (text: string) =>
    new Promise<void>((resolve, reject) => parser!.write(text, (error) => (error ? reject(error) : resolve())));
  try {
    for await (const text of chunks) {
      if (parser) {
        await write(text);
        continue;
      }
      // The delimiter is told by the header: the text waits until the header's line is whole.
      head += text;
      if (head.search(/[\r\n]/) < 0) continue;
      parser = rowParser(guessDelimiter(head), () => ++number, bounds, onRow);
      await write(head);
      head = '';
    }
    parser ??= rowParser(guessDelimiter(head), () => ++number, bounds, onRow);
    if (head) await write(head);
    parser.end();
    await finished(parser);
  } catch (cause) {
    parser?.destroy();
    const { code, column } = cause as { code?: string; column?: number };
    if (code === 'CSV_MAX_RECORD_SIZE') throw cellTooLong(file, number + 1, column ?? 0);
    throw cause;
  }
}

function rowParser(
  delimiter: string,
  nextNumber: () => number,
  bounds: RowBounds,
  onRow: (row: SheetRow) => void,
): ReturnType<typeof parse> {
  const parser = parse({
    delimiter,
    // Files edited by hand mix line endings, and stray quotes inside a cell are common.
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    // A record longer than a full row of the longest cells is cut short while it is read.
    max_record_size: MAX_CELL_CHARACTERS * MAX_COLUMNS,
    on_record: (cells: string[]) => {
      const row = { number: nextNumber(), cells: cells.map((c) => c.trim()) };
      if (row.cells.some((cell) => cell !== '')) {
        bounds.add(row.number, row.cells);
        onRow(row);
      }
      return null;
    },
  });
  // Nothing is pushed on (every record is handed to onRow): flowing, the stream can end.
  parser.resume();
  // An error reaches the write that met it (and finished()): this listener only keeps it from being thrown again.
  parser.on('error', () => {});
  return parser;
}

/** Excel writes ';' where ',' is the decimal mark and tabs for "text" exports; the header shows which. */
function guessDelimiter(text: string): string {
  const end = text.search(/[\r\n]/);
  const header = end < 0 ? text : text.slice(0, end);
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

function asSheetFailure(file: string, cause: unknown): Failure {
  if (cause instanceof Failure) return cause;
  return new Failure(sheetUnreadable(file, cause instanceof Error ? cause.message : String(cause)));
}
