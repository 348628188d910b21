import sharp, { type Sharp } from 'sharp';
import { logoSvgUnsafe } from '../../../shared/errors/print';
import { Failure } from '../../../shared/result';

// A logo given as SVG. An SVG is a document anyone can write, not just pixels: it can declare
// entities that expand without bound or name local files, carry scripts and HTML, and link to other
// files or addresses. A logo needs none of that, so such files are refused before anything parses
// them; what is left is shapes (and images embedded as data), rendered by sharp's librsvg at the
// size the code needs, never scaled up from a small rendering.

/** Far above a hand-made or exported brand mark (a few to a few hundred kB), far below a DoS. */
export const MAX_LOGO_SVG_BYTES = 1024 * 1024;
/** The largest side an SVG logo is rendered at: a 1 m sign's logo at 300 DPI is under 6000 px. */
const MAX_RENDER_SIDE = 6000;

/** Whether the bytes look like an SVG document (text naming an <svg> element near the start). */
export function isSvg(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 4096).toString('utf8');
  return /^\uFEFF?\s*</.test(head) && /<svg[\s>]/i.test(head);
}

const REFUSALS: readonly { pattern: RegExp; en: string; zh: string }[] = [
  {
    pattern: /<!DOCTYPE|<!ENTITY/i,
    en: 'it declares a DOCTYPE or entities.',
    zh: '它声明了 DOCTYPE 或实体。',
  },
  { pattern: /<script/i, en: 'it contains a script.', zh: '它包含脚本。' },
  {
    pattern: /<foreignObject/i,
    en: 'it embeds HTML (foreignObject).',
    zh: '它内嵌了 HTML（foreignObject）。',
  },
  { pattern: /@import/i, en: 'its style imports another file.', zh: '它的样式引用了其他文件。' },
];

/** An href that leaves the file: anything but a fragment (#id) or an image embedded as data. */
const externalHref = (value: string) => !/^\s*(#|data:image\/)/i.test(value);

/** The first reference to something outside the file, or undefined. */
function externalReference(text: string): string | undefined {
  for (const [, , value = ''] of text.matchAll(/\bhref\s*=\s*(["'])([\s\S]*?)\1/gi)) {
    if (externalHref(value)) return value;
  }
  for (const [, value = ''] of text.matchAll(/url\(\s*["']?([^"')]*)/gi)) {
    if (externalHref(value)) return value;
  }
  return undefined;
}

/** Refuses an SVG that is too large or holds anything but an image; returns it unchanged otherwise. */
export function checkSvgLogo(bytes: Buffer, name: string): Buffer {
  const refuse = (en: string, zh: string) => new Failure(logoSvgUnsafe(name, { en, zh }));
  if (bytes.length > MAX_LOGO_SVG_BYTES) throw refuse('it is larger than 1 MB.', '文件大于 1 MB。');
  const text = bytes.toString('utf8');
  for (const { pattern, en, zh } of REFUSALS) if (pattern.test(text)) throw refuse(en, zh);
  const link = externalReference(text);
  if (link !== undefined) {
    const shown = link.length > 60 ? `${link.slice(0, 60)}…` : link;
    throw refuse(`it links to “${shown}” outside the file.`, `它链接到文件之外的“${shown}”。`);
  }
  return bytes;
}

/**
 * The SVG rendered so its shorter side is at least `size` pixels (a logo is cropped to cover, or
 * contained, at that size next): the density is raised from the SVG's own size rather than its
 * small default rendering being enlarged, so edges stay crisp.
 */
export async function renderSvgLogo(svg: Buffer, size: number): Promise<Sharp> {
  const { width = 0, height = 0 } = await sharp(svg).metadata();
  if (!(width > 0 && height > 0)) throw new Error('the SVG has no size');
  const wanted = (72 * size) / Math.min(width, height);
  const ceiling = (72 * MAX_RENDER_SIDE) / Math.max(width, height);
  return sharp(svg, { density: Math.max(1, Math.min(wanted, ceiling, 100_000)) });
}
