import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAccounts } from '../accounts/accountsStore';
import { useCode } from '../code/codeStore';
import { styleOf } from './batchRules';
import { useBatch } from './batchStore';

/**
 * Checks the batch again whenever what it depends on changes: the sheet, the code type, the
 * columns, the account, the form's styling, or the library (after a run).
 */
export function useBatchCheck(): void {
  const sheetId = useBatch((s) => s.sheet?.sheetId);
  const kind = useBatch((s) => s.kind);
  const mapping = useBatch((s) => s.mapping);
  const finishedRuns = useBatch((s) => s.finishedRuns);
  const accountId = useAccounts((s) => s.activeId);
  // Compared field by field, so typing a page path (not part of the style) checks nothing again.
  const style = useCode(useShallow((s) => styleOf(s.draft)));
  // biome-ignore lint/correctness/useExhaustiveDependencies: sheetId, kind, mapping and finishedRuns are read by check() from the store
  useEffect(() => {
    void useBatch.getState().check(accountId, style);
  }, [sheetId, kind, mapping, finishedRuns, accountId, style]);
}
