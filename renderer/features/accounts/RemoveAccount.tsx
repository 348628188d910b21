import { useState } from 'react';
import type { AccountView } from '../../../shared/ipc/channels';
import type { AppError } from '../../../shared/result';
import { useT } from '../../i18n';
import { ErrorText } from '../../ui/ErrorNotice';
import { useAccounts } from './accountsStore';

/** Two steps, in place: removing an account also deletes its secrets from the keychain. */
export function RemoveAccount({ account, onRemoved }: { account: AccountView; onRemoved(): void }) {
  const { t } = useT();
  const remove = useAccounts((s) => s.remove);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  if (!confirming) {
    return (
      <button type="button" className="danger-ghost" onClick={() => setConfirming(true)}>
        {t('removeAccount')}
      </button>
    );
  }
  return (
    <div className="confirm-remove">
      <span id="confirm-remove-text">{t('confirmRemove', { name: account.name })}</span>
      <button
        type="button"
        className="danger"
        onClick={async () => {
          const removed = await remove(account.id);
          if (removed.ok) onRemoved();
          else setError(removed.error);
        }}
      >
        {t('remove')}
      </button>
      <button type="button" onClick={() => setConfirming(false)}>
        {t('cancel')}
      </button>
      {error && <ErrorText error={error} />}
    </div>
  );
}
