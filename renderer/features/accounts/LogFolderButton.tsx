import { useState } from 'react';
import type { AppError } from '../../../shared/result';
import { call } from '../../app/api';
import { useT } from '../../i18n';
import { ErrorText } from '../../ui/ErrorNotice';

/** Shows the support log in the file manager; main picks the file, the page names no path. */
export function LogFolderButton() {
  const { t } = useT();
  const [error, setError] = useState<AppError | null>(null);
  const show = async () => {
    const shown = await call('app:showLog', undefined);
    setError(shown.ok ? null : shown.error);
  };
  return (
    <div className="log-folder">
      <p className="note">{t('logFolderNote')}</p>
      <button type="button" className="ghost" onClick={() => void show()}>
        {t('openLogFolder')}
      </button>
      {error && (
        <div role="alert" className="error-notice">
          <ErrorText error={error} />
        </div>
      )}
    </div>
  );
}
