import { appError, wechatError } from '../../../shared/errors';
import { rememberSecret } from '../../../shared/redact';
import { Failure } from '../../../shared/result';
import { type HttpOptions, send } from '../wechat/http';
import { readWechatAnswer } from '../wechat/wechatResponse';
import { TokenCache, type TokenFetch, type TokenSource } from './tokenSource';

export interface StableTokenOptions {
  apiBase: string;
  appId: string;
  /** Read from the keychain only when a token is actually needed, and never kept. */
  secret: () => Promise<string>;
  http?: Pick<HttpOptions, 'dispatcher' | 'timeoutMs'>;
}

/**
 * Tokens from POST /cgi-bin/stable_token in normal mode. Never GET /cgi-bin/token: each call to
 * that invalidates the token the customer's own servers are using. force_refresh is never sent
 * here (it is limited to 20 a day and only for an explicit user action).
 */
export function stableTokenSource(options: StableTokenOptions): TokenSource {
  return new TokenCache(stableTokenFetch(options));
}

/** One uncached stable_token call (normal mode), e.g. to test an account's credentials. */
export function stableTokenFetch(options: StableTokenOptions): TokenFetch {
  return async (signal) => {
    const secret = await options.secret();
    const res = await send(
      'POST',
      `${options.apiBase.replace(/\/$/, '')}/cgi-bin/stable_token`,
      { grant_type: 'client_credential', appid: options.appId, secret, force_refresh: false },
      { ...options.http, signal },
    );
    return readTokenAnswer(res.status, res.contentType, res.body);
  };
}

/** Shared by stable_token and token services, which answer with the same JSON; the redactor learns each token. */
export function readTokenAnswer(
  status: number,
  contentType: string,
  body: Buffer,
): { token: string; expiresIn: number } {
  try {
    const json = JSON.parse(body.toString('utf8')) as { access_token?: unknown; expires_in?: unknown };
    if (typeof json.access_token === 'string' && json.access_token && status >= 200 && status < 300) {
      const expiresIn = Number(json.expires_in);
      rememberSecret(json.access_token);
      return {
        token: json.access_token,
        expiresIn: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 7200,
      };
    }
  } catch {
    // Falls through to the error reading below.
  }
  const answer = readWechatAnswer(status, contentType, body);
  if (answer.kind === 'error') throw new Failure(wechatError(answer.errcode, answer.errmsg));
  throw new Failure(appError('bad-response', { status, detail: 'no access_token in the answer' }));
}
