import { DEFAULT_WIDTH, MAX_WIDTH, MIN_WIDTH } from '../../../shared/codeRequest';
import { useT } from '../../i18n';
import { type FieldProblem, LabelledField } from '../../ui/LabelledField';

interface Props {
  /** Prefixes the controls' ids, so the form and the Batch view each have their own. */
  idPrefix?: string;
  value: string;
  onChange(width: string): void;
  problem?: FieldProblem | undefined;
}

/** A slider for feel and a number box for exact pixels, both editing the same value. */
export function WidthField({ idPrefix = '', value: width, onChange, problem }: Props) {
  const { t } = useT();
  const typed = Number(width);
  const sliderValue = Number.isFinite(typed) && width.trim() !== '' ? typed : DEFAULT_WIDTH;
  return (
    <LabelledField
      id={`${idPrefix}width-number`}
      label={t('width')}
      labelFor={`${idPrefix}width-slider`}
      problem={problem}
    >
      {(aria) => (
        <div className="width-row">
          <input
            id={`${idPrefix}width-slider`}
            type="range"
            min={MIN_WIDTH}
            max={MAX_WIDTH}
            step={1}
            value={Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, sliderValue))}
            onChange={(e) => onChange(e.target.value)}
          />
          <div className="number-box">
            <input
              id={`${idPrefix}width-number`}
              type="number"
              inputMode="numeric"
              min={MIN_WIDTH}
              max={MAX_WIDTH}
              value={width}
              aria-label={t('widthPixels')}
              {...aria}
              onChange={(e) => onChange(e.target.value)}
            />
            <span aria-hidden="true">px</span>
          </div>
        </div>
      )}
    </LabelledField>
  );
}
