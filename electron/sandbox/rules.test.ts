import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from './index';
import { call, jsonOf, stableToken } from './testing';

let sandbox: RunningSandbox;
let token: string;
beforeAll(async () => {
  sandbox = await startSandbox({ publishedPages: ['pages/index/index', 'pages/shop/index'] });
  token = await stableToken(sandbox.url);
});
afterAll(() => sandbox.close());

type Api = '/wxa/getwxacode' | '/wxa/getwxacodeunlimit' | '/cgi-bin/wxaapp/createwxaqrcode';

/** The errcode for this body, or 0 when an image comes back. */
async function errcodeFor(api: Api, body: unknown): Promise<number> {
  const answer = await call(`${sandbox.url}${api}?access_token=${token}`, { body });
  expect(answer.status).toBe(200);
  if (answer.headers.get('content-type') === 'image/jpeg') return 0;
  expect(answer.headers.get('content-type')).toBe('application/json; charset=UTF-8');
  return jsonOf(answer).errcode as number;
}

describe('getwxacode', () => {
  const api = '/wxa/getwxacode';
  const path = 'pages/product/detail?id=42';

  it('draws a code for a valid body', async () => {
    expect(await errcodeFor(api, { path })).toBe(0);
    expect(await errcodeFor(api, { path, width: 280, env_version: 'trial', auto_color: true })).toBe(0);
  });

  it('answers 40159 for an empty, missing or too long path, or a body that is not a JSON object', async () => {
    expect(await errcodeFor(api, { path: '' })).toBe(40159);
    expect(await errcodeFor(api, { width: 430 })).toBe(40159);
    expect(await errcodeFor(api, { path: `p?${'x'.repeat(1023)}` })).toBe(40159);
    expect(await errcodeFor(api, { path: `p?${'x'.repeat(1022)}` })).toBe(0);
    expect(await errcodeFor(api, 'path=pages/index/index')).toBe(40159);
    expect(await errcodeFor(api, [path])).toBe(40159);
  });

  it('answers 40159 with WeChat’s own wording', async () => {
    const answer = await call(`${sandbox.url}${api}?access_token=${token}`, { body: { path: '' } });
    expect(jsonOf(answer).errmsg).toMatch(/^invalid length for path or thedata is not json string rid: /);
  });

  it('answers 85096 when the path carries scancode_time', async () => {
    expect(await errcodeFor(api, { path: 'pages/index/index?scancode_time=1' })).toBe(85096);
  });

  it('answers 40097 for a bad env_version, including an empty one', async () => {
    expect(await errcodeFor(api, { path, env_version: '' })).toBe(40097);
    expect(await errcodeFor(api, { path, env_version: 'beta' })).toBe(40097);
  });

  it('answers 40097 for line_color channels outside 0–255 or not numbers', async () => {
    expect(await errcodeFor(api, { path, line_color: { r: 256, g: 0, b: 0 } })).toBe(40097);
    expect(await errcodeFor(api, { path, line_color: { r: -1, g: 0, b: 0 } })).toBe(40097);
    expect(await errcodeFor(api, { path, line_color: { r: 1.5, g: 0, b: 0 } })).toBe(40097);
    expect(await errcodeFor(api, { path, line_color: { r: 0, g: 0 } })).toBe(40097);
    expect(await errcodeFor(api, { path, line_color: '#ff0000' })).toBe(40097);
    // WeChat's docs write the channels as decimal strings.
    expect(await errcodeFor(api, { path, line_color: { r: '255', g: '0', b: '10' } })).toBe(0);
  });

  it('answers 40097 for a width or flag of the wrong type', async () => {
    expect(await errcodeFor(api, { path, width: '430' })).toBe(40097);
    expect(await errcodeFor(api, { path, auto_color: 'true' })).toBe(40097);
    expect(await errcodeFor(api, { path, is_hyaline: 1 })).toBe(40097);
  });
});

