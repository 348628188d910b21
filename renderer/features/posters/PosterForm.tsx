import { useT } from '../../i18n';
import { LabelledField } from '../../ui/LabelledField';
import { Segmented } from '../../ui/Segmented';
import { PosterTextFields } from './PosterTextFields';
import { PxField } from './PxField';
import { usePosters } from './postersStore';

const CM_PER_INCH = 2.54;
/** Screens 72, posters seen from afar 150, print shops 300 and up. */
const DPI_CHOICES = [72, 150, 200, 300, 600];
const oneDecimal = (n: number) => String(Math.round(n * 10) / 10);

/** The template being edited: name, background, the code's slot, DPI, what a batch writes, its texts. */
export function PosterForm() {
  const { t } = useT();
  const editing = usePosters((s) => s.editing);
  const edit = usePosters((s) => s.edit);
  const chooseBackground = usePosters((s) => s.chooseBackground);
  if (!editing) return null;
  const { draft, background } = editing;
  const { width, height } = background;
  const slotCm = (draft.code.size / draft.dpi) * CM_PER_INCH;
  return (
    <div className="poster-form">
      <LabelledField
        id="poster-name"
        label={t('posterName')}
        value={draft.name}
        onChange={(name) => edit({ name })}
      />
      <div className="field">
        <span className="label" id="poster-background-label">
          {t('posterBackground')}
        </span>
        <div className="folder-row">
          <button type="button" onClick={() => void chooseBackground(draft.name)}>
            {t('posterChooseBackground')}
          </button>
          <output aria-labelledby="poster-background-label" className="path">
            {`${background.name} · ${width} × ${height}`}
          </output>
        </div>
      </div>
      <fieldset className="poster-slot">
        <legend>{t('posterSlot')}</legend>
        <div className="poster-row">
          <PxField
            id="poster-slot-x"
            label={t('posterSlotX')}
            value={draft.code.x}
            max={width}
            onChange={(x) => edit({ code: { ...draft.code, x } })}
          />
          <PxField
            id="poster-slot-y"
            label={t('posterSlotY')}
            value={draft.code.y}
            max={height}
            onChange={(y) => edit({ code: { ...draft.code, y } })}
          />
          <PxField
            id="poster-slot-size"
            label={t('posterSlotSize')}
            value={draft.code.size}
            min={1}
            max={Math.min(width, height)}
            onChange={(size) => edit({ code: { ...draft.code, size } })}
          />
        </div>
        <p className="note">
          {t('posterSlotShare', {
            share: Math.round((draft.code.size / width) * 100),
            cm: oneDecimal(slotCm),
          })}
        </p>
      </fieldset>
      <div className="poster-row">
        <label className="field" htmlFor="poster-dpi">
          <span className="label">{t('posterDpi')}</span>
          <select id="poster-dpi" value={draft.dpi} onChange={(e) => edit({ dpi: Number(e.target.value) })}>
            {[...new Set([...DPI_CHOICES, draft.dpi])].map((dpi) => (
              <option key={dpi} value={dpi}>
                {dpi}
              </option>
            ))}
          </select>
        </label>
        <div className="field">
          <Segmented
            name="poster-output"
            legend={t('posterOutput')}
            value={draft.output}
            options={[
              { value: 'png', label: 'PNG' },
              { value: 'pdf', label: 'PDF' },
            ]}
            onChange={(output) => edit({ output })}
          />
        </div>
      </div>
      <PosterTextFields />
    </div>
  );
}
