import { panelId, tabId } from '../components/ViewTabs';
import { useT } from '../i18n';

export function BatchView() {
  const { t } = useT();
  return (
    <main className="batch-view" role="tabpanel" id={panelId('batch')} aria-labelledby={tabId('batch')}>
      <h2>{t('batchHeading')}</h2>
    </main>
  );
}
