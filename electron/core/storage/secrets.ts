import { createRequire } from 'node:module';
import type { AsyncEntry } from '@napi-rs/keyring';
import { appError } from '../../../shared/errors';
import { keychainReason } from '../../../shared/errors/storage';
import { rememberSecret } from '../../../shared/redact';
import { type AppError, Failure } from '../../../shared/result';

/** Where AppSecrets and token-service credentials live. Nothing else in the app stores them. */
export interface SecretStore {
  get(key: string): Promise<string | null>;
  set(key: string, secret: string): Promise<void>;
  delete(key: string): Promise<void>;
  has(key: string): Promise<boolean>;
}

/** The key of an AppSecret is its AppID. */
export const appSecretKey = (appId: string): string => appId;

/** The key of a token service's bearer credential: per account, as the token service URL is. */
export const tokenServiceKey = (accountId: string): string => `token-service:${accountId}`;

/** The key of the query of a token service's URL, which may carry its key or signature. */
export const tokenServiceQueryKey = (accountId: string): string => `token-service-query:${accountId}`;

/**
 * The OS keychain: Keychain on macOS, Credential Manager on Windows, Secret Service (GNOME Keyring,
 * KWallet) on Linux. There is no plaintext fallback: without a keychain, secrets cannot be kept.
 */
export function keychainSecrets(service = 'wxacode-studio'): SecretStore {
  async function withEntry<T>(
    key: string,
    use: (entry: AsyncEntry) => Promise<T>,
    secret?: string,
  ): Promise<T> {
    const { AsyncEntry } = loadKeyring();
    try {
      // Pinned on Linux: the default would fall back to the kernel keyutils store, which forgets
      // everything at logout; a missing Secret Service must be an error the user can fix.
      return await use(new AsyncEntry(service, key, { linux: { store: 'secret-service' } }));
    } catch (cause) {
      throw new Failure(keychainError(cause, secret));
    }
  }

  // Every secret that passes through is known to the redactor, so no text this process writes holds it.
  const get = (key: string) =>
    withEntry(key, async (entry) => {
      const secret = await entry.getPassword();
      rememberSecret(secret);
      return secret;
    });
  return {
    get,
    set: (key, secret) => {
      rememberSecret(secret);
      return withEntry(key, (entry) => entry.setPassword(secret), secret);
    },
    delete: (key) => withEntry(key, async (entry) => void (await entry.deletePassword())),
    has: async (key) => (await get(key)) !== null,
  };
}

/**
 * Loaded on first use so that code paths without secrets never load the native module. require,
 * not import(): tsx runs a .ts file imported from ESM as a data: URL, where import() of a package
 * cannot resolve.
 */
function loadKeyring(): typeof import('@napi-rs/keyring') {
  try {
    return createRequire(import.meta.url)('@napi-rs/keyring');
  } catch (cause) {
    throw new Failure(keychainReason(appError('keychain-unavailable'), String((cause as Error).message)));
  }
}

/** Keyring failures that describe the platform (D-Bus, daemon, lock state), never a stored value. */
const PLATFORM_REASON = /^(?:Couldn't access platform storage|Platform failure): (.+)$/s;

function keychainError(cause: unknown, secret: string | undefined): AppError {
  const reason = PLATFORM_REASON.exec(cause instanceof Error ? cause.message : '')?.[1]?.trim();
  // Secret Service answers a locked keyring with an unlock prompt, which fails without a person.
  if (reason && /\b(?:locked|unlock)\b|prompt/i.test(reason)) return appError('keychain-locked');
  const error = appError('keychain-unavailable');
  return reason && !(secret && reason.includes(secret)) ? keychainReason(error, reason) : error;
}
