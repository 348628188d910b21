import { CODE_KINDS, type CodeKind } from '../../../shared/codeRequest';
import { useT } from '../../i18n';
import { useAccounts } from '../accounts/accountsStore';
import { KIND_LABELS } from '../code/codeFacts';
import { CampaignFilter } from './CampaignFilter';
import { useHistory } from './historyStore';

/** Search and the filters; each select says "All …" when it filters nothing. */
export function HistoryFilters() {
  const { t } = useT();
  const filter = useHistory((s) => s.filter);
  const setFilter = useHistory((s) => s.setFilter);
  const accounts = useAccounts((s) => s.accounts);
  return (
    <div className="history-filters">
      <label htmlFor="history-search" className="visually-hidden">
        {t('historySearch')}
      </label>
      <input
        id="history-search"
        type="search"
        value={filter.query}
        placeholder={t('historySearchPlaceholder')}
        spellCheck={false}
        autoComplete="off"
        maxLength={200}
        onChange={(e) => setFilter({ query: e.target.value })}
      />
      <div className="history-selects">
        <label htmlFor="history-account" className="visually-hidden">
          {t('historyAccountFilter')}
        </label>
        <select
          id="history-account"
          value={filter.accountId}
          onChange={(e) => setFilter({ accountId: e.target.value })}
        >
          <option value="">{t('historyAllAccounts')}</option>
          {accounts.map((account) => (
            <option key={account.id} value={account.id}>
              {account.name}
            </option>
          ))}
        </select>
        <label htmlFor="history-kind" className="visually-hidden">
          {t('historyKindFilter')}
        </label>
        <select
          id="history-kind"
          value={filter.kind}
          onChange={(e) => setFilter({ kind: e.target.value as CodeKind | '' })}
        >
          <option value="">{t('historyAllKinds')}</option>
          {CODE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(KIND_LABELS[kind])}
            </option>
          ))}
        </select>
      </div>
      <CampaignFilter />
    </div>
  );
}
