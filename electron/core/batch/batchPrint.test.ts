import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import type { BatchPrint } from '../../../shared/batchPrint';
import type { Failure } from '../../../shared/result';
import { type RunningSandbox, startSandbox } from '../../sandbox';
import { sandboxClient } from '../../testing/sandboxClient';
import { tempFolderFor } from '../../testing/tempFolder';
import { renderSvg } from '../../testing/vectorCheck';
import { readDpi } from '../print/pngDpi';
import { Library } from '../storage/library';
import { BatchJob } from './batchJob';
import { checkBatchPrint } from './batchPrint';
import { guessMapping } from './mapping';
import { planBatch } from './plan';

const run = promisify(execFile);
const OWNER = 'wx0123456789abcdef';
const HEADERS = ['场景值', '门店名称'];
const ROWS = [
  ['id=1', '上海店'],
  ['id=2', '北京店'],
  ['id=3', '广州店'],
];
const PRINT: BatchPrint = {
  labels: ['{门店名称}'],
  dpi: 300,
  format: 'svg',
  sheet: { paper: 'A4', size: '4cm' },
};

let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function setup(print: BatchPrint = PRINT) {
  sandbox = await startSandbox();
  const dir = await tempFolderFor({ onTestFinished }, 'batch-print');
  const library = await Library.open(join(dir, 'library'));
  const client = sandboxClient(sandbox, OWNER);
  const out = join(dir, 'out');
  const plan = planBatch({
    sheet: {
      file: join(dir, 'stores.csv'),
      format: 'csv',
      headers: HEADERS,
      rows: ROWS.map((cells, i) => ({ number: i + 2, cells })),
      contentHash: 'sheet',
    },
    mapping: guessMapping(HEADERS),
    kind: 'unlimited',
    style: { width: '280' },
    owner: OWNER,
    library,
  });
  const job = (extra: { resume?: boolean; ratePerMinute?: number } = {}) =>
    new BatchJob({
      plan,
      account: { accountId: 'shop', appId: OWNER, client },
      library,
      dataDir: dir,
      output: { dir: out, print },
      ratePerMinute: extra.ratePerMinute ?? 0,
      ...(extra.resume ? { resume: true } : {}),
    });
  return { dir, out, job };
}

/** Dark pixels (all channels below 128, opaque) in rows [top, bottom) of a PNG. */
async function darkPixels(png: Buffer, top: number, bottom: number): Promise<number> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  let dark = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * 4;
      if (data[i]! < 128 && data[i + 1]! < 128 && data[i + 2]! < 128 && data[i + 3]! > 128) dark++;
    }
  }
  return dark;
}

