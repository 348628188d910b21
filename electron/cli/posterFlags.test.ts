import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import sharp from 'sharp';
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

  it('batch writes one poster per row, its texts from the row', async () => {
    const { home, creds } = await world();
    const template = await example(home);
    const out = join(home, 'out');
    const run = await runCli(
      ['batch', join(home, 'poster', 'tables.csv'), '--out', out, '--poster', template, ...creds],
      home,
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Posters: 2 written to ${join(out, 'posters')}`);
    const posters = (await readdir(join(out, 'posters'))).sort();
    expect(posters).toHaveLength(2);
    const [first, second] = await Promise.all(posters.map((name) => readFile(join(out, 'posters', name))));
    for (const png of [first!, second!]) {
      const meta = await sharp(png).metadata();
      expect([meta.width, meta.height]).toEqual([874, 1240]);
    }
    // The title band (store name, white on red) differs between 人民广场店 and 徐家汇店.
    const band = (png: Buffer) =>
      sharp(png).extract({ left: 0, top: 59, width: 874, height: 120 }).raw().toBuffer();
    expect((await band(first!)).equals(await band(second!))).toBe(false);
  });

  it('batch exits 4 and says so when the posters cannot be written; the codes are there', async () => {
    const { home, creds } = await world();
    const template = await example(home);
    const out = join(home, 'out');
    await mkdir(out, { recursive: true });
    // A file where the posters folder goes: no poster can be written under it.
    await writeFile(join(out, 'posters'), 'in the way');
    const run = await runCli(
      ['batch', join(home, 'poster', 'tables.csv'), '--out', out, '--poster', template, ...creds],
      home,
      env,
    );
    expect(run.code, run.stderr).toBe(4);
    expect(run.stdout).toContain('Posters: 0 written');
    expect(run.stderr).toContain('Row 2: the poster could not be written to');
    expect(run.stderr).toContain(`2 poster(s) could not be written to ${join(out, 'posters')}.`);
    expect((await readdir(out)).filter((name) => name.endsWith('.png'))).toHaveLength(2);
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
