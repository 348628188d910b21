import { appError } from '../../../shared/errors';
import { Failure } from '../../../shared/result';
import { type HttpOptions, publicUrl, send } from '../wechat/http';
import { readTokenAnswer } from './stableTokenSource';
import { TokenCache, type TokenFetch, type TokenSource } from './tokenSource';

export interface TokenServiceOptions {
  /** A company's central token service (中控服务器) answering GET with {access_token, expires_in}. */
  url: string;
  /** The URL's query (`?key=…&sig=…`), kept in the keychain with the bearer rather than in accounts.json. */
  query?: () => Promise<string | null>;
  /** Optional bearer credential, kept in the keychain like an AppSecret. */
  credential?: () => Promise<string | null>;
  http?: Pick<HttpOptions, 'dispatcher' | 'timeoutMs'>;
}

export function tokenServiceSource(options: TokenServiceOptions): TokenSource {
  return new TokenCache(tokenServiceFetch(options));
}

/** One uncached call to the token service, e.g. to test an account's settings. */
export function tokenServiceFetch(options: TokenServiceOptions): TokenFetch {
  return async (signal) => {
    const credential = options.credential ? await options.credential() : null;
    const query = options.query ? await options.query() : '';
    if (query === null) {
      const detail = 'the address’s query is no longer in the keychain: enter the full URL again';
      throw new Failure(appError('token-service', { url: options.url, detail }));
    }
    const res = await send('GET', `${options.url}${query}`, undefined, {
      ...options.http,
      signal,
      headers: credential ? { authorization: `Bearer ${credential}` } : {},
    });
    if (res.status < 200 || res.status > 299) {
      throw new Failure(appError('token-service', { url: publicUrl(options.url), status: res.status }));
    }
    return readTokenAnswer(res.status, res.contentType, res.body);
  };
}
