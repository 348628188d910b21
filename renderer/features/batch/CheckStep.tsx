import { useT } from '../../i18n';
import { ErrorText } from '../../ui/ErrorNotice';
import { BadRowsTable } from './BadRowsTable';
import { useBatch } from './batchStore';
import { CheckCounts } from './CheckCounts';
import { Step } from './Step';

/** Every row checked before anything is sent: what will be made, what is skipped and why. */
export function CheckStep() {
  const { t } = useT();
  const hasSheet = useBatch((s) => s.sheet !== null);
  const kind = useBatch((s) => s.kind);
  const plan = useBatch((s) => s.plan);
  const planning = useBatch((s) => s.planning);
  const error = useBatch((s) => s.planError);
  return (
    <Step id="batch-check" number={4} title={t('stepCheck')}>
      <div aria-live="polite" aria-busy={planning}>
        {!hasSheet ? (
          <p className="note">{t('checkEmpty')}</p>
        ) : !kind ? (
          <p className="note">{t('kindUnclear')}</p>
        ) : error ? (
          <div className="inline-error">
            <ErrorText error={error} />
          </div>
        ) : !plan ? (
          <p className="note">{t('checking')}</p>
        ) : (
          <>
            <CheckCounts plan={plan} />
            {plan.invalidCount > 0 ? (
              <p className="note attention">{t('badRowsSkipped')}</p>
            ) : (
              <p className="all-valid">{t('allValid')}</p>
            )}
          </>
        )}
      </div>
      {!error && plan && plan.invalid.length > 0 && <BadRowsTable rows={plan.invalid} />}
    </Step>
  );
}
