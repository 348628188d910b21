import { randomUUID } from 'node:crypto';
import { keychainSecrets, type SecretStore } from '../core/storage/secrets';

/**
 * For tests: the keychain of the throwaway session scripts/with-keyring.sh provides, under a service
 * name of its own so runs never meet each other's entries. Fails, with the fix, anywhere else: the
 * tests must not write to the keyring of whoever runs them.
 */
export function throwawayKeychain(): SecretStore {
  if (process.env.WXACODE_THROWAWAY_KEYRING !== '1' || !process.env.DBUS_SESSION_BUS_ADDRESS) {
    throw new Error(
      'These tests need the throwaway keyring session: run them as `bash scripts/with-keyring.sh npx vitest run ...` (npm test does this).',
    );
  }
  return keychainSecrets(`wxacode-studio-test-${randomUUID()}`);
}
