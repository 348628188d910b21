import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { appIdProblem, nameProblem } from '../../../shared/accountDraft';
import {
  addressWithoutQuery,
  credentialAddressProblem,
  credentialDestination,
  storedApiBase,
} from '../../../shared/credentialAddress';
import { appIdTaken, badAccountId, badAppSecret, nameTaken } from '../../../shared/errors/accounts';
import { fileDamaged } from '../../../shared/errors/storage';
import { type AppError, Failure, type Localized } from '../../../shared/result';
import { readJsonFile, writeFileAtomic } from './atomicFile';
import {
  appSecretKey,
  keychainSecrets,
  type SecretStore,
  tokenServiceKey,
  tokenServiceQueryKey,
} from './secrets';

export type TokenSourceConfig =
  | { kind: 'secret' }
  /** `url` without its query; `hasQuery`: the query is in the keychain (see splitQuery). */
  | { kind: 'token-url'; url: string; hasCredential: boolean; hasQuery?: boolean }
  | { kind: 'sandbox' };

export interface Account {
  id: string;
  name: string;
  appId: string;
  source: TokenSourceConfig;
  apiBase?: string;
  /** The Num-Used WeChat last reported for the 100,000 quota, and when. */
  numUsed?: number;
  numUsedAt?: string;
}

/**
 * An account as a form or the CLI gives it. Without an id it is new and gets one; `hasCredential`
 * left out keeps what the account had (a credential given with the save sets it). A token URL
 * with a query gives the query anew; without one it keeps the stored query.
 */
export interface AccountDraft {
  id?: string;
  name: string;
  appId: string;
  source:
    | { kind: 'secret' }
    | { kind: 'token-url'; url: string; hasCredential?: boolean; hasQuery?: boolean }
    | { kind: 'sandbox' };
  apiBase?: string;
}

/** Secrets that come with a save. They go to the keychain, never to accounts.json. */
export interface NewSecrets {
  appSecret?: string;
  tokenCredential?: string;
}

/**
 * What a removal left behind: with `keychainError` the account is gone but its keychain entries
 * could not be deleted (the keychain was unreachable), so they may still be stored.
 */
export interface Removal {
  keychainError?: AppError;
}

export interface AccountStore {
  list(): Promise<Account[]>;
  /** By id, else by name (any case), else by AppID. */
  get(idOrName: string): Promise<Account | undefined>;
  save(account: AccountDraft, secrets?: NewSecrets): Promise<Account>;
  /** Also deletes the account's secrets from the keychain; says when it could not reach the keychain. */
  remove(id: string): Promise<Removal>;
  recordNumUsed(id: string, numUsed: number): Promise<void>;
}

const storedAccount: z.ZodType<Account> = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  appId: z.string(),
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('secret') }),
    z.object({
      kind: z.literal('token-url'),
      url: z.string(),
      hasCredential: z.boolean(),
      hasQuery: z.boolean().optional(),
    }),
    z.object({ kind: z.literal('sandbox') }),
  ]),
  apiBase: z.string().optional(),
  numUsed: z.number().int().nonnegative().optional(),
  numUsedAt: z.string().optional(),
});
const accountsFile = z.object({ version: z.literal(1), accounts: z.array(storedAccount) });

/**
 * Accounts in `<dir>/accounts.json`. The file holds no secret: secrets go to `secrets` (the OS
 * keychain by default), and the file is rebuilt from validated fields only, so a secret passed along
 * by mistake cannot reach it.
 */
