import { secretsLeftBehind } from '../../shared/errors/accounts';
import { noAppSecretGiven, noSuchAccount, unknownAccountAction } from '../../shared/errors/cli';
import { Failure } from '../../shared/result';
import { fileAccountStore } from '../core/storage/accounts';
import { dataDir } from '../core/storage/dataDir';
import { appSecretKey, keychainSecrets, type SecretStore } from '../core/storage/secrets';
import { publicUrl } from '../core/wechat/http';
import { parseFlags, requireFlag } from './flags';
import { readSecret } from './readSecret';

export const ACCOUNT_USAGE =
  'wxacode account add NAME --appid ID [--token-url URL] [--api-base URL]   (AppSecret read from stdin)\n  wxacode account list\n  wxacode account remove NAME';

export async function accountCommand(args: string[], out: (line: string) => void): Promise<void> {
  const [action, ...rest] = args;
  const secrets = keychainSecrets();
  const store = fileAccountStore(dataDir(), secrets);
  const { values, positionals } = parseFlags(
    rest,
    { appid: { type: 'string' }, 'token-url': { type: 'string' }, 'api-base': { type: 'string' } },
    ACCOUNT_USAGE,
  );
  const name = () => requireFlag(positionals[0], 'NAME', 'the account name', '账号名称');

  switch (action) {
    case 'add': {
      const accountName = name();
      const appId = requireFlag(
        values.appid,
        '--appid',
        'the AppID (wx followed by 16 characters)',
        'AppID(wx 加 16 位字符)',
      );
      const url = values['token-url'];
      const appSecret = url
        ? undefined
        : await readSecret(`AppSecret for ${appId} (stored in the OS keychain, not shown): `);
      if (!url && !appSecret) {
        throw new Failure(noAppSecretGiven());
      }
      const existing = await store.get(accountName);
      const account = await store.save(
        {
          ...(existing ? { id: existing.id } : {}),
          name: accountName,
          appId,
          source: url ? { kind: 'token-url', url, hasCredential: false } : { kind: 'secret' },
          ...(values['api-base'] ? { apiBase: values['api-base'] } : {}),
        },
        appSecret ? { appSecret } : {},
      );
      const { source } = account;
      const from =
        source.kind === 'token-url'
          ? `tokens from ${source.url}${source.hasQuery ? ' (its query stored in the OS keychain)' : ''}`
          : 'AppSecret stored in the OS keychain';
      out(`${existing ? 'Updated' : 'Added'} account “${account.name}” (${account.appId}); ${from}.`);
      return;
    }
    case 'list': {
      const accounts = await store.list();
      if (!accounts.length) out('No accounts yet. Add one with: wxacode account add NAME --appid ID');
      for (const account of accounts) {
        const source =
          account.source.kind === 'secret'
            ? `AppSecret ${await secretState(secrets, account.appId)}`
            : account.source.kind === 'token-url'
              ? `token service ${publicUrl(account.source.url)}${account.source.hasQuery ? ' (query in keychain)' : ''}`
              : 'sandbox (not real WeChat codes)';
        const via = account.apiBase ? `, via ${account.apiBase}` : '';
        const used = account.numUsed !== undefined ? `, Num-Used ${account.numUsed}/100000` : '';
        out(`${account.name}\t${account.appId}\t${source}${via}${used}`);
      }
      return;
    }
    case 'remove': {
      const account = await store.get(name());
      if (!account) {
        throw new Failure(noSuchAccount(String(positionals[0])));
      }
      const { keychainError } = await store.remove(account.id);
      if (keychainError) {
        // The account is gone, its secret may not be: saying "Removed" would be untrue.
        throw new Failure(secretsLeftBehind(keychainError, account.name, account.appId));
      }
      out(`Removed account “${account.name}” and its keychain entries.`);
      return;
    }
    default:
      throw new Failure(unknownAccountAction(action ?? '', ACCOUNT_USAGE));
  }
}

/** Whether the AppSecret is there, or that the keychain cannot tell: the list shows either way. */
async function secretState(secrets: SecretStore, appId: string): Promise<string> {
  try {
    return (await secrets.has(appSecretKey(appId))) ? 'in keychain' : 'MISSING';
  } catch (cause) {
    if (!(cause instanceof Failure)) throw cause;
    return `unknown: ${cause.error.message.en}`;
  }
}
