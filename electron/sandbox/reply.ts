import { wechatError } from './errcodes';

/** One complete HTTP answer, built before anything is written so a fault can still alter it. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export const JSON_TYPE = 'application/json; charset=UTF-8';

export function jsonReply(value: unknown, status = 200): Reply {
  return { status, headers: { 'Content-Type': JSON_TYPE }, body: Buffer.from(JSON.stringify(value)) };
}

/** WeChat reports failures as HTTP 200 with an errcode body. */
export function errcodeReply(errcode: number): Reply {
  return jsonReply(wechatError(errcode));
}

/** WeChat labels every code image image/jpeg, even the PNG it sends for is_hyaline. */
export function imageReply(bytes: Buffer, headers: Record<string, string> = {}): Reply {
  return { status: 200, headers: { 'Content-Type': 'image/jpeg', ...headers }, body: bytes };
}
