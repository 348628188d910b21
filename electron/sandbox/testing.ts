// Test support: plain HTTP calls to a running sandbox and decoding of what it sends back.
import jpeg from 'jpeg-js';
import jsQR, { type QRCode } from 'jsqr';
import { PNG } from 'pngjs';

export interface Answer {
  status: number;
  headers: Headers;
  bytes: Buffer;
}

export async function call(url: string, init: { method?: string; body?: unknown } = {}): Promise<Answer> {
  const { body } = init;
  const response = await fetch(url, {
    method: init.method ?? (body === undefined ? 'GET' : 'POST'),
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

export const jsonOf = (answer: Answer): Record<string, unknown> => JSON.parse(answer.bytes.toString('utf8'));

export async function stableToken(base: string, secret = 'sandbox-secret'): Promise<string> {
  const answer = await call(`${base}/cgi-bin/stable_token`, {
    body: { grant_type: 'client_credential', appid: 'wx0123456789abcdef', secret },
  });
  return jsonOf(answer).access_token as string;
}

export interface Picture {
  format: 'jpeg' | 'png';
  width: number;
  height: number;
  /** RGBA, row by row. */
  data: Uint8Array;
}

/** Decodes by the first bytes, as a client must: WeChat's Content-Type says image/jpeg for both. */
export function decodePicture(bytes: Buffer): Picture {
  if (bytes[0] === 0x89 && bytes[1] === 0x50) {
    const png = PNG.sync.read(bytes);
    return { format: 'png', width: png.width, height: png.height, data: png.data };
  }
  const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
  return { format: 'jpeg', width: image.width, height: image.height, data: image.data };
}

export function readQr(picture: Picture): QRCode | null {
  const rgba = new Uint8ClampedArray(picture.data.length);
  // jsQR ignores alpha: put transparent pixels on white, as a phone screen would show them.
  for (let i = 0; i < picture.data.length; i += 4) {
    const alpha = picture.data[i + 3]! / 255;
    for (let c = 0; c < 3; c++) rgba[i + c] = picture.data[i + c]! * alpha + 255 * (1 - alpha);
    rgba[i + 3] = 255;
  }
  return jsQR(rgba, picture.width, picture.height);
}

export function pixel(picture: Picture, x: number, y: number): [number, number, number, number] {
  const o = (y * picture.width + x) * 4;
  const d = picture.data;
  return [d[o]!, d[o + 1]!, d[o + 2]!, d[o + 3]!];
}
