import iconv from 'iconv-lite';

/** How a CSV file's text was stored, as far as its bytes tell. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/**
 * Excel in China saves "CSV" in the system code page (GBK, which GB18030 contains), "CSV UTF-8"
 * with a BOM, and "Unicode text" as UTF-16 with a BOM; other tools write UTF-8 without one, and
 * some UTF-16 without a BOM. Bytes that are valid UTF-8 are taken as UTF-8: Chinese text in GBK
 * almost never is.
 */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  return encodingOf(bytes, () => {
    try {
      strictUtf8.decode(bytes);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * detectEncoding for a file read in chunks: `head` is its first bytes (4 KB suffice), and
 * `validUtf8` tells whether all of it decodes as UTF-8 (asked only when the head does not tell).
 */
export function encodingOf(head: Uint8Array, validUtf8: () => boolean): TextEncoding {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return 'utf-8-bom';
  if (startsWith(head, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(head, [0xfe, 0xff])) return 'utf-16be';
  const utf16 = utf16WithoutBom(head);
  if (utf16) return utf16;
  return validUtf8() ? 'utf-8' : 'gb18030';
}

/** Bytes enough for encodingOf to see a byte order mark or UTF-16's zero bytes. */
export const ENCODING_SAMPLE_BYTES = 4096;


/**
 * UTF-16 without a BOM shows itself by its zero bytes: every ASCII character (tabs, commas, line
 * ends, the letters of a path) has one in its high byte, in the odd places for little-endian and
 * the even ones for big-endian. A Chinese character has one only in its low byte, and only the few
 * whose code ends in 00 (一 U+4E00, 开, 最, the ideographic space U+3000), so the high bytes hold
 * most of the zeros. No UTF-16 text holds a NUL character (two zeros in one pair): NUL padding,
 * UTF-32 and binary files do. UTF-8 and GB18030 text never contains a zero byte.
 */
function utf16WithoutBom(bytes: Uint8Array): TextEncoding | undefined {
  const sample = bytes.subarray(0, Math.min(bytes.length, ENCODING_SAMPLE_BYTES) & ~1);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0 && sample[i + 1] === 0) return undefined;
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  // A header line alone has a few ASCII separators; most characters of a sheet are ASCII.
  const pairs = sample.length / 2;
  if (odd > even && odd >= pairs / 8) return 'utf-16le';
  if (even > odd && even >= pairs / 8) return 'utf-16be';
  return undefined;
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
    case 'utf-16be': {
      const bom = startsWith(bytes, encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff]) ? 2 : 0;
      return { text: iconv.decode(bytes.subarray(bom), encoding), encoding };
    }
    case 'gb18030':
      return { text: iconv.decode(bytes, 'gb18030'), encoding };
  }
}
