// Test support: how a vector file is checked against the image it was traced from, for the unit
// tests and bench/trace.ts alike (so this file imports no test framework). The files are rasterised
// by programs independent of the tracer: rsvg-convert (librsvg) for SVG, pdftoppm (poppler) for PDF.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Rgb } from '../../shared/codeRequest';
import { type InkMask, inkOf } from '../core/print/trace';

export interface Raster {
  width: number;
  height: number;
  /** RGBA, row by row. */
  rgba: Uint8Array;
}

export async function rasterOf(image: Uint8Array): Promise<Raster> {
  const { data, info } = await sharp(image).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, rgba: new Uint8Array(data) };
}

function inScratch<T>(name: string, bytes: Uint8Array | string, run: (input: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'wxacode-vector-'));
  try {
    const input = join(dir, name);
    writeFileSync(input, bytes);
    return run(input, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The SVG drawn by librsvg at `width` × `height` pixels, as PNG bytes. */
export function renderSvg(svg: string, width: number, height: number): Buffer {
  return inScratch('code.svg', svg, (input) =>
    execFileSync('rsvg-convert', ['-w', String(width), '-h', String(height), input], { maxBuffer: 1 << 28 }),
  );
}

/** The PDF's first page drawn by poppler `width` pixels wide (and `height` high, else in proportion), as PNG bytes. */
export function renderPdf(pdf: Uint8Array, width: number, height = -1): Buffer {
  return inScratch('code.pdf', pdf, (input, dir) => {
    execFileSync('pdftoppm', [
      '-png',
      '-singlefile',
      '-scale-to-x',
      String(width),
      '-scale-to-y',
      String(height),
      input,
      join(dir, 'page'),
    ]);
    return readFileSync(join(dir, 'page.png'));
  });
}

/** pdfinfo's page size in points, e.g. "Page size: 283.465 x 283.465 pts". */
export function pdfPageInfo(pdf: Uint8Array): { pages: number; widthPt: number; heightPt: number } {
  const text = inScratch('code.pdf', pdf, (input) => execFileSync('pdfinfo', [input], { encoding: 'utf8' }));
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(text);
  const pages = /Pages:\s+(\d+)/.exec(text);
  if (!size || !pages) throw new Error(`pdfinfo said: ${text}`);
  return { pages: Number(pages[1]), widthPt: Number(size[1]), heightPt: Number(size[2]) };
}

/** The ink of a raster, judged as the tracer judges it. */
export const inkOfRaster = (raster: Raster, color: Rgb, transparent: boolean): InkMask =>
  inkOf(raster.rgba, raster.width, raster.height, { color, transparent });

/** Intersection over union of two inks of the same size: 1 when they cover the same pixels. */
export function iou(a: InkMask, b: InkMask): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error('masks of different sizes');
  let both = 0;
  let either = 0;
  for (let i = 0; i < a.ink.length; i++) {
    both += a.ink[i]! & b.ink[i]!;
    either += a.ink[i]! | b.ink[i]!;
  }
  return either === 0 ? 1 : both / either;
}

/**
 * A stand-in for a real 小程序码 at `width` px, which the sandbox does not draw: radial bars with
 * round ends on rings around a round centre, three ringed eyes, all in `color` on white. Seeded, so
 * the same every run. Its curves are what smoothing is for; the sandbox's QR pattern has none.
 */
export async function roundCodePng(width: number, color: Rgb = { r: 0, g: 0, b: 0 }): Promise<Buffer> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const canvas = createCanvas(width, width);
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, width, width);
  const ink = `rgb(${color.r}, ${color.g}, ${color.b})`;
  g.fillStyle = ink;
  g.strokeStyle = ink;
  const s = width / 430;
  const c = width / 2;
  let seed = 17;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  g.lineCap = 'round';
  g.lineWidth = 7 * s;
  for (let ring = 0; ring < 7; ring++) {
    const radius = (105 + ring * 14) * s;
    const bars = Math.round((2 * Math.PI * radius) / (11 * s));
    for (let i = 0; i < bars; i++) {
      if (random() < 0.35) continue;
      const angle = (i / bars) * 2 * Math.PI;
      const length = random() < 0.6 ? 0 : 6 * s;
      g.beginPath();
      g.moveTo(c + Math.cos(angle) * radius, c + Math.sin(angle) * radius);
      g.lineTo(c + Math.cos(angle) * (radius + length), c + Math.sin(angle) * (radius + length));
      g.stroke();
    }
  }
  // The centre, where the mini program's avatar goes, and the three eyes.
  g.beginPath();
  g.arc(c, c, 90 * s, 0, 2 * Math.PI);
  g.fill();
  for (const [ex, ey] of [
    [-1, -1],
    [1, -1],
    [-1, 1],
  ] as const) {
    const x = c + ex * 140 * s;
    const y = c + ey * 140 * s;
    g.lineWidth = 9 * s;
    g.beginPath();
    g.arc(x, y, 30 * s, 0, 2 * Math.PI);
    g.stroke();
    g.beginPath();
    g.arc(x, y, 14 * s, 0, 2 * Math.PI);
    g.fill();
  }
  return canvas.encode('png');
}
