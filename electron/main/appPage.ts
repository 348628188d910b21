/**
 * The built page is served by main on a scheme of the app's own (app://wxacode/), not from file://:
 * a file:// page shares its origin with every file on the disk, and the grantFileProtocolExtraPrivileges
 * fuse is off, so file:// gets nothing beyond what a browser gives it.
 */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://wxacode`;

/** The sender of an IPC message as main sees it (Electron's WebFrameMain). */
export interface SenderFrame {
  url: string;
  /** The frame's origin by Chromium's reckoning; "null" for opaque ones (data:, sandboxed frames). */
  origin: string;
  parent: unknown;
}

export interface AppPage {
  /** What the window loads. */
  url: string;
  /** Sent with every response of the page: by main's app:// handler, and as a header on the dev server's. */
  contentSecurityPolicy: string;
  /** Whether an IPC message comes from the app's own page, in the window's top frame. */
  isOwnFrame(frame: SenderFrame | null): boolean;
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
 * The page the window shows: the built index.html on app://, or in development (never in a packaged
 * app) the Vite dev server, whose hot reload needs an inline preamble script and its websocket.
 */
export function appPage(options: { devServerUrl?: string } = {}): AppPage {
  const dev = options.devServerUrl ? new URL(options.devServerUrl) : undefined;
  const url = dev ? dev.href : `${APP_ORIGIN}/index.html`;
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
  const origin = dev ? dev.origin : APP_ORIGIN;

  return {
    url,
    contentSecurityPolicy: policyText(policy),
    isOwnFrame(frame) {
      if (!frame || frame.parent !== null || frame.origin !== origin) return false;
      // The URL too: Chromium gives a frame its opener's origin while its URL is still empty or about:blank.
      return URL.canParse(frame.url) && urlOrigin(new URL(frame.url)) === origin;
    },
  };
}

/**
 * A URL's origin as Chromium serialises it. The WHATWG URL parser gives "null" for schemes it does
 * not know as special, app: among them; Chromium knows app: as standard (registerSchemesAsPrivileged).
 */
export function urlOrigin(url: URL): string {
  return url.protocol === `${APP_SCHEME}:` ? `${url.protocol}//${url.host}` : url.origin;
}

/** The built page's policy, also in a <meta> of index.html: the browser suite serves the page as plain files. */
export const BUILT_PAGE_POLICY = policyText(POLICY);

function policyText(policy: Record<string, string[]>): string {
  return Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}
