import { type ImageFormat, isComplete, sniffImage } from '../image/normalise';

export type WechatAnswer =
  | { kind: 'image'; bytes: Buffer; format: ImageFormat }
  | { kind: 'error'; errcode: number; errmsg: string }
  /** Neither an image nor a WeChat error: an HTML gateway page, a cut-off image, garbage. */
  | { kind: 'unusable'; detail: string };

/**
 * Decides what a WeChat response is, as WECHAT_API.md prescribes: errors arrive with HTTP 200 too,
 * and the Content-Type of an image is unreliable, so the bytes decide. An error body must never be
 * mistaken for an image (the classic SDK bug of saving JSON as .jpg), nor a truncated image kept.
 */
export function readWechatAnswer(status: number, contentType: string, body: Buffer): WechatAnswer {
  if (body[0] === 0x7b || /json/i.test(contentType)) {
    const error = parseErrorBody(body);
    if (error) return { kind: 'error', ...error };
    if (status < 200 || status > 299) return { kind: 'unusable', detail: `HTTP ${status}` };
    return { kind: 'unusable', detail: 'a JSON body without an error code or an image' };
  }
  if (status < 200 || status > 299)
    return { kind: 'unusable', detail: `HTTP ${status} ${describeBody(contentType)}` };
  const format = sniffImage(body);
  if (!format) return { kind: 'unusable', detail: `not an image: ${describeBody(contentType)}` };
  if (!isComplete(body, format)) {
    return { kind: 'unusable', detail: `a cut-off ${format.toUpperCase()} image (${body.length} bytes)` };
  }
  return { kind: 'image', bytes: body, format };
}

function parseErrorBody(body: Buffer): { errcode: number; errmsg: string } | null {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (parsed && typeof parsed === 'object' && 'errcode' in parsed) {
      const { errcode, errmsg } = parsed as { errcode: unknown; errmsg?: unknown };
      const code = Number(errcode);
      // errcode 0 means "ok" elsewhere in WeChat's API; here a JSON body without an image is an
      // unusable answer (reported as such, with its content type), not "error 0".
      if (Number.isFinite(code) && code !== 0)
        return { errcode: code, errmsg: typeof errmsg === 'string' ? errmsg : '' };
    }
  } catch {
    // Not JSON after all: reported as unusable by the caller.
  }
  return null;
}

function describeBody(contentType: string): string {
  return contentType ? `Content-Type ${contentType.split(';')[0]}` : 'no Content-Type';
}
