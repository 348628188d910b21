import { errcodeReply, jsonReply, type Reply } from './reply';
import type { TokenBook } from './tokens';

export interface AppCredentials {
  appId: string;
  appSecret: string;
}

/** 0 when the caller is this app, else WeChat's errcode for what is wrong. */
function refusal(app: AppCredentials, grantType: unknown, appid: unknown, secret: unknown): number {
  if (grantType !== 'client_credential') return 40002;
  if (!appid) return 41002;
  if (appid !== app.appId) return 40013;
  if (!secret) return 41004;
  if (secret !== app.appSecret) return 40125;
  return 0;
}

/** POST /cgi-bin/stable_token with a JSON body. */
export function stableTokenReply(raw: Buffer, app: AppCredentials, tokens: TokenBook): Reply {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return errcodeReply(47001);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return errcodeReply(47001);
  const { grant_type, appid, secret, force_refresh } = body as Record<string, unknown>;
  const errcode = refusal(app, grant_type, appid, secret);
  if (errcode !== 0) return errcodeReply(errcode);
  const issued = tokens.stableToken(force_refresh === true);
  return 'errcode' in issued ? errcodeReply(issued.errcode) : jsonReply(issued);
}

/** GET /cgi-bin/token with query parameters: a new token each time, revoking the last one. */
export function plainTokenReply(query: URLSearchParams, app: AppCredentials, tokens: TokenBook): Reply {
  const errcode = refusal(app, query.get('grant_type'), query.get('appid'), query.get('secret'));
  if (errcode !== 0) return errcodeReply(errcode);
  return jsonReply(tokens.plainToken());
}