describe('a batch with print options', () => {
  it('makes labelled 300 DPI PNGs, vector files and a sheet at true size, and lists them all in results.csv', async () => {
    const s = await setup();
    const summary = await s.job().run();
    expect(summary.progress.done).toBe(3);
    const files = (await readdir(s.out)).sort();
    for (const stem of ['2-上海店', '3-北京店', '4-广州店']) {
      expect(files).toContain(`${stem}.png`);
      expect(files).toContain(`${stem}-print.png`);
      expect(files).toContain(`${stem}.svg`);
    }
    expect(files).toContain('sheet.pdf');
    expect(summary.sheetFile).toBe(join(s.out, 'sheet.pdf'));

    // The labelled PNG: the 280 px code, a margin of 14 px round it, its label in the band below.
    const printed = await readFile(join(s.out, '3-北京店-print.png'));
    expect(readDpi(printed)?.dpi).toBeCloseTo(300, 0);
    const { width, height } = await sharp(printed).metadata();
    expect(width).toBe(280 + 2 * 14);
    const codeBottom = 14 + 280;
    expect(height).toBeGreaterThan(codeBottom + 20);
    expect(await darkPixels(printed, codeBottom + 2, height!)).toBeGreaterThan(50);
    expect(await darkPixels(printed, 0, 12)).toBe(0);
    // The code's own PNG is WeChat's, unlabelled.
    expect((await sharp(await readFile(join(s.out, '3-北京店.png'))).metadata()).height).toBe(280);
    // The SVG is the labelled code as shapes: the 280 px code 23.71 mm wide (300 DPI), its margins
    // and label around it, the label's ink in the same band as the PNG's.
    const svg = await readFile(join(s.out, '3-北京店.svg'), 'utf8');
    expect(svg).toMatch(/<svg[^>]+width="26\.08mm"/);
    const drawn = renderSvg(svg, width!, height!);
    expect(await darkPixels(drawn, codeBottom + 2, height!)).toBeGreaterThan(50);
    expect(await darkPixels(drawn, 0, 12)).toBe(0);

    // One A4 page of three images, each code 280 px over 40 mm: 177.8 ppi.
    const sheet = join(s.out, 'sheet.pdf');
    expect((await run('pdfinfo', [sheet])).stdout).toMatch(/Pages:\s+1\n/);
    const images = (await run('pdfimages', ['-list', sheet])).stdout.trim().split('\n').slice(2);
    expect(images).toHaveLength(3);
    for (const line of images) expect(line).toMatch(/\s308\s+\d+\s+rgb.*\s178\s+178\s/);
    // Rendered at 254 DPI (0.1 mm a pixel), the first code's dark modules span less than its 40 mm.
    await run('pdftoppm', ['-r', '254', '-gray', '-png', '-f', '1', '-l', '1', sheet, join(s.dir, 'page')]);
    const page = await sharp(join(s.dir, 'page-1.png')).raw().toBuffer({ resolveWithObject: true });
    expect(page.info.width).toBeCloseTo(2100, -1);
    expect(page.info.height).toBeCloseTo(2970, -1);

    const csv = await readFile(join(s.out, 'results.csv'), 'utf8');
    expect(csv).toContain('row,status,file,errcode,message,print_file,vector_file,sheet_page');
    expect(csv).toContain('3,done,3-北京店.png,,,3-北京店-print.png,3-北京店.svg,1');
    expect(csv.trim().split('\r\n')).toHaveLength(4);
  });

  it('keeps its options when continued: the rows left get the same printed files', async () => {
    const s = await setup();
    // One call a second: the first row is made, and the batch stopped, before the next call goes out.
    const first = s.job({ ratePerMinute: 60 });
    first.once('row', () => first.cancel());
    const stopped = await first.run();
    expect(stopped.progress.done).toBe(1);
    // Another run with the same options is the same batch, and picks up the rows left.
    const second = s.job({ resume: true });
    expect(second.id).toBe(first.id);
    const summary = await second.run();
    expect(summary.progress.done).toBe(3);
    const done = [...summary.outcomes].map((o) => [o.file, o.printFile, o.vectorFile, o.sheetPage]);
    expect(done).toEqual([
      ['2-上海店.png', '2-上海店-print.png', '2-上海店.svg', 1],
      ['3-北京店.png', '3-北京店-print.png', '3-北京店.svg', 1],
      ['4-广州店.png', '4-广州店-print.png', '4-广州店.svg', 1],
    ]);
    expect((await readdir(s.out)).filter((f) => f.endsWith('-print.png'))).toHaveLength(3);
  });

  it('lays its sheet out as a 2 × 1 grid in CMYK when asked, and records the page each row landed on', async () => {
    const s = await setup({
      labels: ['{门店名称}'],
      sheet: { paper: 'A4', grid: { columns: 2, rows: 1 }, cmyk: true },
    });
    const summary = await s.job().run();
    expect([...summary.outcomes].map((o) => o.sheetPage)).toEqual([1, 1, 2]);
    const sheet = join(s.out, 'sheet.pdf');
    expect((await run('pdfinfo', [sheet])).stdout).toMatch(/Pages:\s+2\n/);
    const images = (await run('pdfimages', ['-list', sheet])).stdout.trim().split('\n').slice(2);
    expect(images).toHaveLength(3);
    // Two across A4 inside 10 mm margins and a 6 mm gap: each image 92 mm wide, far below 300 ppi.
    for (const line of images) expect(line).toMatch(/\s308\s+\d+\s+cmyk\s+4\s+8.*\s85\s+85\s/);
  });

  it('refuses a sheet given both a code size and a grid, naming the fix', () => {
    try {
      checkBatchPrint({ sheet: { size: '4cm', grid: { columns: 3, rows: 4 } } }, HEADERS);
      expect.unreachable();
    } catch (caught) {
      const error = (caught as Failure).error;
      expect(error.message.en).toBe('Both a code size and a grid were given.');
      expect(error.hint.zh).toContain('3x4');
    }
  });

  it('refuses a label placeholder no column has, listing the columns, in both languages', () => {
    try {
      checkBatchPrint({ labels: ['桌号 {nope}'] }, HEADERS);
      expect.unreachable();
    } catch (caught) {
      const error = (caught as Failure).error;
      expect(error.message.en).toContain('nope');
      expect(error.hint.en).toContain('门店名称');
      expect(error.hint.zh).toContain('门店名称');
    }
  });
});
