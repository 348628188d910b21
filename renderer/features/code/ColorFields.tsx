import { formatHexColor, parseHexColor } from '../../../shared/validateCodeRequest';
import { useSettings } from '../../app/settingsStore';
import { useT } from '../../i18n';
import { type FieldProblem, fieldAria, ProblemText } from '../../ui/LabelledField';
import { Switch } from '../../ui/Switch';

/** The three values these fields edit, as the form and the batch settings both hold them. */
export interface ColorValues {
  lineColor: string;
  autoColor: boolean;
  transparent: boolean;
}

interface Props {
  /** Prefixes the controls' ids, so the form and the Batch view each have their own. */
  idPrefix?: string;
  value: ColorValues;
  onChange(change: Partial<ColorValues>): void;
  problem?: FieldProblem | undefined;
}

/** Line colour (picker, hex box, recent colours) and the two switches that change how lines look. */
export function ColorFields({ idPrefix = '', value, onChange, problem }: Props) {
  const { t } = useT();
  const { lineColor, autoColor, transparent } = value;
  const recent = useSettings((s) => s.settings.recentColors);
  const parsed = parseHexColor(lineColor);
  const pickerValue = parsed ? formatHexColor(parsed) : '#000000';
  const hexId = `${idPrefix}line-color-hex`;
  return (
    <>
      <fieldset className="field color-field" disabled={autoColor}>
        <legend>{t('lineColor')}</legend>
        <div className="color-row">
          <input
            id={`${idPrefix}line-color-picker`}
            type="color"
            value={pickerValue}
            aria-label={t('lineColorPicker')}
            onChange={(e) => onChange({ lineColor: e.target.value })}
          />
          <input
            id={hexId}
            type="text"
            className="hex"
            value={lineColor}
            spellCheck={false}
            autoComplete="off"
            aria-label={t('lineColorHex')}
            {...fieldAria(hexId, problem)}
            onChange={(e) => onChange({ lineColor: e.target.value })}
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
                    onClick={() => onChange({ lineColor: hex })}
                  />
                </li>
              ))}
            </ul>
          )}
        </div>
        {problem && <ProblemText fieldId={hexId} problem={problem} />}
      </fieldset>
      <Switch
        id={`${idPrefix}auto-color`}
        label={t('autoColor')}
        checked={autoColor}
        onChange={(autoColor) => onChange({ autoColor })}
      />
      <Switch
        id={`${idPrefix}transparent`}
        label={t('transparent')}
        checked={transparent}
        onChange={(transparent) => onChange({ transparent })}
      />
    </>
  );
}
