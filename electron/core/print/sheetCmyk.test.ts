import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDocument,
  PDFName,
  type PDFNumber,
  type PDFRawStream,
  type PDFRef,
} from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pixels, sandboxCode } from '../../testing/printImages';
import { tempFolderFor } from '../../testing/tempFolder';
import { printSheet } from './sheet';
import { rgbToCmyk } from './sheetInk';

const run = promisify(execFile);

describe('a print sheet with black as 100 % K (CMYK)', () => {
  it('turns RGB into CMYK with full grey-component replacement', () => {
    const rgb = Uint8Array.from([0, 0, 0, 255, 255, 255, 128, 128, 128, 255, 0, 0, 0, 0, 128]);
    expect([...rgbToCmyk(rgb)]).toEqual([
      0, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0, 127, 0, 255, 255, 0, 255, 255, 0, 127,
    ]);
  });

  it('embeds the codes as DeviceCMYK with black as 0/0/0/100 and draws cut marks in K only', async (test) => {
    const folder = await tempFolderFor(test, 'sheet-cmyk');
    const png = await sandboxCode('pages/index/index?store=cmyk', 472);
    const { bytes, layout } = await printSheet([{ png, widthMm: 40 }], { paper: 'A4', cmyk: true });
    const file = join(folder, 'cmyk.pdf');
    await writeFile(file, bytes);

    const images = (await run('pdfimages', ['-list', file])).stdout.trim().split('\n').slice(2);
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/\s472\s+472\s+cmyk\s+4\s+8\s/);

    // The image's own bytes: the code's top-left finder corner is black, so exactly C0 M0 Y0 K255.
    const doc = await PDFDocument.load(bytes);
    const xobjects = doc.getPage(0).node.Resources()!.lookup(PDFName.of('XObject'));
    const ref = (xobjects as unknown as { get(n: PDFName): PDFRef }).get(PDFName.of('Im0'));
    const stream = doc.context.lookup(ref) as PDFRawStream;
    const width = (stream.dict.get(PDFName.of('Width')) as PDFNumber).asNumber();
    const data = inflateSync(stream.contents);
    const source = await pixels(png);
    let x = 0;
    while (source.at(x, x)[0] > 128) x++;
    const o = (x * width + x) * 4;
    expect([...data.subarray(o, o + 4)]).toEqual([0, 0, 0, 255]);
    expect([...data.subarray(0, 4)]).toEqual([0, 0, 0, 0]);

    // Cut marks stroke in K alone, never the rich black `0 G` would make on CMYK plates.
    const contents = doc.getPage(0).node.Contents();
    const streams =
      contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
    const ops = streams
      .map((s: unknown) => Buffer.from(decodePDFRawStream(s as PDFRawStream).decode()).toString('latin1'))
      .join('\n');
    expect(ops).toContain('0 0 0 1 K');
    expect(ops).not.toMatch(/\b0 G\b/);

    // Rendered, every pixel that is black in the code (with black all round it, away from the
    // JPEG's grey edges) is black on the page. Poppler shows K100 as about 35/31/32, as Acrobat does.
    // No anti-aliasing: each page pixel is ink or paper.
    await run('pdftoppm', ['-r', '254', '-aa', 'no', '-aaVector', 'no', '-png', file, join(folder, 'page')]);
    const page = await pixels(await readFile(join(folder, 'page-1.png')));
    const cell = layout.cells[0]!;
    const toPage = (pt: number, sourcePx: number) => Math.round((pt * 254) / 72 + (sourcePx * 400) / 472);
    const solid = (sx: number, sy: number, test: (v: number) => boolean) =>
      [-2, 0, 2].every((dx) => [-2, 0, 2].every((dy) => test(source.at(sx + dx, sy + dy)[0])));
    let black = 0;
    let white = 0;
    for (let sy = 4; sy < 468; sy += 4) {
      for (let sx = 4; sx < 468; sx += 4) {
        const [r, g, b] = page.at(toPage(cell.x, sx), toPage(cell.y, sy));
        if (solid(sx, sy, (v) => v < 8)) {
          black++;
          expect(Math.max(r, g, b)).toBeLessThan(64);
        } else if (solid(sx, sy, (v) => v > 247)) {
          white++;
          expect(Math.min(r, g, b)).toBeGreaterThan(240);
        }
      }
    }
    expect(black).toBeGreaterThan(1000);
    expect(white).toBeGreaterThan(1000);
  });
});
