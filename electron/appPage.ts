import { pathToFileURL } from 'node:url';

export interface AppPage {
  /** What the window loads. */
  url: string;
  /** For responses served over http(s), i.e. by the dev server; the built page carries it in a <meta>. */
  contentSecurityPolicy: string;
  /** Whether an IPC message comes from the app's own page, in the window's top frame. */
  isOwnFrame(frame: { url: string; parent: unknown } | null): boolean;
}

/** One policy for the page, written into the built index.html (vite.config.ts) and sent by main. */
const POLICY = {
  'default-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'style-src': ["'self'", "'unsafe-inline'"],
  'script-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/**
 * The page the window shows: the built index.html, or in development (never in a packaged app) the
 * Vite dev server, whose hot reload needs an inline preamble script and its websocket.
 */
export function appPage(options: { indexHtml: string; devServerUrl?: string }): AppPage {
  const dev = options.devServerUrl ? new URL(options.devServerUrl) : undefined;
  const url = dev ? dev.href : pathToFileURL(options.indexHtml).href;
  const policy = dev
    ? {
        ...POLICY,
        'script-src': [...POLICY['script-src'], "'unsafe-inline'"],
        'connect-src': [
          ...POLICY['connect-src'],
          `${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}`,
        ],
      }
    : POLICY;
  const own = new URL(url);

  return {
    url,
    contentSecurityPolicy: policyText(policy),
    isOwnFrame(frame) {
      if (!frame || frame.parent !== null || !URL.canParse(frame.url)) return false;
      const sender = new URL(frame.url);
      // The dev server serves the page from any path of its origin; the built page is one file.
      return dev
        ? sender.origin === own.origin
        : sender.protocol === 'file:' && sender.pathname === own.pathname;
    },
  };
}

/** The built page's policy, for the <meta> tag that file:// pages (no response headers) rely on. */
export const BUILT_PAGE_POLICY = policyText(POLICY);

function policyText(policy: Record<string, string[]>): string {
  return Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}
