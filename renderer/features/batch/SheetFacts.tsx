import type { SheetView } from '../../../shared/batch';
import { formatCount, useT } from '../../i18n';
import { encodingLabel } from './batchRules';

/** What was read: the file, how it was stored, how many rows. */
export function SheetFacts({ sheet }: { sheet: SheetView }) {
  const { t } = useT();
  const encoding = encodingLabel(sheet.encoding, t);
  return (
    <dl className="sheet-facts">
      <div>
        <dt>{t('batchFile')}</dt>
        <dd className="file-name">{sheet.fileName}</dd>
      </div>
      <div>
        <dt>{t('batchFormat')}</dt>
        <dd>{sheet.format === 'csv' ? 'CSV' : t('formatXlsx')}</dd>
      </div>
      {encoding && (
        <div>
          <dt>{t('batchEncoding')}</dt>
          <dd>{encoding}</dd>
        </div>
      )}
      <div>
        <dt>{t('batchRows')}</dt>
        <dd>{formatCount(sheet.rowCount)}</dd>
      </div>
    </dl>
  );
}
