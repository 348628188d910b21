import type { TargetWarning } from '../../../shared/targetWarnings';
import { useAccounts } from '../accounts/accountsStore';
import { type MadeCode, useCode } from './codeStore';
import { type CheckedDraft, sameRequest, sameTarget } from './draft';

/**
 * What the preview shows against what the form asks for:
 * - `current`: the real image is exactly the form's request, from the account in use;
 * - `restyled`: the same code at another width, colour or background, repainted locally;
 * - `previous`: a code for another target, version, kind or account: shown only as the previous
 *   code, and never saved, copied or dragged as if it were the form's;
 * - `none`: nothing made yet.
 */
export type Shown = 'none' | 'current' | 'restyled' | 'previous';

export interface CodeView extends CheckedDraft {
  made: MadeCode | null;
  shown: Shown;
  /** The real image is exactly what the form asks for, from the account in use. */
  inSync: boolean;
  /** The form's warning, until the user says to go ahead with this target. */
  pendingWarning: TargetWarning | null;
}

export function useCodeView(): CodeView {
  const checked = useCode((s) => s.checked);
  const draft = useCode((s) => s.draft);
  const made = useCode((s) => s.made);
  const accepted = useCode((s) => s.acceptedWarning);
  const activeId = useAccounts((s) => s.activeId);
  const sameAccount = made !== null && made.accountId === activeId;
  const inSync = sameAccount && checked.request !== null && sameRequest(made.request, checked.request);
  const shown: Shown =
    made === null
      ? 'none'
      : inSync
        ? 'current'
        : sameAccount && sameTarget(draft, made.request)
          ? 'restyled'
          : 'previous';
  const pendingWarning = checked.warning && checked.warning.target !== accepted ? checked.warning : null;
  return { ...checked, made, shown, inSync, pendingWarning };
}
