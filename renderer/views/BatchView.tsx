import { useEffect } from 'react';
import { subscribe } from '../api';
import { CheckStep } from '../components/batch/CheckStep';
import { ColumnsStep } from '../components/batch/ColumnsStep';
import { ImportStep } from '../components/batch/ImportStep';
import { MakeStep } from '../components/batch/MakeStep';
import { OutputStep } from '../components/batch/OutputStep';
import { panelId, tabId } from '../components/ViewTabs';
import { useT } from '../i18n';
import { isActive } from '../store/batchRules';
import { useBatch } from '../store/batchStore';
import { useBatchCheck } from '../store/useBatchCheck';
import './batch.css';

/** Many codes from a spreadsheet: set up on the left, see what will happen and run it on the right. */
export function BatchView() {
  const { t } = useT();
  const running = useBatch((s) => s.job !== null && isActive(s.job.progress));
  useBatchCheck();

  useEffect(() => {
    const unsubscribe = subscribe('batch:progress', useBatch.getState().received);
    // A batch keeps running while another view shows: coming back shows it again.
    void useBatch.getState().load();
    return unsubscribe;
  }, []);

  return (
    <main className="batch-view" role="tabpanel" id={panelId('batch')} aria-labelledby={tabId('batch')}>
      <h2 className="visually-hidden">{t('batchHeading')}</h2>
      <div className="batch-setup">
        <ImportStep locked={running} />
        <ColumnsStep locked={running} />
        <OutputStep locked={running} />
      </div>
      <div className="batch-outcome">
        <CheckStep />
        <MakeStep />
      </div>
    </main>
  );
}