export function fileAccountStore(dir: string, secrets: SecretStore = keychainSecrets()): AccountStore {
  const path = join(dir, 'accounts.json');
  let last: Promise<unknown> = Promise.resolve();

  /** Read-modify-write steps run one at a time, so parallel Num-Used reports lose nothing. */
  function exclusive<T>(step: () => Promise<T>): Promise<T> {
    const result = last.then(step, step);
    last = result.catch(() => undefined);
    return result;
  }

  async function read(): Promise<Account[]> {
    const parsed = accountsFile.safeParse(await readJsonFile(path, { version: 1, accounts: [] }));
    if (!parsed.success)
      throw new Failure(fileDamaged(path, parsed.error.issues[0]?.message ?? 'unexpected content'));
    return parsed.data.accounts;
  }

  async function write(accounts: Account[]): Promise<void> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(path, `${JSON.stringify({ version: 1, accounts }, null, 2)}\n`, { mode: 0o600 });
  }

  return {
    list: read,

    async get(idOrName) {
      const accounts = await read();
      const wanted = idOrName.trim().toLowerCase();
      return (
        accounts.find((a) => a.id === idOrName) ??
        accounts.find((a) => a.name.toLowerCase() === wanted) ??
        accounts.find((a) => a.appId === wanted)
      );
    },

    save: (draft, given = {}) =>
      exclusive(async () => {
        const accounts = await read();
        const previous = accounts.find((a) => a.id === draft.id);
        const { account, query } = checkedAccount(draft, previous, given, accounts);
        // Keychain first: if it fails, the file does not change, so it never claims a secret the
        // keychain does not hold, nor points a kept one somewhere new.
        if (given.appSecret !== undefined)
          await secrets.set(appSecretKey(account.appId), given.appSecret.trim());
        const credential = given.tokenCredential?.trim();
        if (credential) await secrets.set(tokenServiceKey(account.id), credential);
        if (query) await secrets.set(tokenServiceQueryKey(account.id), query);
        for (const { key, rebinds } of staleKeys(previous, account, given)) {
          // An entry the account would go on using at a new destination must be gone, keychain
          // reachable or not; the others are no longer referenced and may wait.
          await (rebinds ? secrets.delete(key) : forget(secrets, key));
        }
        await write(previous ? accounts.map((a) => (a === previous ? account : a)) : [...accounts, account]);
        return account;
      }),

    remove: (id) =>
      exclusive(async () => {
        const accounts = await read();
        const doomed = accounts.find((a) => a.id === id);
        if (!doomed) return {};
        // Keychain first: once the account is gone from the list, nothing would lead to its secrets.
        let keychainError: AppError | undefined;
        for (const key of keychainKeys(doomed)) {
          try {
            await secrets.delete(key);
          } catch (cause) {
            // Locked: the user can unlock and try again, so nothing changes. Unreachable: retrying
            // here would not help, so the account goes and the caller says the secret may remain.
            if (!(cause instanceof Failure && cause.error.code === 'keychain-unavailable')) throw cause;
            keychainError = cause.error;
          }
        }
        await write(accounts.filter((a) => a !== doomed));
        return keychainError ? { keychainError } : {};
      }),

    recordNumUsed: (id, numUsed) =>
      exclusive(async () => {
        const accounts = await read();
        // A report for an account removed meanwhile has nowhere to go and needs nowhere.
        if (!accounts.some((a) => a.id === id)) return;
        const numUsedAt = new Date().toISOString();
        await write(accounts.map((a) => (a.id === id ? { ...a, numUsed, numUsedAt } : a)));
      }),
  };
}

/**
 * For entries no account refers to any more: a keychain this process cannot reach cannot be
 * cleaned by retrying, so the change goes on (this is what lets a machine without one switch to a
 * token service); an account that would later use such an entry deletes it first (staleKeys).
 * A locked keychain stops it: the user can unlock and try again.
 */
async function forget(secrets: SecretStore, key: string): Promise<void> {
  try {
    await secrets.delete(key);
  } catch (cause) {
    if (!(cause instanceof Failure && cause.error.code === 'keychain-unavailable')) throw cause;
  }
}

const destination = (account: Account): string =>
  credentialDestination(
    account.apiBase,
    account.source.kind === 'token-url' ? account.source.url : undefined,
  );

/** The keychain entries an account uses. */
function keychainKeys(account: Account): string[] {
  const { source } = account;
  if (source.kind === 'secret') return [appSecretKey(account.appId)];
  if (source.kind === 'sandbox') return [];
  return [
    ...(source.hasCredential ? [tokenServiceKey(account.id)] : []),
    ...(source.hasQuery ? [tokenServiceQueryKey(account.id)] : []),
  ];
}

/**
 * Keychain entries the saved account no longer uses. An AppSecret is used only where it was stored
 * for: a new API base (or a new account, which must not adopt an entry left in the keychain by
 * another) drops it unless the same save gives it again, so a page can never redirect a stored one.
 * `rebinds`: the account would otherwise go on using the entry, at its new destination.
 */
