import { useAccounts } from '../accounts/accountsStore';
import { type MadeCode, useCode } from './codeStore';
import { type CheckedDraft, sameRequest } from './draft';

export interface CodeView extends CheckedDraft {
  made: MadeCode | null;
  /** The real image is exactly what the form asks for, from the account in use. */
  inSync: boolean;
  /** The real image is of the same kind, so a local restyle of it is a faithful preview. */
  canRestyle: boolean;
}

export function useCodeView(): CodeView {
  const checked = useCode((s) => s.checked);
  const kind = useCode((s) => s.draft.kind);
  const made = useCode((s) => s.made);
  const activeId = useAccounts((s) => s.activeId);
  const inSync =
    made !== null &&
    checked.request !== null &&
    made.accountId === activeId &&
    sameRequest(made.request, checked.request);
  const canRestyle = made !== null && made.request.kind === kind;
  return { ...checked, made, inSync, canRestyle };
}
