import { useState } from 'react';
import { useT } from '../i18n';
import { AccountsDialog } from './AccountsDialog';
import { LanguageSwitch } from './LanguageSwitch';

export function Header() {
  const { t } = useT();
  const [accountsOpen, setAccountsOpen] = useState(false);
  return (
    <header className="app-header">
      <h1>{t('appTitle')}</h1>
      <span className="spacer" />
      <LanguageSwitch />
      <button type="button" onClick={() => setAccountsOpen(true)} aria-haspopup="dialog">
        {t('accountsButton')}
      </button>
      {accountsOpen && <AccountsDialog onClose={() => setAccountsOpen(false)} />}
    </header>
  );
}
