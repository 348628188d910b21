import { useEffect } from 'react';
import { subscribe } from '../../app/api';
import { panelId, tabId } from '../../app/ViewTabs';
import { useT } from '../../i18n';
import { ErrorText } from '../../ui/ErrorNotice';
import { useDebounced } from '../../ui/useDebounced';
import { useCode } from '../code/codeStore';
import { HistoryDetail } from './HistoryDetail';
import { HistoryFilters } from './HistoryFilters';
import { HistoryList } from './HistoryList';
import { useHistory } from './historyStore';
import { PickedActions } from './PickedActions';
import './history.css';

/** Long enough to be a pause in typing, short enough that the list seems to follow the keys. */
const SEARCH_DELAY_MS = 250;

/** Every code in the library, searchable, with the selected one large and its actions. */
export function HistoryView() {
  const { t } = useT();
  const { query: typed, accountId, kind, campaign, batch } = useHistory((s) => s.filter);
  const loadCampaigns = useHistory((s) => s.loadCampaigns);
  const load = useHistory((s) => s.load);
  const error = useHistory((s) => s.error);
  const dismissError = useHistory((s) => s.dismissError);
  const query = useDebounced(typed, SEARCH_DELAY_MS);

  // Opening the view mounts it, so the list is read afresh each time it is opened.
  useEffect(() => {
    void load({ query, accountId, kind, campaign, batch });
  }, [load, query, accountId, kind, campaign, batch]);

  // Batches made since the view was last shown (here, or by the CLI) are among the campaigns.
  useEffect(() => {
    void loadCampaigns();
  }, [loadCampaigns]);

  // A code made meanwhile (the form's auto-generate runs in the background) joins the list.
  useEffect(
    () =>
      useCode.subscribe((state, before) => {
        if (state.made !== before.made) void load(useHistory.getState().listedFor);
      }),
    [load],
  );

  // So do a batch's codes, made in the main process while this view is shown.
  useEffect(() => subscribe('batch:progress', useHistory.getState().batchUpdated), []);

  return (
    <div className="history-view" role="tabpanel" id={panelId('history')} aria-labelledby={tabId('history')}>
      <section className="history-browser" aria-labelledby="history-heading">
        <h2 id="history-heading">{t('historyHeading')}</h2>
        <HistoryFilters />
        <div role="alert" className={error ? 'error-notice history-error' : 'error-notice empty'}>
          {error && <ErrorText error={error} onDismiss={dismissError} />}
        </div>
        <PickedActions />
        <HistoryList />
      </section>
      <HistoryDetail />
    </div>
  );
}
