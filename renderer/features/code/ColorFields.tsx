import { formatHexColor, parseHexColor } from '../../../shared/validateCodeRequest';
import { useSettings } from '../../app/settingsStore';
import { useT } from '../../i18n';
import { fieldAria, ProblemText } from '../../ui/LabelledField';
import { Switch } from '../../ui/Switch';
import { useCode } from './codeStore';
import { useShownError } from './shownErrors';

/** Line colour (picker, hex box, recent colours) and the two switches that change how lines look. */
export function ColorFields() {
  const { t } = useT();
  const lineColor = useCode((s) => s.draft.lineColor);
  const autoColor = useCode((s) => s.draft.autoColor);
  const transparent = useCode((s) => s.draft.transparent);
  const error = useShownError('lineColor');
  const edit = useCode((s) => s.edit);
  const recent = useSettings((s) => s.settings.recentColors);
  const parsed = parseHexColor(lineColor);
  const pickerValue = parsed ? formatHexColor(parsed) : '#000000';
  return (
    <>
      <fieldset className="field color-field" disabled={autoColor}>
        <legend>{t('lineColor')}</legend>
        <div className="color-row">
          <input
            id="line-color-picker"
            type="color"
            value={pickerValue}
            aria-label={t('lineColorPicker')}
            onChange={(e) => edit({ lineColor: e.target.value })}
          />
          <input
            id="line-color-hex"
            type="text"
            className="hex"
            value={lineColor}
            spellCheck={false}
            autoComplete="off"
            aria-label={t('lineColorHex')}
            {...fieldAria('line-color-hex', error)}
            onChange={(e) => edit({ lineColor: e.target.value })}
          />
          {recent.length > 0 && (
            <ul className="swatches" aria-label={t('recentColors')}>
              {recent.map((hex) => (
                <li key={hex}>
                  <button
                    type="button"
                    className="swatch"
                    style={{ background: hex }}
                    aria-label={t('useColor', { hex })}
                    title={hex}
                    aria-pressed={pickerValue === hex}
                    onClick={() => edit({ lineColor: hex })}
                  />
                </li>
              ))}
            </ul>
          )}
        </div>
        {error && <ProblemText fieldId="line-color-hex" problem={error} />}
      </fieldset>
      <Switch
        id="auto-color"
        label={t('autoColor')}
        checked={autoColor}
        onChange={(autoColor) => edit({ autoColor })}
      />
      <Switch
        id="transparent"
        label={t('transparent')}
        checked={transparent}
        onChange={(transparent) => edit({ transparent })}
      />
    </>
  );
}
