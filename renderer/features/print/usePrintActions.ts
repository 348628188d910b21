import { useMemo } from 'react';
import type { CodeActions } from '../code/PreviewActions';
import { usePrint } from './printStore';
import { type PrintTarget, useComposeTarget, usePrintedView, usePrintTarget } from './usePrinted';

/**
 * For the preview pane, while print is on: what to show (and compose), its size once composed, and
 * Save and Copy of the composed code, which main composes again from the same inputs.
 */
export function usePrintActions(): {
  target: PrintTarget | null;
  size: { width: number; height: number } | null;
  actions: CodeActions | undefined;
} {
  const target = usePrintTarget();
  useComposeTarget(target);
  const view = usePrintedView(target);
  const save = usePrint((s) => s.save);
  const copy = usePrint((s) => s.copy);
  const actions = useMemo(
    () =>
      target
        ? {
            save: (codeId: string) => save(codeId, target.options),
            copy: (codeId: string) => copy(codeId, target.options),
          }
        : undefined,
    [target, save, copy],
  );
  return { target, size: view ? { width: view.width, height: view.height } : null, actions };
}
