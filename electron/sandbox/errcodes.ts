import { randomBytes } from 'node:crypto';

// WeChat's own wording, including its typos ("thedata"), so clients are tested against the real text.
const ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40013: 'invalid appid',
  40097: 'invalid args',
  40125: 'invalid appsecret',
  40129: 'invalid scene',
  40159: 'invalid length for path or thedata is not json string',
  40169: 'invalid length for scene, or the data is not json string',
  41002: 'appid missing',
  41004: 'appsecret missing',
  41030: 'invalid page',
  42001: 'access_token expired',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  45029: 'qrcode count out of limit',
  47001: 'data format error',
  85096: 'not allow include scancode_time field',
};

/** A request id like the ones WeChat appends to every errmsg, e.g. "6565d8c5-1ed3e1de-4fdb7a1d". */
function requestId(): string {
  const hex = randomBytes(12).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 16)}-${hex.slice(16)}`;
}

export interface WeChatError {
  errcode: number;
  errmsg: string;
}

export function wechatError(errcode: number): WeChatError {
  return { errcode, errmsg: `${ERRMSG[errcode] ?? 'sandbox fault'} rid: ${requestId()}` };
}
