import { rememberSecret } from '../../../shared/redact';
import { abortable } from '../wechat/abortable';

/**
 * Where an access_token comes from. The code client asks for one before each call and reports
 * a token WeChat rejected, so the source can fetch again once instead of reusing it.
 */
export interface TokenSource {
  token(signal?: AbortSignal): Promise<string>;
  /** WeChat said this token is invalid or expired (40001/42001/40014): do not hand it out again. */
  invalidate(token: string): void;
}

/** One call to a token issuer: the token and how many seconds it lives. */
export type TokenFetch = (signal?: AbortSignal) => Promise<{ token: string; expiresIn: number }>;

export interface CachedToken {
  token: string;
  /** Epoch ms after which a fresh one is fetched before use. */
  renewAt: number;
}

/** WECHAT_API.md: renew when fewer than 5 minutes remain. */
const RENEW_MARGIN_S = 300;

/**
 * When to stop using a token that lives `expiresIn` seconds. A token that arrives with less than
 * the margin left (stable_token hands back the current one with its remaining time) is used for
 * half of that, so a short-lived token does not turn every call into a token call.
 */
export function renewAt(now: number, expiresIn: number): number {
  const seconds = expiresIn > RENEW_MARGIN_S * 2 ? expiresIn - RENEW_MARGIN_S : expiresIn / 2;
  return now + seconds * 1000;
}

/**
 * Caches one token and lets concurrent callers share one in-flight fetch, so a batch of 50
 * parallel rows starting at once costs one token call, not 50.
 */
export class TokenCache {
  private current?: CachedToken;
  private inFlight?: Promise<string>;

  constructor(
    private readonly fetchToken: TokenFetch,
    private readonly now: () => number = Date.now,
  ) {}

  token(signal?: AbortSignal): Promise<string> {
    if (this.current && this.now() < this.current.renewAt) return Promise.resolve(this.current.token);
    // Shared by every caller, so no one caller's signal stops it (each stops only its own wait).
    this.inFlight ??= this.fetchToken()
      .then(({ token, expiresIn }) => {
        this.current = { token, renewAt: renewAt(this.now(), expiresIn) };
        return token;
      })
      .finally(() => {
        this.inFlight = undefined;
      });
    return abortable(this.inFlight, signal);
  }

  invalidate(token: string): void {
    if (this.current?.token === token) this.current = undefined;
  }
}

export function fixedTokenSource(token: string): TokenSource {
  rememberSecret(token);
  return { token: () => Promise.resolve(token), invalidate: () => {} };
}
