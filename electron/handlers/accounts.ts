import { Failure } from '../../shared/result';
import type { Services } from '../app/services';
import type { HandlerTable } from '../main/ipc';

type AccountHandlers = Pick<
  HandlerTable,
  'accounts:list' | 'accounts:save' | 'accounts:remove' | 'accounts:forgetSecret' | 'accounts:test'
>;

export function accountHandlers({ accountService: accounts }: Services): AccountHandlers {
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
      return { removed: true };
    },

    'accounts:forgetSecret': ({ id }) => accounts.forgetSecret(id),

    'accounts:test': async ({ id }) => ({ expiresInSeconds: await accounts.test(id) }),
  };
}

function misplaced(field: 'secret' | 'tokenCredential'): Failure {
  const what =
    field === 'secret'
      ? { en: 'An AppSecret', zh: 'AppSecret', kind: { en: 'AppSecret', zh: 'AppSecret' } }
      : {
          en: 'A token service credential',
          zh: '令牌服务凭据',
          kind: { en: 'token service', zh: '令牌服务' },
        };
  return new Failure({
    code: 'field',
    field,
    message: {
      en: `${what.en} was given for an account that does not use one.`,
      zh: `为不使用${what.zh}的账号提供了${what.zh}。`,
    },
    hint: {
      en: `Choose “${what.kind.en}” as the account’s token source, or leave it empty.`,
      zh: `请把账号的令牌来源设为“${what.kind.zh}”，或留空。`,
    },
    retryable: false,
  });
}
