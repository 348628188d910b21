import { AccountSelect } from '../features/accounts/AccountSelect';
import { AddMiniProgram } from '../features/accounts/AddMiniProgram';
import { useActiveAccount } from '../features/accounts/accountsStore';
import { useCode } from '../features/code/codeStore';
import { NumUsed } from '../features/code/NumUsed';
import { useT } from '../i18n';
import { ErrorNotice } from '../ui/ErrorNotice';
import { SandboxBadge } from './SandboxBadge';

export function StatusBar() {
  const { t } = useT();
  const account = useActiveAccount();
  const notice = useCode((s) => s.notice);
  return (
    <footer className="status-bar">
      <ErrorNotice />
      <div className="status-line">
        <AccountSelect />
        {account?.source.kind === 'sandbox' && (
          <>
            <SandboxBadge />
            <AddMiniProgram />
          </>
        )}
        {account?.apiBase && (
          <span className="badge api-base" title={account.apiBase}>
            {t('apiBaseVia', { base: account.apiBase })}
          </span>
        )}
        <NumUsed />
        <span className="spacer" />
        <output className="notice" aria-live="polite">
          {notice ? t(notice.key, notice.params) : ''}
        </output>
      </div>
    </footer>
  );
}
