import { WECHAT_API_BASE } from '../../../shared/credentialAddress';
import { sandboxNotRunning } from '../../../shared/errors/accounts';
import { Failure } from '../../../shared/result';
import type { Account, AccountStore } from '../../core/storage/accounts';
import type { SecretStore } from '../../core/storage/secrets';
import { accountTokenSource } from '../../core/tokens/accountTokens';
import { createWechatClient, type WechatClient } from '../../core/wechat/wechatClient';

/**
 * One WeChat client per account for the whole session, so its access_token is fetched once and
 * reused (stable_token allows 10,000 a minute, but each costs a round trip and a keychain read).
 * A saved or removed account loses its client: its AppID, secret or token service may have changed.
 */
export class AccountClients {
  private readonly clients = new Map<string, { apiBase: string; client: WechatClient }>();

  constructor(
    private readonly secrets: SecretStore,
    /** The built-in sandbox this session started, if any: where sandbox accounts' calls go. */
    private readonly sandboxUrl: string | undefined,
  ) {}

  /** Where an account's calls go: its own API address if it has one, else WeChat or the sandbox. */
  apiBaseFor(account: Account): string {
    if (account.apiBase) return account.apiBase;
    if (account.source.kind !== 'sandbox') return WECHAT_API_BASE;
    if (this.sandboxUrl) return this.sandboxUrl;
    throw new Failure(sandboxNotRunning());
  }

  clientFor(account: Account): WechatClient {
    const apiBase = this.apiBaseFor(account);
    const kept = this.clients.get(account.id);
    if (kept?.apiBase === apiBase) return kept.client;
    const client = createWechatClient({
      apiBase,
      tokens: accountTokenSource(account, apiBase, this.secrets),
    });
    this.clients.set(account.id, { apiBase, client });
    return client;
  }

  forget(accountId: string): void {
    this.clients.delete(accountId);
  }
}

/** The account store, with each save or removal dropping the account's client, wherever it is made. */
export function forgettingClients(store: AccountStore, clients: AccountClients): AccountStore {
  return {
    ...store,
    async save(draft, given) {
      const saved = await store.save(draft, given);
      clients.forget(saved.id);
      return saved;
    },
    async remove(id) {
      const removal = await store.remove(id);
      clients.forget(id);
      return removal;
    },
  };
}
