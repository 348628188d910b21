import { useT } from '../../i18n';
import { useAccounts } from './accountsStore';

export function AccountSelect() {
  const { t } = useT();
  const accounts = useAccounts((s) => s.accounts);
  const activeId = useAccounts((s) => s.activeId);
  const select = useAccounts((s) => s.select);
  return (
    <div className="account-select">
      <label htmlFor="account-select" className="muted-label">
        {t('statusAccount')}
      </label>
      <select id="account-select" value={activeId ?? ''} onChange={(e) => select(e.target.value)}>
        {accounts.map((account) => (
          <option key={account.id} value={account.id}>
            {account.name} ({account.appId})
          </option>
        ))}
      </select>
    </div>
  );
}
