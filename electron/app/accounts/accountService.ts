import { accountGone } from '../../../shared/errors/accounts';
import type { AccountView } from '../../../shared/ipc/channels';
import { Failure } from '../../../shared/result';
import type { Account, AccountDraft, AccountStore, NewSecrets } from '../../core/storage/accounts';
import { appSecretKey, type SecretStore } from '../../core/storage/secrets';
import { accountTokenFetch } from '../../core/tokens/accountTokens';
import type { AccountClients } from './accountClients';
import { accountView } from './accountView';

/** Secrets go into the keychain through here and never come back out: views say only whether one is stored. */
export class AccountService {
  constructor(
    private readonly accounts: AccountStore,
    private readonly secrets: SecretStore,
    private readonly clients: AccountClients,
  ) {}

  async list(): Promise<AccountView[]> {
    return Promise.all((await this.accounts.list()).map((a) => accountView(a, this.secrets)));
  }

  async save(draft: AccountDraft, given: NewSecrets): Promise<AccountView> {
    return accountView(await this.accounts.save(draft, given), this.secrets);
  }

  async remove(id: string): Promise<void> {
    await this.accounts.remove(id);
  }

  async forgetSecret(id: string): Promise<AccountView> {
    const account = await this.byId(id);
    if (account.source.kind === 'secret') {
      await this.secrets.delete(appSecretKey(account.appId));
      // The cached token came from the forgotten secret: it must not outlive it.
      this.clients.forget(account.id);
      return accountView(account, this.secrets);
    }
    if (account.source.kind === 'token-url' && (account.source.hasCredential || account.source.hasQuery)) {
      // Saving without the credential and query makes the store delete them from the keychain.
      const source = { ...account.source, hasCredential: false, hasQuery: false };
      return accountView(await this.accounts.save({ ...account, source }), this.secrets);
    }
    return accountView(account, this.secrets);
  }

  /** Seconds the token just fetched is valid for. */
  async test(id: string): Promise<number> {
    const account = await this.byId(id);
    // Straight from the issuer, bypassing the session's cached token, so the test proves the
    // stored secret or token service works now.
    const fetchToken = accountTokenFetch(account, this.clients.apiBaseFor(account), this.secrets);
    return (await fetchToken()).expiresIn;
  }

  /** The account the page names by id; it may have been removed meanwhile (another window, the CLI). */
  async byId(id: string): Promise<Account> {
    const account = (await this.accounts.list()).find((a) => a.id === id);
    if (account) return account;
    throw new Failure(accountGone());
  }
}
