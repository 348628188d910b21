// Labels follow the code: their size and the space around them scale with the code's width, so a
// label reads the same on a 4 cm print as on a 40 cm one. `generate --label`, `sheet --label` and a
// batch's labels all draw them so.

export interface LabelSizing {
  /** Font size in pixels: about a twelfth of the code's width, never below compose's smallest (8). */
  size: number;
  /** Background around code and labels: a twentieth of the width; none without labels. */
  margin: number;
  /** Between the code and its labels: a fortieth of the width; none without labels. */
  gap: number;
}

/** The label sizes for a code `width` pixels wide carrying `labelCount` label lines. */
export function labelSizing(width: number, labelCount: number): LabelSizing {
  const labelled = labelCount > 0;
  return {
    size: Math.max(8, Math.round(width / 12)),
    margin: labelled ? Math.round(width / 20) : 0,
    gap: labelled ? Math.round(width / 40) : 0,
  };
}
