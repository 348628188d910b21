import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw } from 'node:zlib';

// The parts of a ZIP (a .xlsx) read from its central directory, then unpacked one at a time with
// the bytes counted as they come: a size the directory declares can lie, the count cannot.

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As declared; the real size is counted while unpacking. */
  size: number;
  localHeaderOffset: number;
}

/** Why a ZIP cannot be read, in words for the "Could not read" error. */
export class NotAZip extends Error {}

/** Unpacked more than the caller allowed. */
export class TooLarge extends Error {}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
// The end record is 22 bytes plus a comment of at most 65,535.
const END_SEARCH = 22 + 0xffff;
const ZIP64 = 0xffffffff;

/** Every entry, by name, as the central directory lists them. */
export function zipEntries(zip: Buffer): Map<string, ZipEntry> {
  const end = findEnd(zip);
  const total = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < total; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== DIRECTORY_ENTRY) {
      throw new NotAZip('its table of contents is damaged');
    }
    const nameLength = zip.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localHeaderOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    };
    entries.set(entry.name, entry);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

function findEnd(zip: Buffer): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - END_SEARCH); at--) {
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw new NotAZip('it is not a ZIP package (an .xlsx file is one)');
}

/**
 * Unpacks one entry as UTF-8 text, handing it over chunk by chunk so no whole part is ever held,
 * and throws TooLarge as soon as more than `maxBytes` came out, whatever the entry declared.
 */
export async function readEntryText(
  zip: Buffer,
  entry: ZipEntry,
  maxBytes: number,
  onText: (text: string) => void,
): Promise<void> {
  if (entry.size === ZIP64 || entry.compressedSize === ZIP64 || entry.size > maxBytes) throw new TooLarge();
  const data = entryData(zip, entry);
  const decoder = new StringDecoder('utf8');
  if (entry.method === STORED) {
    if (data.length > maxBytes) throw new TooLarge();
    onText(decoder.write(data));
  } else if (entry.method === DEFLATED) {
    // Large chunks: the XML parser is called once per chunk.
    const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
    inflater.end(data);
    let size = 0;
    try {
      for await (const chunk of inflater as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > maxBytes) throw new TooLarge();
        onText(decoder.write(chunk));
      }
    } catch (cause) {
      if (cause instanceof Error && 'errno' in cause) throw new NotAZip(`${entry.name} is damaged`);
      throw cause;
    } finally {
      inflater.destroy();
    }
  } else {
    throw new NotAZip(`${entry.name} uses a compression method (${entry.method}) Excel does not write`);
  }
  onText(decoder.end());
}

function entryData(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_HEADER) {
    throw new NotAZip(`${entry.name} is damaged`);
  }
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  if (start + entry.compressedSize > zip.length) throw new NotAZip(`${entry.name} is cut off`);
  return zip.subarray(start, start + entry.compressedSize);
}
