import type { CodeRequest } from './codeRequest';

/** Characters Windows, macOS or Linux refuse in a file name, plus control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must go
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f]+/g;

/** Makes any text usable as one file-name segment, keeping Chinese and other letters as they are. */
export function safeFileSegment(text: string, maxLength = 80): string {
  const cleaned = text
    .replace(UNSAFE, '_')
    .replace(/_+/g, '_')
    .replace(/^[_. ]+|[_. ]+$/g, '');
  return cleaned.slice(0, maxLength) || 'code';
}

/**
 * The name a saved code gets by default, from what the user typed: the page and its query, or the
 * page and the scene. `pages/shop/index?id=7` becomes `pages_shop_index_id=7.png`.
 */
export function suggestedFileName(request: CodeRequest): string {
  switch (request.kind) {
    case 'limited':
    case 'qrcode':
      return `${safeFileSegment(request.path)}.png`;
    case 'unlimited':
      return `${safeFileSegment(`${request.page || 'home'}_${request.scene}`)}.png`;
  }
}
