import { describe, expect, it } from 'vitest';
import { keepShown, NO_PICKS, type Picks, pick, pickedInOrder } from './historyPicks';

const ORDER = ['a', 'b', 'c', 'd', 'e'];
const ids = (picks: Picks) => pickedInOrder(ORDER, picks);

describe('History’s multi-select', () => {
  it('picks one on a click, a range from the anchor on Shift, toggles on Ctrl/Cmd', () => {
    const one = pick(ORDER, NO_PICKS, 'b', 'only');
    expect(ids(one)).toEqual(['b']);
    const range = pick(ORDER, one, 'd', 'range');
    expect(ids(range)).toEqual(['b', 'c', 'd']);
    // The anchor stays: Shift upwards from it replaces the range.
    expect(ids(pick(ORDER, range, 'a', 'range'))).toEqual(['a', 'b']);
    const toggled = pick(ORDER, range, 'c', 'toggle');
    expect(ids(toggled)).toEqual(['b', 'd']);
    // A toggle moves the anchor: the next Shift range starts there.
    expect(ids(pick(ORDER, toggled, 'e', 'range'))).toEqual(['c', 'd', 'e']);
    // Shift with nothing picked yet picks the one.
    expect(ids(pick(ORDER, NO_PICKS, 'c', 'range'))).toEqual(['c']);
  });

  it('keeps only picks still shown after a search or a deletion', () => {
    const picks = pick(ORDER, pick(ORDER, NO_PICKS, 'a', 'only'), 'c', 'range');
    const kept = keepShown(['b', 'c', 'x'], picks);
    expect([...kept.picked]).toEqual(['b', 'c']);
    expect(kept.anchorId).toBeNull();
    expect(keepShown(ORDER, picks)).toBe(picks);
  });
});
