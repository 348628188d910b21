import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_ORIGIN, urlOrigin } from '../../main/appPage';

// What main's app:// handler answers: the built page's own files and nothing else. Plain Node, so
// the decisions (which file, which type, which headers) are tested without Electron.

/** The types of the files a Vite build of the page holds; anything else is sent as opaque bytes. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export const contentTypeOf = (file: string): string =>
  CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * The file under `root` a URL path names ("/" is index.html), or undefined when it would lie
 * outside: "..", an encoded "%2e%2e%2f", a backslash on Windows, a NUL, an absolute path.
 */
export function pageFile(root: string, pathname: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return undefined;
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
  const inside = relative(resolve(root), file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside))
    return undefined;
  return file;
}

/** The file of the built page an app:// URL asks for; undefined for another origin or a path outside. */
export function appFileFor(root: string, url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (urlOrigin(parsed) !== APP_ORIGIN) return undefined;
  return pageFile(root, parsed.pathname);
}

export interface PageResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | null;
}

/** The answer to one request of the page: the file with its type and the page's policy, or a 404. */
export async function pageResponse(
  root: string,
  request: { url: string; method: string },
  contentSecurityPolicy: string,
): Promise<PageResponse> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return { status: 405, headers: {}, body: null };
  const file = appFileFor(root, request.url);
  const body = file === undefined ? undefined : await readFile(file).catch(() => undefined);
  if (file === undefined || body === undefined) return { status: 404, headers: {}, body: null };
  return {
    status: 200,
    headers: {
      'Content-Type': contentTypeOf(file),
      'Content-Security-Policy': contentSecurityPolicy,
      // The type above is the one the file is taken as: a PNG is never run as a script.
      'X-Content-Type-Options': 'nosniff',
    },
    body: request.method === 'HEAD' ? null : new Uint8Array(body),
  };
}
