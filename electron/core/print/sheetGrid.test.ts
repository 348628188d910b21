import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { parseGrid } from '../../../shared/print/sheetGrid';
import type { Failure } from '../../../shared/result';
import { pixels } from '../../testing/printImages';
import { tempFolderFor } from '../../testing/tempFolder';
import { printSheet } from './sheet';

const run = promisify(execFile);

/** A black square with a white label band under it: 472 × 566 px, so the cell is about 1.2 × as tall as wide. */
const labelled = async () =>
  sharp({ create: { width: 472, height: 566, channels: 3, background: '#fff' } })
    .composite([
      { input: { create: { width: 472, height: 472, channels: 3, background: '#000' } }, top: 0, left: 0 },
    ])
    .png()
    .toBuffer();

const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (caught) {
    return (caught as Failure).error;
  }
  throw new Error('expected a Failure');
};

describe('a print sheet as a grid of columns × rows', () => {
  it('makes the codes as large as a 3 × 4 grid on A4 allows, the label band counted in the height', async (test) => {
    const folder = await tempFolderFor(test, 'sheet-grid');
    const png = await labelled();
    const { bytes, layout, scale } = await printSheet(Array(13).fill({ png, widthMm: 10 }), {
      paper: 'A4',
      grid: { columns: 3, rows: 4 },
    });
    const file = join(folder, 'grid.pdf');
    await writeFile(file, bytes);
    expect([layout.columns, layout.rows]).toEqual([3, 4]);
    // Inside 10 mm margins and 6 mm gaps: across (190 − 12) / 3 = 59.3 mm, down (277 − 18) / 4 = 64.75 mm
    // for a cell 1.2 × as tall as wide, so 53.96 mm wide: the height decides.
    const ratio = 566 / 472;
    const widthMm = (277 - 18) / 4 / ratio;
    expect(10 * scale).toBeCloseTo(widthMm, 2);
    expect((await run('pdfinfo', [file])).stdout).toMatch(/Pages:\s+2\n/);

    await run('pdftoppm', ['-r', '254', '-gray', '-png', '-f', '1', '-l', '1', file, join(folder, 'page')]);
    const page = await pixels(await readFile(join(folder, 'page-1.png')));
    const left = (210 - (3 * widthMm + 2 * 6)) / 2;
    // The rows fill the room down exactly: the first code's top is at the 10 mm margin.
    const at = (xMm: number, yMm: number) => page.at(Math.round(xMm * 10), Math.round(yMm * 10))[0];
    expect(at(left + 0.5, 10.5)).toBeLessThan(128);
    expect(at(left - 0.5, 10.5)).toBeGreaterThan(200);
    expect(at(left + widthMm - 0.5, 10.5)).toBeLessThan(128);
    expect(at(left + widthMm + 0.5, 10.5)).toBeGreaterThan(200);
    expect(at(left + 0.5, 9.5)).toBeGreaterThan(200);
    // The bottom row's code ends one label band above the bottom margin.
    expect(at(left + 0.5, 297 - 10 - widthMm * (ratio - 1) - 0.5)).toBeLessThan(128);
    expect(at(left + 0.5, 297 - 10 - widthMm * (ratio - 1) + 0.5)).toBeGreaterThan(200);
  });

  it('reads 3x4, 3×4 and 3*4, and refuses grids out of 1..20 naming the field and the fix', () => {
    expect(parseGrid('3x4')).toEqual({ columns: 3, rows: 4 });
    expect(parseGrid(' 3 × 4 ')).toEqual({ columns: 3, rows: 4 });
    expect(parseGrid('20*1')).toEqual({ columns: 20, rows: 1 });
    for (const bad of ['0x4', '3x21', '3', 'axb', '3x4x5']) {
      const error = failure(() => parseGrid(bad));
      expect(error.field).toBe('grid');
      expect(error.message.en).toContain(`“${bad}”`);
      expect(error.hint.en).toContain('e.g. 3x4');
      expect(error.hint.zh).toContain('3x4');
    }
  });

  it('refuses a grid whose codes would be smaller than a phone reads', async () => {
    const png = await labelled();
    const error = await printSheet([{ png, widthMm: 10 }], {
      paper: 'A4',
      grid: { columns: 20, rows: 20 },
    }).then(
      () => undefined,
      (caught: Failure) => caught.error,
    );
    expect(error?.field).toBe('grid');
    expect(error?.message.en).toMatch(/A 20 × 20 grid on A4 leaves 0\.\d cm per code, below the 1 cm/);
    expect(error?.hint.zh).toContain('减少列数或行数');
  });
});
