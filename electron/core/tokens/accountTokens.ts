import { appError } from '../../../shared/errors';
import { Failure } from '../../../shared/result';
import type { Account } from '../storage/accounts';
import { appSecretKey, type SecretStore, tokenServiceKey, tokenServiceQueryKey } from '../storage/secrets';
import { stableTokenFetch } from './stableTokenSource';
import { tokenServiceFetch } from './tokenServiceSource';
import { TokenCache, type TokenFetch, type TokenSource } from './tokenSource';

/** The built-in sandbox's published credential: not a secret, it unlocks nothing real. */
export const SANDBOX_SECRET = 'sandbox-secret';

/**
 * The token source an account describes. Secrets are read from the keychain at the moment a token
 * is fetched, not before, and are never held by the source.
 */
export function accountTokenSource(account: Account, apiBase: string, secrets: SecretStore): TokenSource {
  return new TokenCache(accountTokenFetch(account, apiBase, secrets));
}

/** One uncached token from the account's issuer, with its lifetime: what "Test" in Accounts shows. */
export function accountTokenFetch(account: Account, apiBase: string, secrets: SecretStore): TokenFetch {
  switch (account.source.kind) {
    case 'secret':
      return stableTokenFetch({
        apiBase,
        appId: account.appId,
        secret: async () => {
          const secret = await secrets.get(appSecretKey(account.appId));
          if (!secret) throw new Failure(appError('no-secret', { appId: account.appId }));
          return secret;
        },
      });
    case 'token-url': {
      const { hasCredential, hasQuery, url } = account.source;
      return tokenServiceFetch({
        url,
        query: hasQuery ? () => secrets.get(tokenServiceQueryKey(account.id)) : undefined,
        credential: hasCredential ? () => secrets.get(tokenServiceKey(account.id)) : undefined,
      });
    }
    case 'sandbox':
      return stableTokenFetch({ apiBase, appId: account.appId, secret: async () => SANDBOX_SECRET });
  }
}
