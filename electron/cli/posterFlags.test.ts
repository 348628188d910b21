import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import jsQR from 'jsqr';
import sharp, { type Sharp } from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { Failure } from '../../shared/result';
import { readDpi } from '../core/print/pngDpi';
import { cliWorlds, runCli } from '../testing/cli';
import { posterFromFlag } from './posterFlags';

// Each test starts the CLI as its own process: seconds each on a loaded machine.
vi.setConfig({ testTimeout: 90_000 });

const tool = promisify(execFile);
const world = cliWorlds('poster-cli');
const env = { WXACODE_APPSECRET: 'sandbox-secret' };
const EXAMPLE = join(__dirname, '../../docs/examples/poster');
const NO_CALLS = { stable_token: 0, getwxacode: 0, getwxacodeunlimit: 0, createwxaqrcode: 0 };

/** The example template, copied where the test may also write a broken one. */
async function example(home: string): Promise<string> {
  await cp(EXAMPLE, join(home, 'poster'), { recursive: true });
  return join(home, 'poster', 'table-tent.json');
}

async function decodeIn(png: Buffer, left: number, top: number, size: number) {
  const { data, info } = await sharp(png)
    .extract({ left, top, width: size, height: size })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
}

/** results.csv's made rows, read by column name as a user opening it in a spreadsheet does. */
async function madeRows(out: string): Promise<{ file: string; poster_file: string }[]> {
  const [head, ...lines] = (await readFile(join(out, 'results.csv'), 'utf8'))
    .replace(/^\ufeff/, '')
    .trim()
    .split(/\r?\n/);
  const columns = head!.split(',');
  const at = (cells: string[], name: string) => cells[columns.indexOf(name)] ?? '';
  return lines
    .map((line) => line.split(','))
    .filter((cells) => at(cells, 'status') === 'done')
    .map((cells) => ({ file: at(cells, 'file'), poster_file: at(cells, 'poster_file') }));
}

