import type { CodeKind } from '../../../shared/codeRequest';
import { useT } from '../../i18n';
import { Segmented } from '../../ui/Segmented';
import { BatchSettings } from './BatchSettings';
import { columnsFor, requiredColumn } from './batchRules';
import { useBatch } from './batchStore';
import { ColumnSelect } from './ColumnSelect';
import { Step } from './Step';

/** The code type, which column holds what, and the batch's own settings for every row. */
export function ColumnsStep({ locked }: { locked: boolean }) {
  const { t } = useT();
  const hasSheet = useBatch((s) => s.sheet !== null);
  const kind = useBatch((s) => s.kind);
  const setKind = useBatch((s) => s.setKind);
  const planError = useBatch((s) => s.planError);
  return (
    <Step id="batch-columns" number={2} title={t('stepColumns')} locked={locked || !hasSheet}>
      {!hasSheet ? (
        <p className="note">{t('columnsEmpty')}</p>
      ) : (
        <>
          <Segmented<CodeKind>
            name="batch-kind"
            legend={t('kind')}
            value={kind ?? ('' as CodeKind)}
            onChange={setKind}
            options={[
              { value: 'limited', label: t('kindLimited') },
              { value: 'unlimited', label: t('kindUnlimited') },
              { value: 'qrcode', label: t('kindQrcode') },
            ]}
          />
          {kind === null ? (
            <p className="note attention">{t('kindUnclear')}</p>
          ) : (
            <>
              <fieldset className="column-grid">
                <legend>{t('columnsLegend')}</legend>
                {columnsFor(kind).map((column) => {
                  const required = column === requiredColumn(kind);
                  // Only a missing required column is this select's fault; a bad width is the settings'.
                  const error = required && planError?.field === column ? planError : undefined;
                  return <ColumnSelect key={column} column={column} required={required} error={error} />;
                })}
              </fieldset>
              <BatchSettings kind={kind} />
            </>
          )}
        </>
      )}
    </Step>
  );
}
