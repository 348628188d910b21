import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pixels, sandboxCode, TEST_FONT } from '../../testing/printImages';
import { tempFolderFor } from '../../testing/tempFolder';
import type { PlannedRow } from '../batch/plan';
import { readDpi } from './pngDpi';
import { posterPdf, renderPoster } from './poster';
import { checkPosterPlaceholders } from './posterTemplate';
import { loadPosterTemplate } from './posterTemplateFile';

const run = promisify(execFile);
const PATH = 'pages/menu/index?table=A12';
const BACKGROUND = [221, 221, 221];

const row: PlannedRow = {
  row: 7,
  key: '',
  name: '',
  cells: ['A12'],
  request: { kind: 'qrcode', path: PATH, width: 430 },
};

/** 100 × 150 mm at 100 DPI (394 × 591 px), grey, the code in a 60 mm slot and one line under it. */
async function template(folder: string) {
  await mkdir(folder, { recursive: true });
  await sharp({ create: { width: 200, height: 300, channels: 3, background: '#dddddd' } })
    .png()
    .toFile(join(folder, 'bg.png'));
  const file = join(folder, 'poster.json');
  await writeFile(
    file,
    JSON.stringify({
      version: 1,
      background: 'bg.png',
      page: { width: 100, height: 150, unit: 'mm', dpi: 100 },
      code: { x: 20, y: 40, size: 60 },
      texts: [{ text: '桌号 {table}', x: 50, y: 110, size: 20, weight: 'bold' }],
    }),
  );
  const loaded = await loadPosterTemplate(file);
  checkPosterPlaceholders(loaded, ['table']);
  return loaded;
}

async function decodeIn(png: Buffer, box: { x: number; y: number; width: number; height: number }) {
  const { data, info } = await sharp(png)
    .extract({ left: box.x, top: box.y, width: box.width, height: box.height })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
}

describe('poster', () => {
  it('puts the code in its slot, the row’s text where the layout says and the background elsewhere', async (test) => {
    const poster = await template(await tempFolderFor(test, 'poster'));
    const png = await renderPoster(
      poster,
      await sandboxCode(PATH, 430),
      { row, headers: ['table'] },
      TEST_FONT,
    );
    const image = await pixels(png);
    expect([image.width, image.height]).toEqual([394, 591]);
    expect(readDpi(png)?.dpi).toBeCloseTo(100, 1);

    // The code decodes from its slot alone: 60 mm at 100 DPI is 236 px from (79, 157).
    expect(poster.code).toEqual({ x: 79, y: 157, width: 236, height: 236 });
    expect(await decodeIn(png, poster.code)).toBe(PATH);

    // The text band (y 110 mm = 433 px, 20 pt = 28 px, line 42 px) holds dark pixels of 桌号 A12.
    const band = poster.texts[0]!.band;
    expect(band.y).toBe(433);
    expect(image.darkIn(band.x, band.y, band.width, band.height)).toBeGreaterThan(300);
    // Above the slot, between slot and text, and below the text: background only.
    const clear = [
      [0, 0, 394, 150],
      [0, 400, 394, 30],
      [0, band.y + band.height + 2, 394, 591 - band.y - band.height - 2],
      [0, 157, 75, 236],
    ] as const;
    for (const [x, y, w, h] of clear) expect(image.darkIn(x, y, w, h), `${x},${y} ${w}×${h}`).toBe(0);
    expect(image.at(10, 10)).toEqual([...BACKGROUND, 255]);
    expect(image.at(380, 580)).toEqual([...BACKGROUND, 255]);

    // The same template, code and row give the same bytes.
    const again = await renderPoster(
      poster,
      await sandboxCode(PATH, 430),
      { row, headers: ['table'] },
      TEST_FONT,
    );
    expect(again.equals(png)).toBe(true);
  });

  it('writes a PDF page of the template’s physical size, the same for the same poster', async (test) => {
    const folder = await tempFolderFor(test, 'poster-pdf');
    const poster = await template(folder);
    const png = await renderPoster(
      poster,
      await sandboxCode(PATH, 430),
      { row, headers: ['table'] },
      TEST_FONT,
    );
    const pdf = await posterPdf(poster, png);
    const file = join(folder, 'poster.pdf');
    await writeFile(file, pdf);
    const info = (await run('pdfinfo', [file])).stdout;
    expect(info).toMatch(/Pages:\s+1\n/);
    // 100 × 150 mm = 283.465 × 425.197 pt.
    expect(info).toMatch(/Page size:\s+283\.46\d? x 425\.19\d? pts/);
    const images = (await run('pdfimages', ['-list', file])).stdout.trim().split('\n').slice(2);
    expect(images).toHaveLength(1);
    // 394 px over 100 mm: 100 DPI.
    expect(images[0]).toMatch(/\s394\s+591\s+rgb.*\s100\s+100\s/);
    expect(Buffer.from(await posterPdf(poster, png)).equals(Buffer.from(pdf))).toBe(true);
  });
});
