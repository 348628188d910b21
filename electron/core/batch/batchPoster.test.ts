import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pixels, sandboxCode } from '../../testing/printImages';
import { tempFolderFor } from '../../testing/tempFolder';
import { BatchPoster } from './batchPoster';
import type { PlannedRow } from './plan';

// A batch row's poster: the template's slot holds the row's code, with the batch's centre logo on it.

const row: PlannedRow = {
  row: 2,
  key: '',
  name: '上海店',
  cells: ['pages/shop/index?id=1', '上海店'],
  request: { kind: 'qrcode', path: 'pages/shop/index?id=1', width: 430 },
};

async function templateFile(folder: string, output: 'png' | 'pdf'): Promise<string> {
  await sharp({ create: { width: 500, height: 700, channels: 3, background: '#dddddd' } })
    .png()
    .toFile(join(folder, 'bg.png'));
  const file = join(folder, `poster-${output}.json`);
  await writeFile(
    file,
    JSON.stringify({
      version: 1,
      background: 'bg.png',
      page: { width: 500, height: 700, unit: 'px', dpi: 254 },
      code: { x: 5, y: 10, size: 43 },
      texts: [{ text: '{门店名称}', x: 25, y: 55, size: 20 }],
      output,
    }),
  );
  return file;
}

describe('BatchPoster', () => {
  it('names the file after the row’s PNG and the template’s output, and asks for the slot’s width', async (test) => {
    const folder = await tempFolderFor(test, 'batch-poster');
    const poster = await BatchPoster.open(await templateFile(folder, 'pdf'), ['页面路径', '门店名称']);
    expect(poster.fileFor('2-上海店.png')).toBe('2-上海店-poster.pdf');
    // 43 mm at 254 DPI is 430 px.
    expect(poster.requestWidth).toBe(430);
    const pdf = Buffer.from(await poster.file(await sandboxCode(), row));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('puts the batch’s centre logo on the code in the slot', async (test) => {
    const folder = await tempFolderFor(test, 'batch-poster-logo');
    const red = await sharp({ create: { width: 100, height: 100, channels: 3, background: '#e0301e' } })
      .png()
      .toBuffer();
    const file = await templateFile(folder, 'png');
    const plain = await BatchPoster.open(file, ['页面路径', '门店名称']);
    const withLogo = await BatchPoster.open(file, ['页面路径', '门店名称'], { image: red, shape: 'round' });
    const centre = { x: 50 + 215, y: 100 + 215 };
    const [r, g, b] = (await pixels(await withLogo.png(await sandboxCode(), row))).at(centre.x, centre.y);
    expect([r, g, b]).toEqual([0xe0, 0x30, 0x1e]);
    const [pr] = (await pixels(await plain.png(await sandboxCode(), row))).at(centre.x, centre.y);
    expect(pr).not.toBe(0xe0);
  });
});
