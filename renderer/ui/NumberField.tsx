import { wholeNumber } from '../features/batch/batchRules';
import { useT } from '../i18n';
import { describedBy } from './FieldMessage';

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
  const { t } = useT();
  const bad = wholeNumber(value, limits) === undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={limits.min}
        max={limits.max}
        value={value}
        aria-invalid={bad ? true : undefined}
        aria-describedby={describedBy(bad && `${id}-error`, `${id}-note`)}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${id}-note`} className="note">
        {note}
      </p>
      {bad && (
        <p id={`${id}-error`} className="field-error">
          <span>{t('wholeNumberProblem', { label, min: limits.min, max: limits.max })}</span>{' '}
          <span className="fix">{`${t('fixPrefix')} ${t('wholeNumberFix', { value: limits.default })}`}</span>
        </p>
      )}
    </div>
  );
}
