import { storedApiBase } from '../../../shared/credentialAddress';
import type { AccountView } from '../../../shared/ipc/channels';
import { Failure } from '../../../shared/result';
import type { Account } from '../../core/storage/accounts';
import { appSecretKey, type SecretStore } from '../../core/storage/secrets';

/** Field by field, so nothing added to Account later reaches the page by accident. */
export async function accountView(account: Account, secrets: SecretStore): Promise<AccountView> {
  const { source: stored } = account;
  // WeChat's own is no base to show, even in a file written before bases were normalised.
  const apiBase = storedApiBase(account.apiBase);
  const source: AccountView['source'] =
    stored.kind === 'secret'
      ? { kind: 'secret', hasSecret: await hasSecret(secrets, account.appId) }
      : stored.kind === 'token-url'
        ? {
            kind: 'token-url',
            url: stored.url,
            hasCredential: stored.hasCredential,
            ...(stored.hasQuery ? { hasQuery: true } : {}),
          }
        : { kind: 'sandbox' };
  return {
    id: account.id,
    name: account.name,
    appId: account.appId,
    source,
    ...(apiBase !== undefined ? { apiBase } : {}),
    ...(account.numUsed !== undefined ? { numUsed: account.numUsed } : {}),
    ...(account.numUsedAt !== undefined ? { numUsedAt: account.numUsedAt } : {}),
  };
}

/**
 * A keychain that is missing or locked holds no secret the app could use, and the account list must
 * still show; using the account then reports the keychain's own error with its fix.
 */
async function hasSecret(secrets: SecretStore, appId: string): Promise<boolean> {
  try {
    return await secrets.has(appSecretKey(appId));
  } catch (cause) {
    if (cause instanceof Failure) return false;
    throw cause;
  }
}
