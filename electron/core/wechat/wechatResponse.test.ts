import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { readWechatAnswer } from './wechatResponse';

const png = () => {
  const image = new PNG({ width: 4, height: 4 });
  image.data.fill(255);
  return PNG.sync.write(image);
};
const jpegLike = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.alloc(64),
  Buffer.from([0xff, 0xd9]),
]);
const json = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('reading what WeChat answered', () => {
  it('takes an error body for an error whatever the Content-Type says', () => {
    const body = json({ errcode: 41030, errmsg: 'invalid page rid: 1' });
    for (const type of ['application/json; charset=UTF-8', 'text/plain', 'image/jpeg', '']) {
      expect(readWechatAnswer(200, type, body)).toEqual({
        kind: 'error',
        errcode: 41030,
        errmsg: 'invalid page rid: 1',
      });
    }
  });

  it('takes {"errcode":0,"errmsg":"ok"} without an image for an unusable answer, not for "error 0"', () => {
    expect(readWechatAnswer(200, 'application/json', json({ errcode: 0, errmsg: 'ok' }))).toEqual({
      kind: 'unusable',
      detail: 'a JSON body without an error code or an image',
    });
  });

  it('decides the image format from the bytes, not the image/jpeg header', () => {
    expect(readWechatAnswer(200, 'image/jpeg', png())).toMatchObject({ kind: 'image', format: 'png' });
    expect(readWechatAnswer(200, 'image/jpeg', jpegLike)).toMatchObject({ kind: 'image', format: 'jpeg' });
  });

  it('never keeps a cut-off image, a gateway page or garbage as a code', () => {
    const cut = png().subarray(0, 40);
    expect(readWechatAnswer(200, 'image/jpeg', cut)).toMatchObject({
      kind: 'unusable',
      detail: expect.stringMatching(/cut-off PNG/),
    });
    expect(readWechatAnswer(200, 'image/jpeg', jpegLike.subarray(0, 30))).toMatchObject({ kind: 'unusable' });
    expect(readWechatAnswer(502, 'text/html', Buffer.from('<html>502 Bad Gateway</html>'))).toMatchObject({
      kind: 'unusable',
      detail: 'HTTP 502 Content-Type text/html',
    });
    expect(readWechatAnswer(200, 'text/plain', Buffer.from('hello'))).toMatchObject({ kind: 'unusable' });
    expect(readWechatAnswer(200, 'application/json', json({ ok: true }))).toMatchObject({ kind: 'unusable' });
    expect(readWechatAnswer(500, 'image/jpeg', png())).toMatchObject({
      kind: 'unusable',
      detail: expect.stringContaining('HTTP 500'),
    });
  });
});
