import { beforeEach, describe, expect, it } from 'vitest';
import { type AccountStore, fileAccountStore } from '../core/storage/accounts';
import { tempFolderFor } from '../testing/tempFolder';
import { throwawayKeychain } from '../testing/throwawayKeyring';
import { type NumUsedReport, numUsedKeeper } from './numUsed';

let dir: string;
let accounts: AccountStore;
beforeEach(async (test) => {
  dir = await tempFolderFor(test, 'num-used');
  accounts = fileAccountStore(dir, throwawayKeychain());
});

describe('Num-Used', () => {
  it('is kept with the account and told to the page, the latest report last', async () => {
    const { id } = await accounts.save({
      name: 'Shop',
      appId: 'wx0123456789abcdef',
      source: { kind: 'sandbox' },
    });
    const told: NumUsedReport[] = [];
    const record = numUsedKeeper(accounts, (report) => told.push(report));
    await record(id, 41);
    await record(id, 42);
    expect(told).toEqual([
      { accountId: id, numUsed: 41 },
      { accountId: id, numUsed: 42 },
    ]);
    expect((await fileAccountStore(dir).list())[0]).toMatchObject({ id, numUsed: 42 });
  });

  it('reaches the page even when it cannot be written to disk', async () => {
    const told: NumUsedReport[] = [];
    const full = { recordNumUsed: () => Promise.reject(new Error('ENOSPC: no space left on device')) };
    await expect(numUsedKeeper(full, (report) => told.push(report))('a', 7)).rejects.toThrow('ENOSPC');
    expect(told).toEqual([{ accountId: 'a', numUsed: 7 }]);
  });
});
