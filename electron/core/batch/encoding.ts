import iconv from 'iconv-lite';

/** How a CSV file's text was stored, as far as its bytes tell. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/**
 * Excel in China saves "CSV" in the system code page (GBK, which GB18030 contains), "CSV UTF-8"
 * with a BOM, and "Unicode text" as UTF-16 with a BOM; other tools write UTF-8 without one. Bytes
 * that are valid UTF-8 are taken as UTF-8: Chinese text in GBK almost never is.
 */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8-bom';
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  try {
    strictUtf8.decode(bytes);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** The file's text without any byte order mark, and the encoding it was read with. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const encoding = detectEncoding(bytes);
  switch (encoding) {
    case 'utf-8':
      return { text: Buffer.from(bytes).toString('utf8'), encoding };
    case 'utf-8-bom':
      return { text: Buffer.from(bytes.subarray(3)).toString('utf8'), encoding };
    case 'utf-16le':
      return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding };
    case 'utf-16be':
      return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding };
    case 'gb18030':
      return { text: iconv.decode(bytes, 'gb18030'), encoding };
  }
}
