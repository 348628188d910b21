import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CodeRequest, Rgb } from '../../../shared/codeRequest';
import { validateCodeRequest } from '../../../shared/validateCodeRequest';
import { type RunningSandbox, startSandbox } from '../../sandbox';
import { decodePicture, readQr } from '../../sandbox/testing';
import { sandboxClient } from '../../testing/sandboxClient';
import {
  inkOfRaster,
  iou,
  pdfPageInfo,
  rasterOf,
  renderPdf,
  renderSvg,
  roundCodePng,
} from '../../testing/vectorCheck';
import type { WechatClient } from '../wechat/wechatClient';
import { traceCode } from './trace';
import { toPdf, toSvg } from './vectorFile';

// Each test rasterises 1280 px files with librsvg or poppler and reads QR codes: seconds each on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

let sandbox: RunningSandbox;
let client: WechatClient;

beforeAll(async () => {
  sandbox = await startSandbox();
  client = sandboxClient(sandbox, 'wx0123456789abcdef');
});
afterAll(() => sandbox.close());

function request(input: Record<string, unknown>): CodeRequest {
  const checked = validateCodeRequest(input);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.value;
}

/** A code as WeChat sends it through the real client, at the largest width it makes. */
async function codeOf(input: Record<string, unknown>) {
  const req = request({ width: 1280, ...input });
  return { req, png: (await client.generate(req)).png };
}

const BLACK: Rgb = { r: 0, g: 0, b: 0 };

describe('an SVG traced from a 1280 px code', () => {
  it('rasterised back at 1280 px covers the same ink as the source, and a square QR code still reads', async () => {
    const text = 'pages/index/index?from=poster';
    const { png } = await codeOf({ kind: 'qrcode', path: text });
    const vector = await traceCode(png, { color: BLACK, transparent: false });
    const svg = toSvg(vector);
    const back = await rasterOf(renderSvg(svg, 1280, 1280));
    const source = await rasterOf(png);
    expect(iou(inkOfRaster(back, BLACK, false), inkOfRaster(source, BLACK, false))).toBeGreaterThanOrEqual(
      0.99,
    );
    expect(readQr(decodePicture(renderSvg(svg, 1280, 1280)))?.data).toBe(text);
    // Smaller too: a print shop scales the file, and it must still read.
    expect(readQr(decodePicture(renderSvg(svg, 400, 400)))?.data).toBe(text);
  });

  it('of a 小程序码 in the chosen colour on a transparent background keeps its ink and its colour', async () => {
    const red: Rgb = { r: 200, g: 16, b: 46 };
    const { png } = await codeOf({
      kind: 'unlimited',
      scene: 'store=17',
      page: 'pages/shop/index',
      lineColor: '#c8102e',
      transparent: true,
    });
    const vector = await traceCode(png, { color: red, transparent: true });
    const svg = toSvg(vector, { widthMm: 1000 });
    expect(svg).toContain('width="1000mm" height="1000mm" viewBox="0 0 1280 1280"');
    expect(svg).toContain('fill="#c8102e"');
    expect(svg).not.toContain('<rect');
    const back = await rasterOf(renderSvg(svg, 1280, 1280));
    const source = await rasterOf(png);
    expect(iou(inkOfRaster(back, red, true), inkOfRaster(source, red, true))).toBeGreaterThanOrEqual(0.99);
    // What is drawn is the chosen colour, and only where the ink is.
    const inkPixel = inkOfRaster(back, red, true).ink.indexOf(1) * 4;
    expect([...back.rgba.subarray(inkPixel, inkPixel + 4)]).toEqual([200, 16, 46, 255]);
    expect(readQr(decodePicture(renderSvg(svg, 1280, 1280)))?.data).toBe('pages/shop/index?scene=store=17');
  });

  it('of a light ink (yellow, lighter than mid-grey) still finds the ink', async () => {
    const yellow: Rgb = { r: 255, g: 214, b: 0 };
    const { png } = await codeOf({ kind: 'limited', path: 'pages/index/index', lineColor: '#ffd600' });
    const vector = await traceCode(png, { color: yellow, transparent: false });
    const source = inkOfRaster(await rasterOf(png), yellow, false);
    expect(source.ink.reduce((a, b) => a + b, 0)).toBeGreaterThan(1280 * 1280 * 0.2);
    const back = await rasterOf(renderSvg(toSvg(vector), 1280, 1280));
    expect(iou(inkOfRaster(back, yellow, false), source)).toBeGreaterThanOrEqual(0.99);
  });
});