describe('getwxacodeunlimit', () => {
  const api = '/wxa/getwxacodeunlimit';

  it('draws a code for a valid body, the home page when page is empty', async () => {
    expect(await errcodeFor(api, { scene: 'id=42' })).toBe(0);
    expect(await errcodeFor(api, { scene: 'a', page: '' })).toBe(0);
    expect(await errcodeFor(api, { scene: 'a', page: 'pages/shop/index', env_version: 'develop' })).toBe(0);
  });

  it('answers 40169 for a scene that is missing, empty or longer than 32', async () => {
    expect(await errcodeFor(api, { page: 'pages/index/index' })).toBe(40169);
    expect(await errcodeFor(api, { scene: '' })).toBe(40169);
    expect(await errcodeFor(api, { scene: 'x'.repeat(33) })).toBe(40169);
    expect(await errcodeFor(api, { scene: 'x'.repeat(32) })).toBe(0);
  });

  it('accepts every character WeChat allows in a scene and answers 40129 for others', async () => {
    expect(await errcodeFor(api, { scene: "!#$&'()*+,/:;=?@-._~" })).toBe(0);
    expect(await errcodeFor(api, { scene: 'AZaz09' })).toBe(0);
    for (const scene of ['a b', 'a%20', '中文', 'a"b', 'a<b', 'a^b', 'a|b']) {
      expect(await errcodeFor(api, { scene }), scene).toBe(40129);
    }
  });

  it('answers 40097 for a page with a leading slash or a query', async () => {
    expect(await errcodeFor(api, { scene: 'a', page: '/pages/index/index' })).toBe(40097);
    expect(await errcodeFor(api, { scene: 'a', page: 'pages/index/index?x=1' })).toBe(40097);
  });

  it('answers 85096 when the page carries scancode_time', async () => {
    expect(await errcodeFor(api, { scene: 'a', page: 'pages/index/index&scancode_time=1' })).toBe(85096);
  });

  it('answers 41030 for an unpublished page unless check_path is false', async () => {
    const page = 'pages/new/index';
    expect(await errcodeFor(api, { scene: 'a', page })).toBe(41030);
    expect(await errcodeFor(api, { scene: 'a', page, check_path: true })).toBe(41030);
    expect(await errcodeFor(api, { scene: 'a', page, check_path: false, env_version: 'trial' })).toBe(0);
    const answer = await call(`${sandbox.url}${api}?access_token=${token}`, { body: { scene: 'a', page } });
    expect(jsonOf(answer).errmsg).toMatch(/^invalid page rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
  });

  it('answers 40097 for bad env_version and line_color like getwxacode', async () => {
    expect(await errcodeFor(api, { scene: 'a', env_version: '' })).toBe(40097);
    expect(await errcodeFor(api, { scene: 'a', line_color: { r: 0, g: 300, b: 0 } })).toBe(40097);
    expect(await errcodeFor(api, { scene: 'a', check_path: 'false' })).toBe(40097);
  });
});

describe('createwxaqrcode', () => {
  const api = '/cgi-bin/wxaapp/createwxaqrcode';

  it('answers 40159 for a path that is empty or longer than 128 bytes', async () => {
    expect(await errcodeFor(api, { path: '' })).toBe(40159);
    expect(await errcodeFor(api, { path: `p?${'x'.repeat(127)}` })).toBe(40159);
    expect(await errcodeFor(api, { path: `p?${'x'.repeat(126)}` })).toBe(0);
    // Bytes, not characters: 43 Chinese characters are 129 bytes.
    expect(await errcodeFor(api, { path: '中'.repeat(43) })).toBe(40159);
    expect(await errcodeFor(api, { path: `${'中'.repeat(42)}ab` })).toBe(0);
  });

  it('answers 85096 for scancode_time and ignores the round-code styling fields', async () => {
    expect(await errcodeFor(api, { path: 'pages/index/index?scancode_time=2' })).toBe(85096);
    expect(await errcodeFor(api, { path: 'pages/index/index', env_version: '', line_color: 'x' })).toBe(0);
  });
});
