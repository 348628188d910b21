import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../../shared/ipc/channels';
import { useAccounts } from './accountsStore';

const account = (id: string): AccountView => ({
  id,
  name: id,
  appId: `wx${id}`,
  source: { kind: 'sandbox' },
});

describe('the accounts store', () => {
  it('shows the Num-Used main reports on that account, whichever account is in use', () => {
    useAccounts.setState({ accounts: [account('a'), account('b')], activeId: 'a' });
    useAccounts.getState().numUsedReported({ accountId: 'b', numUsed: 9 });
    useAccounts.getState().numUsedReported({ accountId: 'gone', numUsed: 3 });
    expect(useAccounts.getState().accounts.map((a) => [a.id, a.numUsed])).toEqual([
      ['a', undefined],
      ['b', 9],
    ]);
  });
});
