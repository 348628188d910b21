import { storedApiBase } from '../../shared/credentialAddress';
import { accountGone, secretMisplaced } from '../../shared/errors/accounts';
import type { AccountView } from '../../shared/ipc/channels';
import { Failure } from '../../shared/result';
import type { Services } from '../app/services';
import type { Account, AccountStore } from '../core/storage/accounts';
import { appSecretKey, type SecretStore } from '../core/storage/secrets';
import { accountTokenFetch } from '../core/tokens/accountTokens';
import type { HandlerTable } from '../main/ipc';

type AccountHandlers = Pick<
  HandlerTable,
  'accounts:list' | 'accounts:save' | 'accounts:remove' | 'accounts:forgetSecret' | 'accounts:test'
>;

/** Secrets go into the keychain through here and never come back out: views say only whether one is stored. */
export function accountHandlers({ accounts, secrets, clients }: Services): AccountHandlers {
  return {
    'accounts:list': async () => Promise.all((await accounts.list()).map((a) => accountView(a, secrets))),

    'accounts:save': async ({ account, secret, tokenCredential }) => {
      if (secret !== undefined && account.source.kind !== 'secret') throw misplaced('secret');
      if (tokenCredential !== undefined && account.source.kind !== 'token-url')
        throw misplaced('tokenCredential');
      const saved = await accounts.save(account, { appSecret: secret, tokenCredential });
      return accountView(saved, secrets);
    },

    'accounts:remove': async ({ id }) => {
      await accounts.remove(id);
      return { removed: true };
    },

    'accounts:forgetSecret': async ({ id }) => {
      const account = await accountById(accounts, id);
      if (account.source.kind === 'secret') {
        await secrets.delete(appSecretKey(account.appId));
        // The cached token came from the forgotten secret: it must not outlive it.
        clients.forget(account.id);
        return accountView(account, secrets);
      }
      if (account.source.kind === 'token-url' && (account.source.hasCredential || account.source.hasQuery)) {
        // Saving without the credential and query makes the store delete them from the keychain.
        const source = { ...account.source, hasCredential: false, hasQuery: false };
        return accountView(await accounts.save({ ...account, source }), secrets);
      }
      return accountView(account, secrets);
    },

    'accounts:test': async ({ id }) => {
      const account = await accountById(accounts, id);
      // Straight from the issuer, bypassing the session's cached token, so the test proves the
      // stored secret or token service works now.
      const fetchToken = accountTokenFetch(account, clients.apiBaseFor(account), secrets);
      const { expiresIn } = await fetchToken();
      return { expiresInSeconds: expiresIn };
    },
  };
}

export async function accountById(accounts: AccountStore, id: string): Promise<Account> {
  const account = (await accounts.list()).find((a) => a.id === id);
  if (account) return account;
  throw new Failure(accountGone());
}

/** Field by field, so nothing added to Account later reaches the page by accident. */
async function accountView(account: Account, secrets: SecretStore): Promise<AccountView> {
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

function misplaced(field: 'secret' | 'tokenCredential'): Failure {
  return new Failure(secretMisplaced(field));
}