describe('the round shapes of a 小程序码', () => {
  // The sandbox draws a QR pattern; a real 小程序码 is round bars and rings, drawn here instead.
  it('become curves that still cover the source’s ink at 1280 px, in SVG and PDF', async () => {
    const png = await roundCodePng(1280);
    const source = inkOfRaster(await rasterOf(png), BLACK, false);
    const exact = await traceCode(png, { color: BLACK, transparent: false, smooth: false });
    const smooth = await traceCode(png, { color: BLACK, transparent: false });
    const exactSvg = toSvg(exact);
    const smoothSvg = toSvg(smooth);
    expect(exactSvg).not.toMatch(/[cl]-?\d/);
    expect(smoothSvg).toMatch(/c-?\d/);
    const rendered = async (svg: string) =>
      inkOfRaster(await rasterOf(renderSvg(svg, 1280, 1280)), BLACK, false);
    expect(iou(await rendered(exactSvg), source)).toBe(1);
    expect(iou(await rendered(smoothSvg), source)).toBeGreaterThanOrEqual(0.99);
    const page = await rasterOf(renderPdf(await toPdf(smooth, { widthMm: 1000 }), 1280));
    expect(iou(inkOfRaster(page, BLACK, false), source)).toBeGreaterThanOrEqual(0.99);
  });
});

describe('a PDF traced from a 1280 px code', () => {
  it('is one page of the asked physical size whose rendering covers the source’s ink, in pure K black', async () => {
    const text = 'pages/index/index?table=12';
    const { png } = await codeOf({ kind: 'qrcode', path: text });
    const vector = await traceCode(png, { color: BLACK, transparent: false });
    const pdf = await toPdf(vector, { widthMm: 1000 });
    const info = pdfPageInfo(pdf);
    expect(info.pages).toBe(1);
    // 1000 mm = 2834.65 pt.
    expect(info.widthPt).toBeCloseTo(2834.65, 1);
    expect(info.heightPt).toBeCloseTo(2834.65, 1);
    const page = renderPdf(pdf, 1280);
    const back = await rasterOf(page);
    expect([back.width, back.height]).toEqual([1280, 1280]);
    const source = await rasterOf(png);
    expect(iou(inkOfRaster(back, BLACK, false), inkOfRaster(source, BLACK, false))).toBeGreaterThanOrEqual(
      0.99,
    );
    expect(readQr(decodePicture(page))?.data).toBe(text);
    // The same input gives the same bytes: a file can be made again and compared.
    expect(Buffer.from(await toPdf(vector, { widthMm: 1000 })).equals(Buffer.from(pdf))).toBe(true);
  });

  it('paints the chosen colour', async () => {
    const green: Rgb = { r: 7, g: 193, b: 96 };
    const { png } = await codeOf({ kind: 'limited', path: 'pages/index/index', lineColor: '#07c160' });
    const vector = await traceCode(png, { color: green, transparent: false });
    const back = await rasterOf(renderPdf(await toPdf(vector, { widthMm: 40 }), 1280));
    const ink = inkOfRaster(back, green, false);
    const source = inkOfRaster(await rasterOf(png), green, false);
    expect(iou(ink, source)).toBeGreaterThanOrEqual(0.99);
    const inkPixel = ink.ink.indexOf(1) * 4;
    expect([...back.rgba.subarray(inkPixel, inkPixel + 3)]).toEqual([7, 193, 96]);
  });
});