function staleKeys(
  previous: Account | undefined,
  next: Account,
  given: NewSecrets,
): { key: string; rebinds: boolean }[] {
  const stale: { key: string; rebinds: boolean }[] = [];
  const wasSecret = previous?.source.kind === 'secret';
  if (wasSecret && (next.source.kind !== 'secret' || next.appId !== previous.appId)) {
    stale.push({ key: appSecretKey(previous.appId), rebinds: false });
  }
  const storedFor = wasSecret && previous.appId === next.appId && destination(previous) === destination(next);
  if (next.source.kind === 'secret' && given.appSecret === undefined && !storedFor) {
    stale.push({ key: appSecretKey(next.appId), rebinds: true });
  }
  const before = previous?.source.kind === 'token-url' ? previous.source : undefined;
  const after = next.source.kind === 'token-url' ? next.source : undefined;
  if (before?.hasCredential && !after?.hasCredential)
    stale.push({ key: tokenServiceKey(next.id), rebinds: false });
  if (before?.hasQuery && !after?.hasQuery)
    stale.push({ key: tokenServiceQueryKey(next.id), rebinds: false });
  return stale;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
function checkedAccount(
  draft: AccountDraft,
  previous: Account | undefined,
  given: NewSecrets,
  accounts: Account[],
): { account: Account; query?: string } {
  const others = accounts.filter((a) => a !== previous);
  const id = draft.id ?? randomUUID();
  if (!ID.test(id)) {
    throw new Failure(badAccountId(id));
  }

  const badName = nameProblem(draft.name);
  if (badName) throw new Failure(badName);
  const name = draft.name.trim();
  const sameName = others.find((a) => a.name.toLowerCase() === name.toLowerCase());
  if (sameName) {
    throw new Failure(nameTaken(sameName.name));
  }

  const badAppId = appIdProblem(draft.appId);
  if (badAppId) throw new Failure(badAppId);
  const appId = draft.appId.trim().toLowerCase();
  const sameApp = others.find((a) => a.appId === appId);
  if (sameApp) {
    throw new Failure(appIdTaken(sameApp.name, appId));
  }

  if (given.appSecret !== undefined) checkAppSecret(given.appSecret, draft.source.kind);
  if (draft.apiBase?.trim()) checkAddress('apiBase', draft.apiBase);
  const apiBase = storedApiBase(draft.apiBase);
  const { source, query } = checkedSource(draft.source, previous, apiBase, given);
  const { numUsed, numUsedAt } = previous?.appId === appId ? previous : {};
  return { account: { id, name, appId, source, apiBase, numUsed, numUsedAt }, query };
}

function checkAppSecret(secret: string, kind: TokenSourceConfig['kind']): void {
  if (kind !== 'secret')
    throw new Error('An AppSecret belongs only to an account whose token source is "secret"');
  const trimmed = secret.trim();
  if (!trimmed || /\s/.test(trimmed) || trimmed.length > 128) {
    throw new Failure(badAppSecret());
  }
}

/**
 * A token service's bearer and query are bound to its URL and to the API base its tokens go to:
 * when either changes, they are dropped unless the same save gives them again.
 */
function checkedSource(
  source: AccountDraft['source'],
  previous: Account | undefined,
  apiBase: string | undefined,
  given: NewSecrets,
): { source: TokenSourceConfig; query?: string } {
  if (source.kind !== 'token-url') {
    if (given.tokenCredential !== undefined) {
      throw new Error(
        'A token-service credential belongs only to an account whose token source is "token-url"',
      );
    }
    return { source: { kind: source.kind } };
  }
  checkAddress('url', source.url);
  const { url, query } = splitQuery(source.url);
  const before = previous?.source.kind === 'token-url' ? previous.source : undefined;
  const kept =
    previous !== undefined &&
    before !== undefined &&
    destination(previous) === credentialDestination(apiBase, url);
  // An empty credential given with the save clears it.
  const hasCredential =
    given.tokenCredential !== undefined
      ? given.tokenCredential.trim() !== ''
      : kept && (source.hasCredential ?? before.hasCredential);
  const hasQuery = query !== undefined || (kept && (source.hasQuery ?? before.hasQuery === true));
  return { source: { kind: 'token-url', url, hasCredential, ...(hasQuery ? { hasQuery } : {}) }, query };
}

/**
 * A token service's query goes to the keychain as a whole, with the bearer, and accounts.json
 * keeps only the address before it. Deciding which parameters are secret (key, sig, k, s, ...)
 * would be a guess that fails the day a service names its key differently; the whole query costs
 * one more keychain entry and never guesses.
 */
function splitQuery(raw: string): { url: string; query?: string } {
  const { search } = new URL(raw.trim());
  return { url: addressWithoutQuery(raw), query: search.length > 1 ? search : undefined };
}

function checkAddress(field: 'url' | 'apiBase', raw: string): void {
  const problem = credentialAddressProblem(field, raw);
  if (problem) throw fieldFailure(field, problem.message, problem.hint);
}

function fieldFailure(field: string, message: Localized, hint: Localized): Failure {
  const error: AppError = { code: 'field', field, message, hint, retryable: false };
  return new Failure(error);
}
