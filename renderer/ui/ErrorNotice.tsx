import type { AppError } from '../../shared/result';
import { useAccounts } from '../features/accounts/accountsStore';
import { useCode } from '../features/code/codeStore';
import { useT } from '../i18n';

/** The last failure in plain words with its fix. The region is always there so readers announce it. */
export function ErrorNotice() {
  const codeError = useCode((s) => s.error);
  const loadError = useAccounts((s) => s.loadError);
  const dismiss = useCode((s) => s.dismissError);
  const error = codeError ?? loadError;
  return (
    <div role="alert" className={error ? 'error-notice' : 'error-notice empty'}>
      {error && <ErrorText error={error} onDismiss={codeError ? dismiss : undefined} />}
    </div>
  );
}

export function ErrorText({ error, onDismiss }: { error: AppError; onDismiss?: () => void }) {
  const { t, pick } = useT();
  const said = error.errmsg?.replace(/\s+/g, ' ').trim();
  return (
    <>
      <div className="error-body">
        <p className="error-message">
          {error.errcode !== undefined && (
            <span className="errcode">{t('wechatError', { code: error.errcode })}</span>
          )}
          {pick(error.message)}
        </p>
        <p className="error-fix">{`${t('fixPrefix')} ${pick(error.hint)}`}</p>
        {said && <p className="error-said">{t('wechatSaid', { text: said })}</p>}
      </div>
      {onDismiss && (
        <button type="button" className="ghost" onClick={onDismiss}>
          {t('dismiss')}
        </button>
      )}
    </>
  );
}
