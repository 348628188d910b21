import { useEffect } from 'react';
import { useSettings } from '../../app/settingsStore';
import { useAccounts } from '../accounts/accountsStore';
import { useCode } from './codeStore';
import { useCodeView } from './codeView';
import { sameRequest } from './draft';

/** Long enough to be a pause in typing, short enough to feel immediate. */
export const AUTO_GENERATE_DELAY_MS = 800;

/**
 * Unlimited codes cost no quota, so with the option on they are made when the user stops typing.
 * Nothing is asked while a call runs; when it ends the effect runs again, so an edit made meanwhile
 * is made then. A failed request is not retried until the form or the account changes.
 */
export function useAutoGenerate(): void {
  const on = useSettings((s) => s.settings.autoGenerateUnlimited);
  const kind = useCode((s) => s.draft.kind);
  const busy = useCode((s) => s.busy);
  const failed = useCode((s) => s.failed);
  const accountId = useAccounts((s) => s.activeId);
  const { request, inSync, pendingWarning } = useCodeView();
  const failedAlready =
    failed !== null &&
    request !== null &&
    failed.accountId === accountId &&
    sameRequest(failed.request, request);
  useEffect(() => {
    // A page the form warns about waits for the user's word, as a pressed Generate does.
    if (!on || kind !== 'unlimited' || !request || inSync || busy || failedAlready || pendingWarning) return;
    const timer = setTimeout(() => void useCode.getState().generate(), AUTO_GENERATE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [on, kind, request, inSync, busy, failedAlready, pendingWarning]);
}
