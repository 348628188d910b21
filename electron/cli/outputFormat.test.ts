import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { decodePicture, readQr } from '../sandbox/testing';
import { cliWorlds, runCli } from '../testing/cli';
import { pdfPageInfo, renderPdf, renderSvg } from '../testing/vectorCheck';

// Each test starts the CLI as its own process, one or two: seconds each on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

const SECRET = { WXACODE_APPSECRET: 'sandbox-secret' };
const setup = cliWorlds('wxacode-format-');

describe('wxacode generate --format', () => {
  it('writes an SVG in the chosen colour, traced from a 1280 px code, that still reads', async () => {
    const { sandbox, home, creds } = await setup();
    const out = join(home, 'store.svg');
    const run = await runCli(
      [
        'generate',
        '--out',
        out,
        '--format',
        'svg',
        '--scene',
        'store=17',
        '--page',
        'pages/shop/index',
        '--line-color',
        '#c8102e',
        '--transparent',
        ...creds,
      ],
      home,
      SECRET,
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`Saved ${out} (SVG, 108.4 mm wide, traced from the 1280×1280 PNG)`);
    const svg = await readFile(out, 'utf8');
    expect(svg).toContain('width="108.37mm" height="108.37mm" viewBox="0 0 1280 1280"');
    expect(svg).toContain('fill="#c8102e"');
    expect(readQr(decodePicture(renderSvg(svg, 640, 640)))?.data).toBe('pages/shop/index?scene=store=17');
    expect(sandbox.stats().getwxacodeunlimit).toBe(1);
  });

  it('writes a one-page PDF of a square code, the format read from the file name', async () => {
    const { home, creds } = await setup();
    const out = join(home, 'table.pdf');
    const run = await runCli(
      ['generate', '--out', out, '--qrcode', '--path', 'pages/index/index?table=3', ...creds],
      home,
      SECRET,
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const pdf = await readFile(out);
    // 1280 px at 300 DPI: 4.267 in = 307.2 pt.
    expect(pdfPageInfo(pdf)).toMatchObject({ pages: 1 });
    expect(pdfPageInfo(pdf).widthPt).toBeCloseTo(307.2, 1);
    expect(readQr(decodePicture(renderPdf(pdf, 640)))?.data).toBe('pages/index/index?table=3');
  });

  it.each<[string, string[], RegExp]>([
    [
      'an unknown format',
      ['--out', 'x.eps', '--format', 'eps'],
      /--format eps is not an output format\.\nFix: Use --format png/,
    ],
    [
      'a file name of another format',
      ['--out', 'x.png', '--format', 'svg'],
      /--format svg writes a \.svg file\.\nFix: End the --out file name in \.svg/,
    ],
    ['a file name of no format', ['--out', 'x.jpg'], /must be a \.png, \.svg or \.pdf file/],
  ])('refuses %s with exit 2 and the fix, before any API call', async (_, flags, said) => {
    const { sandbox, home, creds } = await setup();
    const run = await runCli(['generate', ...flags, '--path', 'pages/index/index', ...creds], home, SECRET);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(said);
    expect(sandbox.stats()).toMatchObject({ stable_token: 0, getwxacode: 0 });
  });
});
