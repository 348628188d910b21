import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { labelSizing } from '../core/print/labelSizing';
import { decodePicture, readQr } from '../sandbox/testing';
import { cliWorlds, runCli } from '../testing/cli';
import { pixels } from '../testing/printImages';
import { agreement, colourAt } from '../testing/rasterAgreement';
import { rasterOf, renderPdf, renderSvg } from '../testing/vectorCheck';

// Each test starts the CLI as its own process, traces a code and rasterises files: tens of seconds on a loaded machine.
vi.setConfig({ testTimeout: 180_000 });

const SECRET = { WXACODE_APPSECRET: 'sandbox-secret' };
const setup = cliWorlds('wxacode-vector-print-');
/** A brand mark as an SVG: red with a blue centre. */
const BRAND =
  '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24"><rect width="24" height="24" fill="#e4393c"/><rect x="8" y="8" width="8" height="8" fill="#1a4fd6"/></svg>';

describe('wxacode generate --format svg|pdf with --label and --logo', () => {
  it('draws the label and the SVG logo in the vector files as in the PNG, and the code still reads', async () => {
    const { home, creds, sandbox } = await setup();
    const logo = join(home, 'brand.svg');
    await writeFile(logo, BRAND);
    const path = 'pages/menu/index?table=12';
    const flags = [
      '--qrcode',
      '--path',
      path,
      '--width',
      '640',
      '--label',
      '门店 12 号桌',
      '--logo',
      logo,
      ...creds,
    ];
    const made: Record<string, Buffer> = {};
    for (const ext of ['png', 'svg', 'pdf']) {
      const out = join(home, `table.${ext}`);
      const run = await runCli(['generate', '--out', out, ...flags], home, SECRET);
      expect(run.code, run.stderr).toBe(0);
      made[ext] = await readFile(out);
    }
    // One code from WeChat; the other two files were made from the library's copy.
    expect(sandbox.stats().createwxaqrcode).toBe(1);
    const png = await pixels(made.png!);
    const { margin, gap, size } = labelSizing(640, 1);
    expect([png.width, png.height]).toEqual([
      640 + 2 * margin,
      640 + 2 * margin + gap + Math.ceil(size * 1.5),
    ]);
    const expected = await rasterOf(made.png!);
    const rendered = {
      svg: renderSvg(made.svg!.toString('utf8'), png.width, png.height),
      pdf: renderPdf(made.pdf!, png.width, png.height),
    };
    const band = { x: margin, y: margin + 640 + gap, width: 640, height: Math.ceil(size * 1.5) };
    for (const [name, file] of Object.entries(rendered)) {
      const raster = await rasterOf(file);
      expect(agreement(expected, raster).share, name).toBeGreaterThanOrEqual(0.98);
      // The logo's blue centre, where the PNG has it.
      const centre = margin + 320;
      expect(colourAt(raster, centre, centre), name).toEqual([26, 79, 214]);
      const drawn = await pixels(file);
      expect(drawn.darkIn(band.x, band.y, band.width, band.height), name).toBeGreaterThan(200);
      expect(drawn.darkIn(0, band.y + band.height, png.width, margin), name).toBe(0);
    }
    expect(readQr(decodePicture(renderSvg(made.svg!.toString('utf8'), png.width, png.height)))?.data).toBe(
      path,
    );
    expect(readQr(decodePicture(renderPdf(made.pdf!, png.width)))?.data).toBe(path);
  });

  it('refuses an SVG logo with a script before any API call, naming the file and the fix: exit 2', async () => {
    const { home, creds, sandbox } = await setup();
    const logo = join(home, 'evil.svg');
    await writeFile(logo, BRAND.replace('</svg>', '<script>alert(1)</script></svg>'));
    const out = join(home, 'x.svg');
    const run = await runCli(
      ['generate', '--out', out, '--qrcode', '--path', 'pages/index/index', '--logo', logo, ...creds],
      home,
      SECRET,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('evil.svg');
    expect(run.stderr).toContain('script');
    expect(run.stderr).toContain('plain SVG');
    expect(sandbox.stats().createwxaqrcode).toBe(0);
  });
});
