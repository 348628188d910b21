// Which codes History's multi-select holds, as a file manager's list does it: a click picks one,
// Shift extends from the anchor, Ctrl/Cmd toggles one, Ctrl/Cmd-A picks every code shown.

export interface Picks {
  picked: ReadonlySet<string>;
  /** Where a Shift range starts: the last code clicked or toggled without Shift. */
  anchorId: string | null;
}

export const NO_PICKS: Picks = { picked: new Set(), anchorId: null };

export type PickHow = 'only' | 'toggle' | 'range';

/** The picks after the user picks `codeId` in `order` (the codes shown, top to bottom). */
export function pick(order: readonly string[], picks: Picks, codeId: string, how: PickHow): Picks {
  if (how === 'toggle') {
    const picked = new Set(picks.picked);
    if (picked.has(codeId)) picked.delete(codeId);
    else picked.add(codeId);
    return { picked, anchorId: codeId };
  }
  if (how === 'range' && picks.anchorId !== null) {
    const from = order.indexOf(picks.anchorId);
    const to = order.indexOf(codeId);
    if (from >= 0 && to >= 0) {
      const [low, high] = from < to ? [from, to] : [to, from];
      return { picked: new Set(order.slice(low, high + 1)), anchorId: picks.anchorId };
    }
  }
  return { picked: new Set([codeId]), anchorId: codeId };
}

/** Only the picks still shown (after a search, a deletion, a refresh). */
export function keepShown(order: readonly string[], picks: Picks): Picks {
  const shown = new Set(order);
  const picked = new Set([...picks.picked].filter((id) => shown.has(id)));
  if (picked.size === picks.picked.size) return picks;
  return { picked, anchorId: picks.anchorId !== null && shown.has(picks.anchorId) ? picks.anchorId : null };
}

/** The picked codes in list order, for actions that take them. */
export const pickedInOrder = (order: readonly string[], picks: Picks): string[] =>
  order.filter((id) => picks.picked.has(id));
