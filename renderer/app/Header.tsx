import { AccountsDialog } from '../features/accounts/AccountsDialog';
import { useAccounts } from '../features/accounts/accountsStore';
import { useT } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { ViewTabs } from './ViewTabs';

export function Header() {
  const { t } = useT();
  const dialog = useAccounts((s) => s.dialog);
  const openDialog = useAccounts((s) => s.openDialog);
  const closeDialog = useAccounts((s) => s.closeDialog);
  return (
    <header className="app-header">
      <h1>{t('appTitle')}</h1>
      <ViewTabs />
      <span className="spacer" />
      <LanguageSwitch />
      <button type="button" onClick={() => openDialog()} aria-haspopup="dialog">
        {t('accountsButton')}
      </button>
      {dialog && <AccountsDialog adding={dialog.adding} onClose={closeDialog} />}
    </header>
  );
}
