import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { readDpi } from '../core/print/pngDpi';
import { cliWorlds, runCli } from '../testing/cli';
import { pixels } from '../testing/printImages';

// Each test starts the CLI as its own process: seconds each on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

const world = cliWorlds('print-cli');
const env = { WXACODE_APPSECRET: 'sandbox-secret' };
const NO_CALLS = { stable_token: 0, getwxacode: 0, getwxacodeunlimit: 0, createwxaqrcode: 0 };

describe('wxacode generate with print flags', () => {
  it('asks WeChat for the width a 4 cm print needs, records the DPI and says the scanning distance', async () => {
    const { home, creds, sandbox } = await world();
    const out = join(home, 'table.png');
    const run = await runCli(
      ['generate', '--out', out, '--qrcode', '--path', 'pages/index/index', '--print-size', '4cm', ...creds],
      home,
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Saved ${out} (473×473 PNG)`);
    expect(run.stdout).toContain(
      'Printed 4.0 cm wide at 300 DPI: phones read it from up to about 40 cm away.',
    );
    const png = await readFile(out);
    // 473 px at 11,825 px/m (300.4 DPI): the code itself prints exactly 4 cm wide.
    const resolution = readDpi(png)!;
    expect(resolution.pixelsPerMetreX).toBe(11825);
    expect((473 / resolution.pixelsPerMetreX) * 100).toBeCloseTo(4, 2);
    expect(sandbox.stats().createwxaqrcode).toBe(1);
  });

  it('says when WeChat’s 1280 px fall short of the DPI asked, and what the print gets instead', async () => {
    const { home, creds } = await world();
    const out = join(home, 'sign.png');
    const run = await runCli(
      ['generate', '--out', out, '--qrcode', '--path', 'pages/index/index', '--print-size', '15cm', ...creds],
      home,
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('(1280×1280 PNG)');
    expect(run.stdout).toContain('Printed 15.0 cm wide at 216 DPI');
    expect(run.stderr).toContain(
      'up to 10.8 cm keeps 300 DPI. A larger sign wants a vector file (SVG or PDF).',
    );
    expect(((1280 / readDpi(await readFile(out))!.pixelsPerMetreX) * 100).toFixed(1)).toBe('15.0');
  });

  it('puts labels under the code and a logo in its middle; the square code still decodes', async () => {
    const { home, creds } = await world();
    const out = join(home, 'labelled.png');
    const logo = join(home, 'logo.png');
    await writeFile(
      logo,
      await sharp({ create: { width: 120, height: 120, channels: 3, background: '#1677ff' } })
        .png()
        .toBuffer(),
    );
    const path = 'pages/menu/index?table=7';
    const run = await runCli(
      [
        'generate',
        '--out',
        out,
        '--qrcode',
        '--path',
        path,
        '--width',
        '600',
        '--label',
        '上海张江店',
        '--label',
        '{path}',
        '--logo',
        logo,
        ...creds,
      ],
      home,
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    const png = await readFile(out);
    const image = await pixels(png);
    // 600 px code, 30 px margins, 15 px gap, two 75 px label lines.
    expect([image.width, image.height]).toEqual([660, 30 + 600 + 15 + 75 + 75 + 30]);
    expect(image.darkIn(30, 645, 600, 75)).toBeGreaterThan(200);
    expect(image.darkIn(30, 720, 600, 75)).toBeGreaterThan(200);
    expect(image.darkIn(0, 795, 660, 30)).toBe(0);
    expect(image.at(330, 330)).toEqual([22, 119, 255, 255]);
    const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    expect(jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data).toBe(path);
  });

  it.each([
    ['a size of 0', ['--print-size', '0cm'], /--print-size: The printed size “0cm” is not a length/],
    ['a size without unit', ['--print-size', '4'], /e\.g\. 4cm, 40mm or 1\.5in/],
    ['a DPI of 0', ['--dpi', '0'], /--dpi: The resolution “0” must be a whole number/],
    ['a width and a size', ['--width', '600', '--print-size', '4cm'], /Give only the printed size/],
    [
      'an unreadable logo',
      ['--logo', '/nonexistent/logo.png'],
      /--logo: The logo “logo.png” cannot be used: the file cannot be opened/,
    ],
    [
      'an unknown placeholder',
      ['--label', '{门店名称}'],
      /--label: The label has an unknown placeholder \{门店名称\}/,
    ],
  ])(
    'exits 2 for %s, naming the flag and the fix, before any call to WeChat',
    async (_case, flags, message) => {
      const { home, creds, sandbox } = await world();
      const out = join(home, 'bad.png');
      const run = await runCli(
        ['generate', '--out', out, '--path', 'pages/index/index', ...flags, ...creds],
        home,
        env,
      );
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain('Fix: ');
      expect(existsSync(out)).toBe(false);
      expect(sandbox.stats()).toMatchObject(NO_CALLS);
    },
  );

  it('exits 2 for a logo that is not an image', async () => {
    const { home, creds, sandbox } = await world();
    const logo = join(home, 'logo.txt');
    await writeFile(logo, 'not a picture');
    const run = await runCli(
      ['generate', '--out', join(home, 'x.png'), '--path', 'p', '--logo', logo, ...creds],
      home,
      env,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('not a PNG, JPEG or SVG');
    expect(sandbox.stats()).toMatchObject(NO_CALLS);
  });
});
