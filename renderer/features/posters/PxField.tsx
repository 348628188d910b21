import { LabelledField } from '../../ui/LabelledField';

interface Props {
  id: string;
  label: string;
  value: number;
  max: number;
  min?: number;
  note?: string;
  onChange(value: number): void;
}

/** A whole number of pixels of the background; main checks the layout and names what is off. */
export function PxField({ id, label, value, max, min = 0, note, onChange }: Props) {
  return (
    <LabelledField id={id} label={label} {...(note ? { note } : {})}>
      {(aria) => (
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          value={value}
          {...aria}
          onChange={(e) => onChange(Math.min(max, Math.max(min, Math.round(Number(e.target.value) || 0))))}
        />
      )}
    </LabelledField>
  );
}
