import { useEffect } from 'react';
import { subscribe } from '../../app/api';
import { panelId, tabId } from '../../app/ViewTabs';
import { useT } from '../../i18n';
import { isActive } from './batchRules';
import { useBatch } from './batchStore';
import { CheckStep } from './CheckStep';
import { ColumnsStep } from './ColumnsStep';
import { ImportStep } from './ImportStep';
import { MakeStep } from './MakeStep';
import { OutputStep } from './OutputStep';
import { useBatchCheck } from './useBatchCheck';
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
    <div className="batch-view" role="tabpanel" id={panelId('batch')} aria-labelledby={tabId('batch')}>
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
    </div>
  );
}
