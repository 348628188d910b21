import { useEffect } from 'react';
import { useCode } from './codeStore';
import { useCodeView } from './codeView';
import { useSettings } from './settingsStore';

/** Long enough to be a pause in typing, short enough to feel immediate. */
export const AUTO_GENERATE_DELAY_MS = 800;

/**
 * Unlimited codes cost no quota, so with the option on they are made when the user stops typing.
 * A failed request is not retried until the form changes: the effect runs again only on edits.
 */
export function useAutoGenerate(): void {
  const on = useSettings((s) => s.settings.autoGenerateUnlimited);
  const kind = useCode((s) => s.draft.kind);
  const { request, inSync } = useCodeView();
  useEffect(() => {
    if (!on || kind !== 'unlimited' || !request || inSync) return;
    const timer = setTimeout(() => void useCode.getState().generate(), AUTO_GENERATE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [on, kind, request, inSync]);
}
