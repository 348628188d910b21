import { DEFAULT_WIDTH, MAX_WIDTH, MIN_WIDTH } from '../../../shared/codeRequest';
import { useT } from '../../i18n';
import { LabelledField } from '../../ui/LabelledField';
import { useCode } from './codeStore';
import { useShownError } from './shownErrors';

/** A slider for feel and a number box for exact pixels, both editing the same value. */
export function WidthField() {
  const { t } = useT();
  const width = useCode((s) => s.draft.width);
  const edit = useCode((s) => s.edit);
  const error = useShownError('width');
  const typed = Number(width);
  const sliderValue = Number.isFinite(typed) && width.trim() !== '' ? typed : DEFAULT_WIDTH;
  return (
    <LabelledField id="width-number" label={t('width')} labelFor="width-slider" problem={error}>
      {(aria) => (
        <div className="width-row">
          <input
            id="width-slider"
            type="range"
            min={MIN_WIDTH}
            max={MAX_WIDTH}
            step={1}
            value={Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, sliderValue))}
            onChange={(e) => edit({ width: e.target.value })}
          />
          <div className="number-box">
            <input
              id="width-number"
              type="number"
              inputMode="numeric"
              min={MIN_WIDTH}
              max={MAX_WIDTH}
              value={width}
              aria-label={t('widthPixels')}
              {...aria}
              onChange={(e) => edit({ width: e.target.value })}
            />
            <span aria-hidden="true">px</span>
          </div>
        </div>
      )}
    </LabelledField>
  );
}
