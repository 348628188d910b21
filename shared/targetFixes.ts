/**
 * Candidate repairs for a page path, a page or a scene that WeChat would refuse. Plain text
 * transforms only: validateCodeRequest offers one as a fix only once its own checks pass it.
 */

const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
/** The parameter WeChat reserves for itself: a path or page holding it is refused (85096). */
export const RESERVED_PARAMETER = 'scancode_time';

/** Text without the characters nobody can see (pasted from chat apps and documents). */
export const withoutInvisible = (text: string): string => text.replace(INVISIBLE, '').trim();

/**
 * A path with invisible characters dropped and, in its query, spaces, < and > percent-encoded as a
 * URL writes them. A space in the page itself stays: no page is named so, and only the user knows
 * which was meant.
 */
export function encodedPath(path: string): string {
  const [page = '', ...rest] = withoutInvisible(path).split('?');
  if (rest.length === 0) return page;
  const query = rest.join('?').replace(/\p{Z}/gu, '%20').replace(/</g, '%3C').replace(/>/g, '%3E');
  return `${page}?${query}`;
}

/**
 * A path with every query pair that mentions scancode_time dropped; undefined when the word is in
 * the page itself, which only the user can rename.
 */
export function withoutReserved(path: string): string | undefined {
  const [page = '', ...rest] = path.split('?');
  if (page.includes(RESERVED_PARAMETER)) return undefined;
  const query = rest
    .join('?')
    .split('&')
    .filter((pair) => pair !== '' && !pair.includes(RESERVED_PARAMETER))
    .join('&');
  return query ? `${page}?${query}` : page;
}

/** An unlimited code's page written as a full path ('/pages/a?id=1'): the page, and the query it carried. */
export function splitPage(page: string): { page: string; query: string } {
  const [base = '', ...rest] = page.replace(/^\/+/, '').split('?');
  return { page: base, query: rest.join('?') };
}
