import { useT } from '../../i18n';
import { useAccounts, useOnlySandbox } from './accountsStore';

/**
 * Beside the Sandbox badge while the built-in Sandbox is the only account (a first run): the way
 * to real codes is adding the mini program's AppID, so the Accounts dialog opens on a new account.
 */
export function AddMiniProgram() {
  const { t } = useT();
  const onlySandbox = useOnlySandbox();
  const openDialog = useAccounts((s) => s.openDialog);
  if (!onlySandbox) return null;
  return (
    <button
      type="button"
      className="add-mini-program"
      aria-haspopup="dialog"
      onClick={() => openDialog(true)}
    >
      {t('addMiniProgram')}
    </button>
  );
}
