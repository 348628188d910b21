import {
  type CredentialField,
  credentialAddressProblem,
  WECHAT_API_BASE,
} from '../../shared/credentialAddress';
import { appSecretMissing, credentialsNotOne, flagError, noAccountNamed } from '../../shared/errors/cli';
import { Failure } from '../../shared/result';
import { fileAccountStore } from '../core/storage/accounts';
import { dataDir } from '../core/storage/dataDir';
import { keychainSecrets } from '../core/storage/secrets';
import { accountTokenSource, SANDBOX_SECRET } from '../core/tokens/accountTokens';
import { stableTokenSource } from '../core/tokens/stableTokenSource';
import { tokenServiceSource } from '../core/tokens/tokenServiceSource';
import { fixedTokenSource, type TokenSource } from '../core/tokens/tokenSource';
import { publicUrl } from '../core/wechat/http';
import { startSandbox } from '../sandbox';

export interface CredentialFlags {
  account?: string;
  appid?: string;
  'token-url'?: string;
  'api-base'?: string;
}

export interface Credentials {
  apiBase: string;
  appId?: string;
  /** Whose codes these are, for the library: the AppID, or the token service when the AppID is unknown. */
  owner: string;
  /** The account record, when the credentials came from one (it records Num-Used). */
  accountId?: string;
  tokens: TokenSource;
  close(): Promise<void>;
}

/** Where the CLI gets its access_token from, by the flags given; the AppSecret never comes from a flag. */
export async function credentialsFromFlags(flags: CredentialFlags, env = process.env): Promise<Credentials> {
  const given = [flags.account, flags.appid, flags['token-url']].filter((v) => v !== undefined);
  if (given.length !== 1) {
    throw new Failure(credentialsNotOne(given.length));
  }
  const apiBaseFlag =
    flags['api-base'] !== undefined
      ? addressFlag('--api-base', 'apiBase', flags['api-base'])
      : env.WXACODE_API_BASE !== undefined
        ? addressFlag('WXACODE_API_BASE', 'apiBase', env.WXACODE_API_BASE)
        : undefined;
  const nothingToClose = async () => {};

  if (flags.appid !== undefined) {
    const secret = env.WXACODE_APPSECRET;
    const fixedToken = env.WXACODE_ACCESS_TOKEN;
    if (!secret && fixedToken) {
      // A token handed over by whoever holds the AppSecret; it is used as is until WeChat rejects it.
      const apiBase = apiBaseFlag ?? WECHAT_API_BASE;
      const tokens = fixedTokenSource(fixedToken);
      return { apiBase, appId: flags.appid, owner: flags.appid, tokens, close: nothingToClose };
    }
    if (!secret) {
      throw new Failure(appSecretMissing());
    }
    const apiBase = apiBaseFlag ?? WECHAT_API_BASE;
    const tokens = stableTokenSource({ apiBase, appId: flags.appid, secret: async () => secret });
    return { apiBase, appId: flags.appid, owner: flags.appid, tokens, close: nothingToClose };
  }

  if (flags['token-url'] !== undefined) {
    const url = addressFlag('--token-url', 'url', flags['token-url']);
    const apiBase = apiBaseFlag ?? WECHAT_API_BASE;
    const credential = env.WXACODE_TOKEN_CREDENTIAL;
    const tokens = tokenServiceSource({
      url,
      credential: credential ? async () => credential : undefined,
    });
    // The owner is written to the library and batch journals: the URL without its query or
    // user info, which may carry a key.
    return {
      apiBase,
      owner: `token-service ${publicUrl(url)}`,
      tokens,
      close: nothingToClose,
    };
  }

  const name = flags.account!;
  const account = await fileAccountStore(dataDir(env)).get(name);
  if (!account) {
    throw new Failure(noAccountNamed(name));
  }
  if (account.source.kind === 'sandbox' && !apiBaseFlag && !account.apiBase) {
    // The app starts its sandbox with the window; the CLI starts one just for this command.
    const sandbox = await startSandbox({ appId: account.appId, appSecret: SANDBOX_SECRET });
    const tokens = accountTokenSource(account, sandbox.url, keychainSecrets());
    return {
      apiBase: sandbox.url,
      appId: account.appId,
      owner: account.appId,
      accountId: account.id,
      tokens,
      close: () => sandbox.close(),
    };
  }
  const apiBase = apiBaseFlag ?? account.apiBase ?? WECHAT_API_BASE;
  const tokens = accountTokenSource(account, apiBase, keychainSecrets());
  return {
    apiBase,
    appId: account.appId,
    owner: account.appId,
    accountId: account.id,
    tokens,
    close: nothingToClose,
  };
}

/**
 * The user typing a flag is the user, but a credential still travels over https only, or over
 * plain http to this computer: the same rule as the account form, named after the flag.
 */
function addressFlag(flag: string, field: CredentialField, raw: string): string {
  const problem = credentialAddressProblem(field, raw, flag);
  if (!problem) return raw.trim();
  const { message, hint } = problem;
  throw new Failure(flagError(flag, message.en, message.zh, hint.en, hint.zh));
}
