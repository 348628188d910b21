import { randomBytes } from 'node:crypto';

export interface Token {
  access_token: string;
  expires_in: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const FORCE_REFRESH_PER_DAY = 20;
const FORCE_REFRESH_SPACING_MS = 30_000;
// Expired tokens are remembered (so they answer 42001, not 40001) up to this many.
const REMEMBERED_TOKENS = 16;

/**
 * The app's access tokens. As on WeChat, the stable_token and the plain /cgi-bin/token are independent:
 * getting a plain token revokes only the previous plain token.
 */
export class TokenBook {
  /** token → expiry time (ms); a revoked token is deleted, so it reads as unknown (40001). */
  private readonly expiries = new Map<string, number>();
  private stable: string | undefined;
  private plain: string | undefined;
  private forceRefreshTimes: number[] = [];
  /** Every token ever handed out, for tests that check no text the app writes holds one. */
  readonly issued: string[] = [];

  constructor(
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** stable_token: the same token while it is valid; force_refresh replaces it, sparingly. */
  stableToken(forceRefresh: boolean): Token | { errcode: number } {
    const now = this.now();
    if (forceRefresh) {
      this.forceRefreshTimes = this.forceRefreshTimes.filter((t) => t > now - DAY_MS);
      const last = this.forceRefreshTimes.at(-1);
      if (this.forceRefreshTimes.length >= FORCE_REFRESH_PER_DAY) return { errcode: 45009 };
      if (last !== undefined && now - last < FORCE_REFRESH_SPACING_MS) return { errcode: 45011 };
      this.forceRefreshTimes.push(now);
      this.revoke(this.stable);
      this.stable = undefined;
    }
    const expiry = this.stable === undefined ? undefined : this.expiries.get(this.stable);
    if (this.stable !== undefined && expiry !== undefined && expiry > now) {
      return { access_token: this.stable, expires_in: Math.ceil((expiry - now) / 1000) };
    }
    this.stable = this.issue(now);
    return { access_token: this.stable, expires_in: this.ttlSeconds };
  }

  /** /cgi-bin/token: always a new token, and the previous one stops working at once. */
  plainToken(): Token {
    this.revoke(this.plain);
    this.plain = this.issue(this.now());
    return { access_token: this.plain, expires_in: this.ttlSeconds };
  }

  /** 0 when the token may be used, else the errcode WeChat answers with. */
  check(token: string | null): 0 | 40001 | 42001 {
    const expiry = token ? this.expiries.get(token) : undefined;
    if (expiry === undefined) return 40001;
    return expiry > this.now() ? 0 : 42001;
  }

  private issue(now: number): string {
    // WeChat tokens are long opaque strings of letters, digits, '_' and '-'.
    const token = randomBytes(96).toString('base64url');
    this.issued.push(token);
    this.expiries.set(token, now + this.ttlSeconds * 1000);
    for (const old of this.expiries.keys()) {
      if (this.expiries.size <= REMEMBERED_TOKENS) break;
      if (old !== this.stable && old !== this.plain) this.expiries.delete(old);
    }
    return token;
  }

  private revoke(token: string | undefined): void {
    if (token !== undefined) this.expiries.delete(token);
  }
}
