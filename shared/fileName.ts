import type { CodeRequest } from './codeRequest';

/**
 * Characters Windows, macOS or Linux refuse in a file name, control characters, bidi controls (a
 * right-to-left override makes `code\u202Egnp.exe` show as `codeexe.png`) and the BOM. Joiners
 * stay: emoji sequences and some scripts need them.
 */
export const UNSAFE_IN_FILE_NAME = /[<>:"/\\|?*\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;
const UNSAFE_RUNS = /[<>:"/\\|?*\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]+/gu;
/** Half a surrogate pair with no other half: not text, and no file system stores it as given. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Names Windows keeps for devices, whatever follows the first dot: `CON.txt.png` is refused too. */
const RESERVED_ON_WINDOWS = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * Linux, macOS and Windows allow 255 bytes (or UTF-16 units, fewer) in one name; a file is written
 * through a temp name beside it (`.NAME.<pid>-<12 hex>.tmp`, see atomicFile.ts), which must fit too:
 * 19 bytes plus the writer's pid, at most 10 digits.
 */
export const TEMP_NAME_EXTRA_BYTES = 29;
export const MAX_FILE_NAME_BYTES = 255 - TEMP_NAME_EXTRA_BYTES;

const utf8 = new TextEncoder();
export const byteLength = (text: string): number => utf8.encode(text).length;

/** The longest start of `text` within `maxBytes` of UTF-8 that ends between two characters as shown. */
export function truncateToBytes(text: string, maxBytes: number): string {
  if (byteLength(text) <= maxBytes) return text;
  let kept = '';
  let bytes = 0;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    const size = byteLength(segment);
    if (bytes + size > maxBytes) break;
    kept += segment;
    bytes += size;
  }
  return kept;
}

/** Whether Windows refuses `name` as a device name: `CON`, `con.png`, `CON.txt.png`, `nul .txt`. */
export function reservedOnWindows(name: string): boolean {
  return RESERVED_ON_WINDOWS.test((name.split('.')[0] ?? '').trimEnd());
}

/**
 * Makes any text usable as one file-name segment within `maxBytes` of UTF-8, keeping Chinese and
 * other letters as they are: unsafe characters become '_', and no segment starts or ends with a dot
 * or a space (Windows drops trailing ones, so two names would meet).
 */
export function safeFileSegment(text: string, maxBytes = 120): string {
  const cleaned = text.replace(LONE_SURROGATE, '_').replace(UNSAFE_RUNS, '_').replace(/_+/g, '_');
  const trimEdges = (s: string) => s.replace(/^[_. ]+|[_. ]+$/g, '');
  return trimEdges(truncateToBytes(trimEdges(cleaned), maxBytes)) || 'code';
}

/** A whole name before its extension: a safe segment that is not a device name (`CON.txt` → `_CON.txt`). */
export function safeFileStem(text: string, maxBytes: number): string {
  const stem = safeFileSegment(text, maxBytes);
  return reservedOnWindows(stem) ? `_${truncateToBytes(stem, maxBytes - 1)}` : stem;
}

const SUGGESTED_STEM_BYTES = 120;

/**
 * The name a saved code gets by default, from what the user typed: the page and its query, or the
 * page and the scene. `pages/shop/index?id=7` becomes `pages_shop_index_id=7.png`.
 */
export function suggestedFileName(request: CodeRequest): string {
  switch (request.kind) {
    case 'limited':
    case 'qrcode':
      return `${safeFileStem(request.path, SUGGESTED_STEM_BYTES)}.png`;
    case 'unlimited':
      return `${safeFileStem(`${request.page || 'home'}_${request.scene}`, SUGGESTED_STEM_BYTES)}.png`;
  }
}
