import { encodeCode } from './image';
import type { CodeQuota, DailyCap, RollingMinuteLimit } from './limits';
import { errcodeReply, imageReply, type Reply } from './reply';
import { type CodeEndpoint, judgeCodeBody } from './rules';
import type { TokenBook } from './tokens';

/** The state the three code endpoints share. */
export interface CodeDesk {
  tokens: TokenBook;
  quota: CodeQuota;
  /** The same 45009 as the rate limit, but for limited and square codes it lasts until tomorrow. */
  limitedDaily: DailyCap;
  unlimitedRate: RollingMinuteLimit;
  publishedPages: ReadonlySet<string>;
}

/**
 * One code call, checked in WeChat's order: token, rate limit (counts even calls refused later, as a
 * gateway would) or daily cap, body, quota. `spend` false draws the image without touching quota,
 * daily count or rate window.
 */
export function codeReply(
  endpoint: CodeEndpoint,
  accessToken: string | null,
  raw: Buffer,
  desk: CodeDesk,
  spend: boolean,
): Reply {
  const tokenError = desk.tokens.check(accessToken);
  if (tokenError !== 0) return errcodeReply(tokenError);
  const limited = endpoint !== 'getwxacodeunlimit';
  if (!limited) {
    if (desk.unlimitedRate.full()) return errcodeReply(45009);
    if (spend) desk.unlimitedRate.record();
  } else if (desk.limitedDaily.reached()) {
    return errcodeReply(45009);
  }
  const verdict = judgeCodeBody(endpoint, raw, desk.publishedPages);
  if (!verdict.ok) return errcodeReply(verdict.errcode);
  if (limited && desk.quota.exhausted()) return errcodeReply(45029);
  const image = encodeCode(verdict.drawing);
  if (!limited) return imageReply(image);
  if (spend) {
    desk.quota.spend();
    desk.limitedDaily.record();
  }
  return imageReply(image, { 'Num-Used': String(desk.quota.used) });
}
