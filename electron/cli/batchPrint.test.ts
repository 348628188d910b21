import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { labelSizing } from '../core/print/labelSizing';
import { readDpi } from '../core/print/pngDpi';
import { cliWorlds, runCli } from '../testing/cli';

// Each test starts the CLI as its own process: seconds each on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

const run = promisify(execFile);
const SECRET = { WXACODE_APPSECRET: 'sandbox-secret' };
const setup = cliWorlds('batch-print-cli');
const SHEET = 'scene,门店名称\nid=1,上海店\nid=2,北京店\nid=3,广州店\n';

describe('wxacode batch with print flags', () => {
  it('refuses a label placeholder no column has, a size of 0 and a missing logo: exit 2, nothing sent', async () => {
    const { sandbox, home, creds } = await setup();
    const csv = join(home, 'stores.csv');
    await writeFile(csv, SHEET);
    const out = join(home, 'out');
    const nope = await runCli(['batch', csv, '--out', out, '--label', '{nope}', ...creds], home, SECRET);
    expect(nope.code).toBe(2);
    expect(nope.stderr).toContain('--label');
    expect(nope.stderr).toContain('nope');
    expect(nope.stderr).toContain('门店名称');
    const zero = await runCli(['batch', csv, '--out', out, '--print-size', '0cm', ...creds], home, SECRET);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('--print-size');
    const logo = await runCli(
      ['batch', csv, '--out', out, '--logo', join(home, 'no.png'), ...creds],
      home,
      SECRET,
    );
    expect(logo.code).toBe(2);
    expect(logo.stderr).toContain('no.png');
    const paper = await runCli(
      ['batch', csv, '--out', out, '--sheet', 's.pdf', '--paper', 'A5', ...creds],
      home,
      SECRET,
    );
    expect(paper.code).toBe(2);
    expect(paper.stderr).toContain('A5');
    expect(sandbox.stats()).toMatchObject({ getwxacodeunlimit: 0 });
    expect(await readdir(out).catch(() => [])).toEqual([]);
  });

  it('makes labelled PNGs at the printed size, PDFs and a print sheet, all in results.csv', async () => {
    const { home, creds } = await setup();
    const csv = join(home, 'stores.csv');
    await writeFile(csv, SHEET);
    const out = join(home, 'out');
    const sheet = join(home, 'sheet.pdf');
    const made = await runCli(
      [
        'batch',
        csv,
        '--out',
        out,
        '--label',
        '{门店名称}',
        '--print-size',
        '3cm',
        '--format',
        'pdf',
        '--sheet',
        sheet,
        ...creds,
      ],
      home,
      SECRET,
    );
    expect(made.code).toBe(0);
    expect(made.stdout).toContain(`Print sheet: ${sheet}`);
    // 3 cm at 300 DPI asks WeChat for 355 px; the labelled PNG records the DPI that prints 3 cm.
    const printed = await readFile(join(out, '2-上海店-print.png'));
    expect(readDpi(printed)?.dpi).toBeCloseTo(300, -1);
    // The PDF is the labelled code as shapes: the code 3 cm (85.04 pt) wide, its margins around it.
    const { width: codePx = 0, height: labelledPx = 0 } = await sharp(printed).metadata();
    const { margin } = labelSizing(355, 1);
    const page = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(
      (await run('pdfinfo', [join(out, '2-上海店.pdf')])).stdout,
    )!;
    expect(Number(page[1])).toBeCloseTo((85.04 * codePx) / (codePx - 2 * margin), 1);
    expect(Number(page[2])).toBeCloseTo((85.04 * labelledPx) / (codePx - 2 * margin), 1);
    expect((await run('pdfinfo', [sheet])).stdout).toMatch(/Pages:\s+1\n/);
    const results = await readFile(join(out, 'results.csv'), 'utf8');
    expect(results).toContain('2,done,2-上海店.png,,,2-上海店-print.png,2-上海店.pdf,1');

    // The batch's results.csv is a sheet's source too: its rows made, in row order.
    const again = join(home, 'again.pdf');
    const laid = await runCli(
      ['sheet', '--from', join(out, 'results.csv'), '--size', '3cm', '--out', again],
      home,
    );
    expect(laid.code).toBe(0);
    expect(laid.stdout).toContain('3 codes, each 3.0 cm wide');
    const images = (await run('pdfimages', ['-list', again])).stdout.trim().split('\n').slice(2);
    expect(images).toHaveLength(3);
  });
});
