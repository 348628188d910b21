import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PrintOptions } from '../../../shared/ipc/channels';
import { useDebounced } from '../../ui/useDebounced';
import { useCode } from '../code/codeStore';
import { useCodeView } from '../code/codeView';
import { type CheckedPrint, checkPrint } from './printDraft';
import { printKey, usePrint } from './printStore';

/** The Print section's draft checked for the form's code kind. */
export function useCheckedPrint(): CheckedPrint {
  const draft = usePrint((s) => s.draft);
  const kind = useCode((s) => s.draft.kind);
  return useMemo(() => checkPrint(draft, kind), [draft, kind]);
}

export interface PrintTarget {
  codeId: string;
  options: PrintOptions;
}

/**
 * What Save, Copy and Drag act on while print is on: the shown real code with the section's
 * options. Null when print is off, the code is not current, or the options have a problem.
 */
export function usePrintTarget(): PrintTarget | null {
  const on = usePrint((s) => s.draft.on);
  const { options } = useCheckedPrint();
  const { made, inSync } = useCodeView();
  if (!on || !made || !inSync || !options) return null;
  return { codeId: made.code.codeId, options };
}

/** Asks main to compose the target once its options stop changing; the store keeps the answer. */
export function useComposeTarget(target: PrintTarget | null) {
  const compose = usePrint((s) => s.compose);
  const key = target ? printKey(target.codeId, target.options) : null;
  // Typing a label composes on a pause, not on every key.
  const settled = useDebounced(key, 150);
  useEffect(() => {
    if (settled === null) return;
    const [codeId, options] = JSON.parse(settled) as [string, PrintOptions];
    void compose(codeId, options);
  }, [settled, compose]);
}

/** The composed image for the target, when it is the current one. */
export function usePrintedView(target: PrintTarget | null) {
  return usePrint(
    useShallow((s) =>
      target && s.printed?.key === printKey(target.codeId, target.options) ? s.printed.view : null,
    ),
  );
}
