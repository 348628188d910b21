import { useState } from 'react';
import { AccountsDialog } from '../features/accounts/AccountsDialog';
import { useT } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { ViewTabs } from './ViewTabs';

export function Header() {
  const { t } = useT();
  const [accountsOpen, setAccountsOpen] = useState(false);
  return (
    <header className="app-header">
      <h1>{t('appTitle')}</h1>
      <ViewTabs />
      <span className="spacer" />
      <LanguageSwitch />
      <button type="button" onClick={() => setAccountsOpen(true)} aria-haspopup="dialog">
        {t('accountsButton')}
      </button>
      {accountsOpen && <AccountsDialog onClose={() => setAccountsOpen(false)} />}
    </header>
  );
}
