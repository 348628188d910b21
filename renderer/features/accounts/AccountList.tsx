import { useT } from '../../i18n';
import { useAccounts } from './accountsStore';

interface Props {
  selectedId: string | null;
  onSelect(id: string): void;
  onAdd(): void;
}

export function AccountList({ selectedId, onSelect, onAdd }: Props) {
  const { t } = useT();
  const accounts = useAccounts((s) => s.accounts);
  return (
    <nav className="account-list" aria-label={t('accountsList')}>
      <ul>
        {accounts.map((account) => (
          <li key={account.id}>
            <button
              type="button"
              className="account-item"
              aria-current={account.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(account.id)}
            >
              <span className="account-name">{account.name}</span>
              <span className="account-appid">
                {account.source.kind === 'sandbox' ? t('sandboxLabel') : account.appId}
              </span>
              {account.apiBase && (
                <span className="account-via" title={account.apiBase}>
                  {t('apiBaseVia', { base: account.apiBase })}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="add-account" aria-pressed={selectedId === null} onClick={onAdd}>
        + {t('addAccount')}
      </button>
    </nav>
  );
}
