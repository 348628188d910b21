import type { Drawing } from './image';
import type { Rgb } from './twoToneJpeg';

export type CodeEndpoint = 'getwxacode' | 'getwxacodeunlimit' | 'createwxaqrcode';

/** What a valid body draws, or the errcode WeChat answers an invalid one with. */
export type Verdict = { ok: true; drawing: Drawing } | { ok: false; errcode: number };

type Body = Record<string, unknown>;

const LIMITED_PATH_MAX = 1024;
// createwxaqrcode counts its path in bytes, getwxacode in characters.
const SQUARE_PATH_MAX_BYTES = 128;
const SCENE_MAX = 32;
const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]*$/;
const HOME_PAGE = 'pages/index/index';
const ENV_VERSIONS = new Set(['release', 'trial', 'develop']);
const BLACK: Rgb = { r: 0, g: 0, b: 0 };
// What WeChat's auto_color picked for a typical app: its brand green.
const AUTO_COLOUR: Rgb = { r: 7, g: 193, b: 96 };

const refuse = (errcode: number): Verdict => ({ ok: false, errcode });

function parseBody(raw: Buffer): Body | undefined {
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Body) : undefined;
  } catch {
    return undefined;
  }
}

/** WeChat raises widths below 280 and lowers those above 1280 without complaint. */
function widthOf(value: unknown): number | undefined {
  if (value === undefined) return 430;
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return Math.min(1280, Math.max(280, Math.round(value)));
}

function flagOf(value: unknown, fallback: boolean): boolean | undefined {
  if (value === undefined) return fallback;
  return typeof value === 'boolean' ? value : undefined;
}

/** WeChat's docs show channels as decimal strings ("r":"xxx"); numbers work too. */
function channelOf(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d{1,3}$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 255 ? n : undefined;
}

function lineColourOf(value: unknown): Rgb | undefined {
  if (value === undefined) return BLACK;
  if (typeof value !== 'object' || value === null) return undefined;
  const { r, g, b } = value as Body;
  const colour = { r: channelOf(r), g: channelOf(g), b: channelOf(b) };
  return colour.r === undefined || colour.g === undefined || colour.b === undefined
    ? undefined
    : (colour as Rgb);
}

/** Width, colours and env_version of the two round kinds; 40097 for anything malformed. */
function roundStyle(body: Body, text: string): Verdict {
  const width = widthOf(body.width);
  const autoColour = flagOf(body.auto_color, false);
  const lineColour = lineColourOf(body.line_color);
  const transparent = flagOf(body.is_hyaline, false);
  const env = body.env_version;
  if (
    width === undefined ||
    autoColour === undefined ||
    lineColour === undefined ||
    transparent === undefined ||
    (env !== undefined && !ENV_VERSIONS.has(env as string))
  ) {
    return refuse(40097);
  }
  return { ok: true, drawing: { text, width, colour: autoColour ? AUTO_COLOUR : lineColour, transparent } };
}

// WeChat reserves scancode_time; it refuses any path or page that mentions it.
const mentionsScancodeTime = (s: string): boolean => s.includes('scancode_time');

function limited(body: Body): Verdict {
  const { path } = body;
  if (typeof path !== 'string' || path.length === 0 || path.length > LIMITED_PATH_MAX) return refuse(40159);
  if (mentionsScancodeTime(path)) return refuse(85096);
  return roundStyle(body, path);
}

function square(body: Body): Verdict {
  const { path } = body;
  if (typeof path !== 'string' || path.length === 0 || Buffer.byteLength(path) > SQUARE_PATH_MAX_BYTES) {
    return refuse(40159);
  }
  if (mentionsScancodeTime(path)) return refuse(85096);
  const width = widthOf(body.width);
  if (width === undefined) return refuse(40097);
  // createQRCode takes no styling: always black on white.
  return { ok: true, drawing: { text: path, width, colour: BLACK, transparent: false } };
}

function unlimited(body: Body, publishedPages: ReadonlySet<string>): Verdict {
  const { scene } = body;
  const page = body.page ?? '';
  if (typeof scene !== 'string' || scene.length === 0 || scene.length > SCENE_MAX) return refuse(40169);
  if (!SCENE_CHARS.test(scene)) return refuse(40129);
  if (typeof page !== 'string') return refuse(40097);
  if (mentionsScancodeTime(page)) return refuse(85096);
  // The page is a bare page path: no leading slash, no query (the scene carries the parameters).
  if (page.startsWith('/') || page.includes('?')) return refuse(40097);
  const checkPath = flagOf(body.check_path, true);
  if (checkPath === undefined) return refuse(40097);
  const style = roundStyle(body, `${page || HOME_PAGE}?scene=${scene}`);
  if (!style.ok) return style;
  if (checkPath && page !== '' && !publishedPages.has(page)) return refuse(41030);
  return style;
}

export function judgeCodeBody(
  endpoint: CodeEndpoint,
  raw: Buffer,
  publishedPages: ReadonlySet<string>,
): Verdict {
  const body = parseBody(raw);
  if (body === undefined) return refuse(40159);
  switch (endpoint) {
    case 'getwxacode':
      return limited(body);
    case 'createwxaqrcode':
      return square(body);
    case 'getwxacodeunlimit':
      return unlimited(body, publishedPages);
  }
}
