import { useEffect } from 'react';
import { useAccounts } from '../accounts/accountsStore';
import { useBatch } from './batchStore';

/**
 * Checks the batch again whenever what it depends on changes: the sheet, the code type, the
 * columns, the batch's settings, the account, or the library (after a run).
 */
export function useBatchCheck(): void {
  const sheetId = useBatch((s) => s.sheet?.sheetId);
  const kind = useBatch((s) => s.kind);
  const mapping = useBatch((s) => s.mapping);
  const settings = useBatch((s) => s.settings);
  const finishedRuns = useBatch((s) => s.finishedRuns);
  const accountId = useAccounts((s) => s.activeId);
  // biome-ignore lint/correctness/useExhaustiveDependencies: sheetId, kind, mapping, settings and finishedRuns are read by check() from the store
  useEffect(() => {
    void useBatch.getState().check(accountId);
  }, [sheetId, kind, mapping, settings, finishedRuns, accountId]);
}
