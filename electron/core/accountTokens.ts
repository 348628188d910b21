import { appError } from '../../shared/errors';
import { Failure } from '../../shared/result';
import type { Account } from './accounts';
import { appSecretKey, type SecretStore, tokenServiceKey } from './secrets';
import { stableTokenSource } from './stableTokenSource';
import { tokenServiceSource } from './tokenServiceSource';
import type { TokenSource } from './tokenSource';

export const WECHAT_API_BASE = 'https://api.weixin.qq.com';
/** The built-in sandbox's published credential: not a secret, it unlocks nothing real. */
export const SANDBOX_SECRET = 'sandbox-secret';

/**
 * The token source an account describes. Secrets are read from the keychain at the moment a token
 * is fetched, not before, and are never held by the source.
 */
export function accountTokenSource(account: Account, apiBase: string, secrets: SecretStore): TokenSource {
  switch (account.source.kind) {
    case 'secret':
      return stableTokenSource({
        apiBase,
        appId: account.appId,
        secret: async () => {
          const secret = await secrets.get(appSecretKey(account.appId));
          if (!secret) throw new Failure(appError('no-secret', { appId: account.appId }));
          return secret;
        },
      });
    case 'token-url': {
      const { hasCredential, url } = account.source;
      return tokenServiceSource({
        url,
        credential: hasCredential ? () => secrets.get(tokenServiceKey(account.id)) : undefined,
      });
    }
    case 'sandbox':
      return stableTokenSource({ apiBase, appId: account.appId, secret: async () => SANDBOX_SECRET });
  }
}
