import type { AccountStore } from '../core/storage/accounts';

/** What the page hears when WeChat reports an account's Num-Used (see the `accounts:numUsed` event). */
export interface NumUsedReport {
  accountId: string;
  numUsed: number;
}

/**
 * WeChat's Num-Used is a fact about the account, whoever made the code (the form, a batch): main
 * keeps it with the account and tells the page, which keeps no count of its own. The page hears it
 * first, so the count it shows is right even when writing it to disk fails.
 */
export function numUsedKeeper(
  accounts: Pick<AccountStore, 'recordNumUsed'>,
  tell: (report: NumUsedReport) => void,
): AccountStore['recordNumUsed'] {
  return async (accountId, numUsed) => {
    tell({ accountId, numUsed });
    await accounts.recordNumUsed(accountId, numUsed);
  };
}
