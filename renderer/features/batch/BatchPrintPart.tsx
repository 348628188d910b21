import { OUTPUT_FORMATS, type OutputFormat } from '../../../shared/errors/cli';
import { useT } from '../../i18n';
import { LabelledField } from '../../ui/LabelledField';
import { Switch } from '../../ui/Switch';
import { PosterPicker } from '../posters/PosterPicker';
import { SheetFields } from '../print/SheetFields';
import { useBatchPrint } from './batchPrintStore';
import { ColumnChips } from './ColumnChips';
import { NumberField } from './NumberField';

const DPI = { min: 72, max: 1200, default: 300 };

/** The output step's Print part: labels from the columns, logo, printed size, vector file, sheet. */
export function BatchPrintPart({ headers, disabled }: { headers: readonly string[]; disabled: boolean }) {
  const { t } = useT();
  const p = useBatchPrint();
  return (
    <details className="advanced batch-print">
      <summary>{t('batchPrint')}</summary>
      <fieldset className="advanced-fields" disabled={disabled}>
        <PosterPicker
          id="batch-print-poster"
          value={p.posterId}
          note={t('posterBatchNote')}
          onChange={p.setPoster}
        />
        <LabelledField id="batch-print-labels" label={t('batchPrintLabels')} note={t('batchPrintLabelsNote')}>
          {(aria) => (
            <textarea
              id="batch-print-labels"
              rows={2}
              value={p.labels}
              onChange={(e) => p.setLabels(e.target.value)}
              {...aria}
            />
          )}
        </LabelledField>
        <ColumnChips
          headers={headers}
          inputId="batch-print-labels"
          template={p.labels}
          disabled={disabled}
          onChange={p.setLabels}
        />
        <div className="field logo-field">
          <span className="label" id="batch-print-logo-label">
            {t('batchPrintLogo')}
          </span>
          <div className="folder-row">
            <button type="button" onClick={() => void p.chooseLogo()}>
              {t('batchPrintChooseLogo')}
            </button>
            <output aria-labelledby="batch-print-logo-label" className={p.logo ? 'path' : 'note'}>
              {p.logo?.name ?? t('batchPrintNoLogo')}
            </output>
          </div>
        </div>
        <LabelledField
          id="batch-print-size"
          label={t('batchPrintSize')}
          note={t('batchPrintSizeNote')}
          value={p.printSize}
          onChange={p.setPrintSize}
        />
        <NumberField
          id="batch-print-dpi"
          label={t('batchPrintDpi')}
          note=""
          value={p.dpi}
          limits={DPI}
          onChange={p.setDpi}
        />
        <label className="field" htmlFor="batch-print-format">
          <span className="label">{t('batchPrintFormat')}</span>
          <select
            id="batch-print-format"
            value={p.format}
            onChange={(e) => p.setFormat(e.target.value as OutputFormat)}
          >
            {OUTPUT_FORMATS.map((format) => (
              <option key={format} value={format}>
                {format === 'png' ? t('batchPrintFormatNone') : format.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        <Switch
          id="batch-print-sheet"
          label={t('batchPrintSheet')}
          checked={p.sheet}
          onChange={p.setSheet}
          note={t('batchPrintSheetNote')}
        />
        {p.sheet && (
          <SheetFields
            id="batch-print"
            draft={p.sheetDraft}
            onChange={p.setSheetDraft}
            sizeNote={t('sheetBatchSizeNote')}
          />
        )}
      </fieldset>
    </details>
  );
}
