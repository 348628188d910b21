import { MAX_LABEL_CHARACTERS, MAX_LABEL_LINES } from '../../../shared/print/printLimits';
import type { AppError } from '../../../shared/result';
import { useT } from '../../i18n';
import { ProblemText } from '../../ui/LabelledField';
import type { Align } from './printDraft';
import { usePrint } from './printStore';

/** The label lines under (or above) the code: text, place, size, weight, colour and alignment each. */
export function LabelLines({ problem }: { problem: AppError | undefined }) {
  const { t } = useT();
  const labels = usePrint((s) => s.draft.labels);
  const editLabel = usePrint((s) => s.editLabel);
  const addLabel = usePrint((s) => s.addLabel);
  const removeLabel = usePrint((s) => s.removeLabel);
  return (
    <fieldset className="field print-labels">
      <legend>{t('printLabels')}</legend>
      {labels.map((label, i) => {
        const n = i + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a line is its place in the list.
          <div key={i} className="print-label-row">
            <input
              type="text"
              aria-label={t('printLabelText', { n })}
              maxLength={MAX_LABEL_CHARACTERS}
              value={label.text}
              onChange={(e) => editLabel(i, { text: e.target.value })}
            />
            <select
              aria-label={t('printLabelPosition')}
              value={label.position}
              onChange={(e) => editLabel(i, { position: e.target.value as 'above' | 'below' })}
            >
              <option value="below">{t('printBelow')}</option>
              <option value="above">{t('printAbove')}</option>
            </select>
            <input
              type="number"
              aria-label={t('printLabelSize')}
              min={8}
              max={400}
              value={label.size}
              onChange={(e) => editLabel(i, { size: Math.round(Number(e.target.value) || 0) })}
            />
            <label className="print-bold">
              <input
                type="checkbox"
                checked={label.weight === 'bold'}
                onChange={(e) => editLabel(i, { weight: e.target.checked ? 'bold' : 'normal' })}
              />
              {t('printBold')}
            </label>
            <input
              type="color"
              aria-label={t('printLabelColour')}
              value={label.colour}
              onChange={(e) => editLabel(i, { colour: e.target.value })}
            />
            <select
              aria-label={t('printAlign')}
              value={label.align}
              onChange={(e) => editLabel(i, { align: e.target.value as Align })}
            >
              <option value="centre">{t('printAlignCentre')}</option>
              <option value="left">{t('printAlignLeft')}</option>
              <option value="right">{t('printAlignRight')}</option>
            </select>
            <button type="button" className="link" onClick={() => removeLabel(i)}>
              {t('printRemoveLabel', { n })}
            </button>
          </div>
        );
      })}
      <button type="button" disabled={labels.length >= MAX_LABEL_LINES} onClick={addLabel}>
        {t('printAddLabel')}
      </button>
      {problem && <ProblemText fieldId="print-labels" problem={problem} />}
    </fieldset>
  );
}
