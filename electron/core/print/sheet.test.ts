import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Failure } from '../../../shared/result';
import { pixels } from '../../testing/printImages';
import { tempFolderFor } from '../../testing/tempFolder';
import { withDpi } from './pngDpi';
import { printSheet } from './sheet';
import { layOutSheet } from './sheetLayout';

const run = promisify(execFile);

/** A solid black 40 mm square at 300 DPI: its edges on the rendered page are easy to find. */
const square = async () =>
  withDpi(
    await sharp({ create: { width: 472, height: 472, channels: 3, background: '#000' } })
      .png()
      .toBuffer(),
    300,
  );

describe('print sheet PDF (read back with poppler)', () => {
  it('lays 30 codes of 4 cm on two A4 pages, each at its true size, with cut marks off the code', async (test) => {
    const folder = await tempFolderFor(test, 'sheet');
    const png = await square();
    const { bytes: pdf } = await printSheet(Array(30).fill({ png, widthMm: 40 }), { paper: 'A4' });
    const file = join(folder, 'sheet.pdf');
    await writeFile(file, pdf);

    const info = (await run('pdfinfo', [file])).stdout;
    expect(info).toMatch(/Pages:\s+2\n/);
    expect(info).toMatch(/Page size:\s+595\.276 x 841\.89 pts \(A4\)/);
    // 4 columns × 6 rows on page 1, the other 6 on page 2; every image at 300 ppi, so 40 mm wide.
    const images = (await run('pdfimages', ['-list', file])).stdout.trim().split('\n').slice(2);
    expect(images).toHaveLength(30);
    expect(images.filter((line) => /^\s*1\s/.test(line))).toHaveLength(24);
    for (const line of images) expect(line).toMatch(/\s472\s+472\s+rgb.*\s300\s+300\s/);

    // Rendered at 254 DPI, one pixel is 0.1 mm. The grid is centred: (210 − 4 × 40 − 3 × 6) / 2 = 16 mm
    // from the left, (297 − 6 × 40 − 5 × 6) / 2 = 13.5 mm from the top.
    await run('pdftoppm', ['-r', '254', '-gray', '-png', '-f', '1', '-l', '1', file, join(folder, 'page')]);
    const page = await pixels(await readFile(join(folder, 'page-1.png')));
    const mm = (n: number) => Math.round(n * 10);
    const darkRun = (y: number) => {
      let x = 0;
      while (page.at(x, y)[0] >= 128) x++;
      const start = x;
      while (page.at(x, y)[0] < 128) x++;
      return [start / 10, x / 10];
    };
    const [left, right] = darkRun(mm(13.5 + 20));
    expect(left).toBeCloseTo(16, 0);
    expect(right! - left!).toBeCloseTo(40, 0);
    // The second code starts one 6 mm gap after the first.
    expect(page.at(mm(16 + 40 + 3), mm(33.5))[0]).toBeGreaterThan(200);
    expect(page.at(mm(16 + 40 + 6 + 1), mm(33.5))[0]).toBeLessThan(128);
    // A cut mark runs from 1 to 4 mm left of the first code's top-left corner, along its top edge.
    expect(page.at(mm(16 - 2.5), mm(13.5))[0]).toBeLessThan(230);
    expect(page.at(mm(16 - 2.5), mm(13.5 + 1))[0]).toBe(255);
  });

  it('gives the same bytes for the same codes', async () => {
    const png = await square();
    const options = { paper: 'Letter' as const, landscape: true };
    const first = Buffer.from((await printSheet([{ png, widthMm: 40 }], options)).bytes);
    expect(first.equals((await printSheet([{ png, widthMm: 40 }], options)).bytes)).toBe(true);
  });

  it('refuses a code larger than the paper leaves room for, naming the fix', () => {
    try {
      layOutSheet(1, { width: 250, height: 250 }, { paper: 'A4' });
      expect.unreachable();
    } catch (caught) {
      const error = (caught as Failure).error;
      expect(error.field).toBe('printSize');
      expect(error.message.en).toContain('250 × 250 mm');
      expect(error.hint.zh).toContain('更大的纸张');
    }
  });

  it('turns the paper for landscape', () => {
    const layout = layOutSheet(1, { width: 40, height: 40 }, { paper: 'A3', landscape: true });
    expect(layout.page.width).toBeGreaterThan(layout.page.height);
    expect([layout.columns, layout.rows]).toEqual([8, 6]);
  });
});
