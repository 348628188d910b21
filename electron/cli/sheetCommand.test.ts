import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { runCli } from '../testing/cli';
import { sandboxCode } from '../testing/printImages';
import { tempFolderFor } from '../testing/tempFolder';

const tool = promisify(execFile);

// Each test starts the CLI as its own process: seconds each on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

async function codesFolder(home: string, count: number): Promise<string> {
  const folder = join(home, 'codes');
  await mkdir(folder, { recursive: true });
  for (let i = 1; i <= count; i++) {
    await writeFile(join(folder, `table-${i}.png`), await sandboxCode(`pages/index/index?table=${i}`, 473));
  }
  await writeFile(join(folder, 'results.csv'), 'row,file\n');
  return folder;
}

describe('wxacode sheet', () => {
  it('lays a folder of codes on A4 at 4 cm each, labelled with their names', async (test) => {
    const home = await tempFolderFor(test, 'sheet-cli');
    const from = await codesFolder(home, 3);
    const out = join(home, 'sheet.pdf');
    const run = await runCli(
      ['sheet', '--from', from, '--size', '4cm', '--label', '{name}', '--out', out],
      home,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Saved ${out}: 3 codes, each 4.0 cm wide, on A4 paper.`);
    expect((await tool('pdfinfo', [out])).stdout).toMatch(/Pages:\s+1\n/);
    const images = (await tool('pdfimages', ['-list', out])).stdout.trim().split('\n').slice(2);
    expect(images).toHaveLength(3);
    // 473 px of code over 4 cm is 300 ppi; the label band makes each image taller than wide.
    for (const line of images) expect(line).toMatch(/\s473\s+\d+\s+rgb.*\s300\s+300\s/);
  });

  it('with --grid 2x2 --cmyk makes the codes as large as four fit, in CMYK, and says how large', async (test) => {
    const home = await tempFolderFor(test, 'sheet-grid-cli');
    const from = await codesFolder(home, 5);
    const out = join(home, 'sheet.pdf');
    const run = await runCli(
      ['sheet', '--from', from, '--grid', '2x2', '--label', '{name}', '--cmyk', '--out', out],
      home,
    );
    expect(run.code, run.stderr).toBe(0);
    const cm = Number(/each (\d+\.\d) cm wide, on A4 paper/.exec(run.stdout)?.[1]);
    // Two across inside 10 mm margins and a 6 mm gap leave at most 9.2 cm each.
    expect(cm).toBeGreaterThan(7);
    expect(cm).toBeLessThanOrEqual(9.2);
    expect((await tool('pdfinfo', [out])).stdout).toMatch(/Pages:\s+2\n/);
    const images = (await tool('pdfimages', ['-list', out])).stdout.trim().split('\n').slice(2);
    expect(images).toHaveLength(5);
    for (const line of images) {
      const [, colour, ppi] = /\s473\s+\d+\s+(\w+)\s+4\s+8.*\s(\d+)\s+\d+\s+\S+\s+\S+\s*$/.exec(line) ?? [];
      expect(colour).toBe('cmyk');
      // The code's 473 px over the printed width the CLI reported.
      expect(Number(ppi)).toBeCloseTo(473 / (cm / 2.54), -1);
    }
  });

  it.each([
    [
      'both a size and a grid',
      ['--size', '4cm', '--grid', '3x4'],
      /--grid: Both a code size and a grid were given\.\n.*a grid such as 3x4/,
    ],
    [
      'neither a size nor a grid',
      [],
      /--size: The sheet needs a code size or a grid\.\n.*a code size such as 4cm/,
    ],
    ['a grid of 0 columns', ['--grid', '0x3'], /--grid: The grid “0x3” is not columns × rows from 1 to 20/],
    ['a size of 0', ['--size', '0cm'], /--size: The printed size “0cm” is not a length/],
    ['an unknown paper', ['--size', '4cm', '--paper', 'A5'], /There is no paper “A5”.*\n.*A4, A3 or Letter/],
    [
      'an unknown placeholder',
      ['--size', '4cm', '--label', '{门店名称}'],
      /--label: The label has an unknown placeholder/,
    ],
    ['a file that is not a PDF', ['--size', '4cm', '--out', 'sheet.png'], /End the file name with \.pdf/],
  ])('exits 2 for %s, naming the fix, and writes no file', async (_case, flags, message) => {
    const home = await tempFolderFor({ onTestFinished }, 'sheet-bad');
    const from = await codesFolder(home, 1);
    const out = join(home, 'sheet.pdf');
    const run = await runCli(['sheet', '--from', from, '--out', out, ...flags], home);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 for a folder without PNG codes', async (test) => {
    const home = await tempFolderFor(test, 'sheet-empty');
    const run = await runCli(['sheet', '--from', home, '--size', '4cm', '--out', join(home, 's.pdf')], home);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('There is no PNG code in');
  });
});