/** Mean difference (0–255) between the code and the poster's slot, both flattened on white. */
async function differenceFrom(
  code: Buffer,
  poster: Buffer,
  slot: { left: number; top: number; size: number },
) {
  const flat = (img: Sharp) => img.flatten({ background: '#ffffff' }).removeAlpha().raw().toBuffer();
  const [a, b] = await Promise.all([
    flat(sharp(code).resize(slot.size, slot.size)),
    flat(sharp(poster).extract({ left: slot.left, top: slot.top, width: slot.size, height: slot.size })),
  ]);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

describe('wxacode generate/batch --poster', () => {
  it('generate puts the code in the template’s slot at the template’s DPI, as PNG or PDF', async () => {
    const { home, creds, sandbox } = await world();
    // A single code has no sheet: its texts use the built-in placeholders only.
    const template = await example(home);
    const tent = JSON.parse(await readFile(template, 'utf8'));
    tent.texts[0].text = '人民广场店';
    tent.texts[1].text = '桌号 {path}';
    await writeFile(template, JSON.stringify(tent));
    const path = 'pages/menu/index?table=A12';
    const out = join(home, 'tent.png');
    const run = await runCli(
      ['generate', '--out', out, '--qrcode', '--path', path, '--poster', template, ...creds],
      home,
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Saved ${out} (poster 874×1240 PNG, 148 × 210 mm at 150 DPI)`);
    const png = await readFile(out);
    expect(readDpi(png)?.dpi).toBeCloseTo(150, 0);
    // The slot: 80 mm at (34, 60) mm at 150 DPI.
    expect(await decodeIn(png, 201, 354, 472)).toBe(path);
    // WeChat was asked for the slot's 472 px.
    expect(sandbox.stats().createwxaqrcode).toBe(1);

    const pdf = join(home, 'tent.pdf');
    const again = await runCli(
      ['generate', '--out', pdf, '--qrcode', '--path', path, '--poster', template, ...creds],
      home,
      env,
    );
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('from the library');
    expect((await tool('pdfinfo', [pdf])).stdout).toMatch(/Page size:\s+419\.5\d* x 595\.27\d* pts/);
  });

  it('batch makes each row’s poster beside its code, in results.csv and the ZIP, as the app does', async () => {
    const { home, creds, sandbox } = await world();
    const template = await example(home);
    const out = join(home, 'out');
    const zip = join(home, 'tents.zip');
    const args = ['batch', join(home, 'poster', 'tables.csv'), '--out', out, '--zip', zip];
    const run = await runCli([...args, '--poster', template, ...creds], home, env);
    expect(run.code, run.stderr).toBe(0);
    const rows = await madeRows(out);
    expect(rows).toHaveLength(2);
    // Posters sit beside their codes, named after them: no folder of their own.
    expect(existsSync(join(out, 'posters'))).toBe(false);
    expect(rows.map((r) => r.poster_file)).toEqual(rows.map((r) => r.file.replace(/\.png$/, '-poster.png')));
    const posters = await Promise.all(rows.map((r) => readFile(join(out, r.poster_file))));
    for (const [i, png] of posters.entries()) {
      const meta = await sharp(png).metadata();
      // The background's pixel size: A5 at 150 DPI.
      expect([meta.width, meta.height]).toEqual([874, 1240]);
      expect(readDpi(png)?.dpi).toBeCloseTo(150, 0);
      // WeChat was asked for the slot's 472 px, and those pixels fill the slot: 80 mm at (34, 60) mm.
      const code = await readFile(join(out, rows[i]!.file));
      expect((await sharp(code).metadata()).width).toBe(472);
      expect(await differenceFrom(code, png, { left: 201, top: 354, size: 472 })).toBeLessThan(2);
    }
    // The title band (store name, white on red) differs between 人民广场店 and 徐家汇店.
    const band = (png: Buffer) =>
      sharp(png).extract({ left: 0, top: 59, width: 874, height: 120 }).raw().toBuffer();
    expect((await band(posters[0]!)).equals(await band(posters[1]!))).toBe(false);
    const zipped = Object.keys(unzipSync(await readFile(zip)));
    for (const r of rows) expect(zipped).toEqual(expect.arrayContaining([r.file, r.poster_file]));
    expect(sandbox.stats().getwxacodeunlimit).toBe(2);

    // A PDF template: the same codes from the library, each poster a PDF page of the template's size.
    const tent = JSON.parse(await readFile(template, 'utf8'));
    await writeFile(template, JSON.stringify({ ...tent, output: 'pdf' }));
    const pdfOut = join(home, 'pdf');
    const again = await runCli(
      ['batch', join(home, 'poster', 'tables.csv'), '--out', pdfOut, '--poster', template, ...creds],
      home,
      env,
    );
    expect(again.code, again.stderr).toBe(0);
    expect(sandbox.stats().getwxacodeunlimit).toBe(2);
    for (const r of await madeRows(pdfOut)) {
      expect(r.poster_file).toBe(r.file.replace(/\.png$/, '-poster.pdf'));
      const info = (await tool('pdfinfo', [join(pdfOut, r.poster_file)])).stdout;
      expect(info).toMatch(/Page size:\s+419\.5\d* x 595\.27\d* pts/);
    }
  });

  it('refuses a poster as SVG: only PNG and PDF', async () => {
    const refused = await posterFromFlag(join(EXAMPLE, 'table-tent.json'), [], 'svg').catch((e) => e);
    expect(refused).toBeInstanceOf(Failure);
    expect(refused.error.message.en).toBe('--poster: A poster is written as a PNG or a PDF file.');
    expect(refused.error.hint.en).toContain('End the file name with .png or .pdf');
  });

  it.each([
    [
      'generate',
      'a slot off the page',
      { code: { x: 100, y: 60, size: 80 } },
      /--poster: In the poster template “bad\.json”, code \(100, 60\) with size 80 mm runs off/,
    ],
    [
      'generate',
      'a placeholder no column gives',
      {},
      /--poster: .*texts\[0\]\.text — The label has an unknown placeholder \{门店名称\}/,
    ],
    [
      'batch',
      'a placeholder no column gives',
      { texts: [{ text: '{门店}', x: 74, y: 10 }] },
      /texts\[0\]\.text — The label has an unknown placeholder \{门店\}/,
    ],
    ['batch', 'a file that is not JSON', 'not json', /“bad\.json” cannot be used: it is not valid JSON/],
  ])('%s exits 2 for %s, naming the fix, before any call', async (command, _case, change, message) => {
    const { home, creds, sandbox } = await world();
    const good = JSON.parse(await readFile(await example(home), 'utf8'));
    const bad = join(home, 'poster', 'bad.json');
    await writeFile(bad, typeof change === 'string' ? change : JSON.stringify({ ...good, ...change }));
    const out = join(home, 'out.png');
    const args =
      command === 'generate'
        ? ['generate', '--out', out, '--qrcode', '--path', 'pages/index/index']
        : ['batch', join(home, 'poster', 'tables.csv'), '--out', join(home, 'out')];
    const run = await runCli([...args, '--poster', bad, ...creds], home, env);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(sandbox.stats()).toMatchObject(NO_CALLS);
    expect(existsSync(out)).toBe(false);
  });
});
