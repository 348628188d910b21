import { LabelledField } from '../../ui/LabelledField';
import { wholeNumber } from './batchRules';

interface Props {
  id: string;
  label: string;
  note: string;
  value: string;
  limits: { min: number; max: number; default: number };
  onChange(value: string): void;
}

/** A whole number within limits, kept as typed so a half-typed value is flagged, not corrected. */
export function NumberField({ id, label, note, value, limits, onChange }: Props) {
  const bad = wholeNumber(value, limits) === undefined;
  const problem = bad
    ? {
        message: { key: 'wholeNumberProblem' as const, params: { label, min: limits.min, max: limits.max } },
        hint: { key: 'wholeNumberFix' as const, params: { value: limits.default } },
      }
    : undefined;
  return (
    <LabelledField id={id} label={label} note={note} problem={problem}>
      {(aria) => (
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={limits.min}
          max={limits.max}
          value={value}
          {...aria}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </LabelledField>
  );
}
