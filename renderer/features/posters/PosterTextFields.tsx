import { MAX_POSTER_TEXTS } from '../../../shared/poster';
import { useT } from '../../i18n';
import { LabelledField } from '../../ui/LabelledField';
import { PxField } from './PxField';
import { usePosters } from './postersStore';

/** The template's text lines: each its words (with placeholders), anchor point, size, colour, weight. */
export function PosterTextFields() {
  const { t } = useT();
  const editing = usePosters((s) => s.editing);
  const editText = usePosters((s) => s.editText);
  const addText = usePosters((s) => s.addText);
  const removeText = usePosters((s) => s.removeText);
  if (!editing) return null;
  const { width, height } = editing.background;
  return (
    <fieldset className="poster-texts">
      <legend>{t('posterTexts')}</legend>
      <p className="note">{t('posterTextsNote')}</p>
      {editing.draft.texts.map((text, i) => {
        const n = i + 1;
        const id = `poster-text-${n}`;
        return (
          <div className="poster-text" key={id}>
            <LabelledField
              id={id}
              label={t('posterText', { n })}
              value={text.text}
              onChange={(value) => editText(i, { text: value })}
            />
            <div className="poster-row">
              <PxField
                id={`${id}-x`}
                label={t('posterTextX')}
                value={text.x}
                max={width}
                onChange={(x) => editText(i, { x })}
              />
              <PxField
                id={`${id}-y`}
                label={t('posterTextY')}
                value={text.y}
                max={height}
                onChange={(y) => editText(i, { y })}
              />
              <PxField
                id={`${id}-size`}
                label={t('posterTextSize')}
                value={text.size}
                min={4}
                max={2000}
                onChange={(size) => editText(i, { size })}
              />
              <div className="field">
                <label htmlFor={`${id}-colour`}>{t('posterTextColour')}</label>
                <input
                  id={`${id}-colour`}
                  type="color"
                  value={text.colour}
                  onChange={(e) => editText(i, { colour: e.target.value })}
                />
              </div>
            </div>
            <div className="poster-row">
              <label className="field" htmlFor={`${id}-weight`}>
                <span className="label">{t('posterTextWeight')}</span>
                <select
                  id={`${id}-weight`}
                  value={text.weight}
                  onChange={(e) => editText(i, { weight: e.target.value as 'normal' | 'bold' })}
                >
                  <option value="normal">{t('posterRegular')}</option>
                  <option value="bold">{t('posterBold')}</option>
                </select>
              </label>
              <label className="field" htmlFor={`${id}-align`}>
                <span className="label">{t('posterAlign')}</span>
                <select
                  id={`${id}-align`}
                  value={text.align}
                  onChange={(e) => editText(i, { align: e.target.value as 'left' | 'centre' | 'right' })}
                >
                  <option value="left">{t('posterAlignLeft')}</option>
                  <option value="centre">{t('posterAlignCentre')}</option>
                  <option value="right">{t('posterAlignRight')}</option>
                </select>
              </label>
              <button type="button" className="ghost poster-remove" onClick={() => removeText(i)}>
                {t('posterRemoveText', { n })}
              </button>
            </div>
          </div>
        );
      })}
      {editing.draft.texts.length < MAX_POSTER_TEXTS && (
        <button type="button" onClick={() => addText(t('posterNewText'))}>
          {t('posterAddText')}
        </button>
      )}
    </fieldset>
  );
}
