import { panelId, tabId } from '../components/ViewTabs';
import { useT } from '../i18n';

export function HistoryView() {
  const { t } = useT();
  return (
    <main className="history-view" role="tabpanel" id={panelId('history')} aria-labelledby={tabId('history')}>
      <h2>{t('historyHeading')}</h2>
    </main>
  );
}
