import { secretMisplaced } from '../../shared/errors/accounts';
import { Failure } from '../../shared/result';
import type { Services } from '../app/services';
import type { HandlerTable } from '../main/ipc';

type AccountHandlers = Pick<
  HandlerTable,
  'accounts:list' | 'accounts:save' | 'accounts:remove' | 'accounts:forgetSecret' | 'accounts:test'
>;

export function accountHandlers({ accountService: accounts, pageLists }: Services): AccountHandlers {
  return {
    'accounts:list': () => accounts.list(),

    'accounts:save': async ({ account, secret, tokenCredential }) => {
      if (secret !== undefined && account.source.kind !== 'secret') throw misplaced('secret');
      if (tokenCredential !== undefined && account.source.kind !== 'token-url')
        throw misplaced('tokenCredential');
      return accounts.save(account, { appSecret: secret, tokenCredential });
    },

    'accounts:remove': async ({ id }) => {
      await accounts.remove(id);
      await pageLists.drop(id);
      return { removed: true };
    },

    'accounts:forgetSecret': ({ id }) => accounts.forgetSecret(id),

    'accounts:test': async ({ id }) => ({ expiresInSeconds: await accounts.test(id) }),
  };
}

function misplaced(field: 'secret' | 'tokenCredential'): Failure {
  return new Failure(secretMisplaced(field));
}
