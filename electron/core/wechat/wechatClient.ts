import type { CodeRequest } from '../../../shared/codeRequest';
import { appError, WECHAT_ERRORS, wechatError } from '../../../shared/errors';
import { type AppError, Failure } from '../../../shared/result';
import { type PngImage, toPng } from '../image/normalise';
import type { TokenSource } from '../tokens/tokenSource';
import { type HttpOptions, send } from './http';
import { backoffMs, DEFAULT_RETRY, type RetryPolicy, sleep } from './retry';
import { toWechatCall } from './wechatCall';
import { readWechatAnswer } from './wechatResponse';

export interface GeneratedImage extends PngImage {
  /** WeChat's Num-Used header: limited codes used so far for this AppID, when it sent one. */
  numUsed?: number;
}

export interface WechatClientOptions {
  apiBase: string;
  tokens: TokenSource;
  http?: Pick<HttpOptions, 'dispatcher' | 'timeoutMs'>;
  retry?: RetryPolicy;
}

export interface WechatClient {
  generate(request: CodeRequest, signal?: AbortSignal): Promise<GeneratedImage>;
}

export function createWechatClient(options: WechatClientOptions): WechatClient {
  const apiBase = options.apiBase.replace(/\/$/, '');
  const policy = options.retry ?? DEFAULT_RETRY;

  async function attempt(request: CodeRequest, signal?: AbortSignal): Promise<GeneratedImage> {
    const call = toWechatCall(request);
    const token = await options.tokens.token(signal);
    const url = `${apiBase}${call.path}?access_token=${encodeURIComponent(token)}`;
    const res = await send('POST', url, call.body, { ...options.http, signal });
    const answer = readWechatAnswer(res.status, res.contentType, res.body);
    if (answer.kind === 'error') {
      if (WECHAT_ERRORS[answer.errcode]?.refreshToken) options.tokens.invalidate(token);
      throw new Failure(wechatError(answer.errcode, answer.errmsg, request.kind));
    }
    if (answer.kind === 'unusable') {
      throw new Failure({
        ...appError('bad-response', { status: res.status, detail: answer.detail }),
        retryable: true,
      });
    }
    const image = await toPng(answer.bytes);
    const numUsed = Number(res.headers['num-used']);
    return res.headers['num-used'] !== undefined && Number.isFinite(numUsed) ? { ...image, numUsed } : image;
  }

  return {
    async generate(request, signal) {
      let tokenRenewed = false;
      for (let tries = 1; ; tries++) {
        try {
          return await attempt(request, signal);
        } catch (caught) {
          if (!(caught instanceof Failure)) throw caught;
          const { error } = caught;
          // A rejected token is fetched again once and the call repeated once, outside the retry budget.
          if (error.errcode !== undefined && WECHAT_ERRORS[error.errcode]?.refreshToken && !tokenRenewed) {
            tokenRenewed = true;
            tries--;
            continue;
          }
          if (!isTransient(error) || tries >= policy.attempts) throw caught;
          await sleep(backoffMs(policy, tries), signal);
        }
      }
    },
  };
}

/**
 * -1 (busy), 45009 on unlimited codes (the per-minute limit), network trouble and gateway junk pass;
 * the rest would fail again (45009 on limited and square codes is the daily cap: not until tomorrow).
 */
export function isTransient(error: AppError): boolean {
  return error.retryable === true || error.code === 'network' || error.code === 'timeout';
}
