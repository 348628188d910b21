import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCode } from './image';
import { type RunningSandbox, startSandbox } from './index';
import { call, decodePicture, type Picture, pixel, readQr, stableToken } from './testing';

let sandbox: RunningSandbox;
let token: string;
beforeAll(async () => {
  sandbox = await startSandbox();
  token = await stableToken(sandbox.url);
});
afterAll(() => sandbox.close());

async function draw(api: string, body: unknown): Promise<{ bytes: Buffer; picture: Picture }> {
  const answer = await call(`${sandbox.url}${api}?access_token=${token}`, { body });
  expect(answer.status).toBe(200);
  expect(answer.headers.get('content-type')).toBe('image/jpeg');
  return { bytes: answer.bytes, picture: decodePicture(answer.bytes) };
}

const near = (actual: number[], expected: number[], tolerance: number): boolean =>
  expected.every((v, i) => Math.abs(actual[i]! - v) <= tolerance);

/** Share of the pixels within `tolerance` of an RGB colour. */
function share(picture: Picture, rgb: number[], tolerance = 24): number {
  let hits = 0;
  for (let i = 0; i < picture.data.length; i += 4) {
    if (near([picture.data[i]!, picture.data[i + 1]!, picture.data[i + 2]!], rgb, tolerance)) hits++;
  }
  return hits / (picture.width * picture.height);
}

/** The colour at the centre of the top-left finder pattern, which is always a dark module. */
function inkAt(picture: Picture): [number, number, number, number] {
  const { x, y } = readQr(picture)!.location.topLeftFinderPattern;
  return pixel(picture, Math.round(x), Math.round(y));
}

describe('code images', () => {
  it('getwxacode: a JPEG of exactly the asked width that scans to the path', async () => {
    const path = 'pages/product/detail?id=123456&from=poster&campaign=spring';
    for (const width of [280, 430, 1280]) {
      const { bytes, picture } = await draw('/wxa/getwxacode', { path, width });
      expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
      expect(picture).toMatchObject({ format: 'jpeg', width, height: width });
      expect(readQr(picture)?.data).toBe(path);
    }
  });

  it('raises a width below 280 and lowers one above 1280, as WeChat does; default 430', async () => {
    const widthOf = async (width?: number) =>
      (await draw('/wxa/getwxacode', { path: 'pages/index/index', width })).picture.width;
    expect(await widthOf(100)).toBe(280);
    expect(await widthOf(5000)).toBe(1280);
    expect(await widthOf(undefined)).toBe(430);
    expect(await widthOf(500.4)).toBe(500);
  });

  it('getwxacodeunlimit scans to page?scene=…, with the home page for an empty page', async () => {
    const shop = await draw('/wxa/getwxacodeunlimit', { scene: 'id=42&c=7', page: 'pages/shop/index' });
    expect(readQr(shop.picture)?.data).toBe('pages/shop/index?scene=id=42&c=7');
    const home = await draw('/wxa/getwxacodeunlimit', { scene: 'abc', width: 280 });
    expect(readQr(home.picture)?.data).toBe('pages/index/index?scene=abc');
  });

  it('createwxaqrcode scans to the path and stays black on white whatever colours are sent', async () => {
    const { picture } = await draw('/cgi-bin/wxaapp/createwxaqrcode', {
      path: 'pages/index/index?from=qr',
      width: 300,
      line_color: { r: 255, g: 0, b: 0 },
      is_hyaline: true,
    });
    expect(picture).toMatchObject({ format: 'jpeg', width: 300 });
    expect(readQr(picture)?.data).toBe('pages/index/index?from=qr');
    expect(near(inkAt(picture), [0, 0, 0], 24)).toBe(true);
  });

  it('draws dark modules in line_color on a white background', async () => {
    const { picture } = await draw('/wxa/getwxacode', {
      path: 'pages/index/index',
      line_color: { r: 200, g: 30, b: 60 },
    });
    expect(near(inkAt(picture), [200, 30, 60], 24)).toBe(true);
    expect(near(pixel(picture, 2, 2), [255, 255, 255], 8)).toBe(true);
    expect(share(picture, [200, 30, 60])).toBeGreaterThan(0.2);
    expect(share(picture, [255, 255, 255])).toBeGreaterThan(0.3);
    expect(share(picture, [0, 0, 0], 40)).toBe(0);
  });

  it('auto_color picks WeChat green and overrides line_color', async () => {
    const { picture } = await draw('/wxa/getwxacodeunlimit', {
      scene: 'a',
      auto_color: true,
      line_color: { r: 200, g: 30, b: 60 },
    });
    expect(near(inkAt(picture), [7, 193, 96], 24)).toBe(true);
  });

  it('is_hyaline sends a PNG (still labelled image/jpeg) with a transparent background', async () => {
    for (const api of ['/wxa/getwxacode', '/wxa/getwxacodeunlimit']) {
      const body = {
        path: 'pages/index/index?x=1',
        scene: 'x=1',
        is_hyaline: true,
        line_color: { r: 0, g: 0, b: 255 },
      };
      const { bytes, picture } = await draw(api, body);
      expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      expect(picture).toMatchObject({ format: 'png', width: 430, height: 430 });
      expect(pixel(picture, 0, 0)[3]).toBe(0);
      expect(inkAt(picture)).toEqual([0, 0, 255, 255]);
      const transparent = picture.data.filter((_, i) => i % 4 === 3 && picture.data[i] === 0).length;
      expect(transparent / (430 * 430)).toBeGreaterThan(0.3);
      expect(readQr(picture)?.data).toBe(
        api === '/wxa/getwxacode' ? body.path : 'pages/index/index?scene=x=1',
      );
    }
  });

  it('stays readable when the path is as long as WeChat allows', async () => {
    const path = `pages/index/index?${'q'.repeat(1024 - 18)}`;
    const { picture } = await draw('/wxa/getwxacode', { path, width: 1280 });
    expect(readQr(picture)?.data).toBe(path);
  });
});

describe('encoding speed', () => {
  it('draws a 430 px JPEG in a few milliseconds', () => {
    const drawing = (i: number) => ({
      text: `pages/index/index?scene=id${i}`,
      width: 430,
      colour: { r: 0, g: 0, b: 0 },
      transparent: false,
    });
    for (let i = 0; i < 5; i++) encodeCode(drawing(i));
    const started = performance.now();
    for (let i = 0; i < 20; i++) encodeCode(drawing(i));
    // Generous for slow CI machines; about 4.5 ms here.
    expect((performance.now() - started) / 20).toBeLessThan(25);
  });
});
