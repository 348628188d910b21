import { useT } from '../../i18n';
import { ErrorText } from '../../ui/ErrorNotice';
import { useAccounts } from '../accounts/accountsStore';
import { usePages } from './pagesStore';
import './pages.css';

const PAGE_PATHS_LIST = 'page-paths';

/** The pages imported for the account in use, if any. */
function useImportedPages() {
  const accountId = useAccounts((s) => s.activeId);
  return usePages((s) => (accountId ? s.byAccount[accountId] : undefined));
}

/**
 * The `list` of a page path field: the <datalist> of imported pages, only once there are some (a
 * field with a list is a combobox to assistive technology, which a plain field should not claim).
 */
export function usePagePathList(): string | undefined {
  return useImportedPages() ? PAGE_PATHS_LIST : undefined;
}

/**
 * Under a page path field: where page paths come from and how they are written, and an import of
 * the mini program's app.json whose pages the field then suggests as the user types.
 */
export function PagePathHelp() {
  const { t } = useT();
  const accountId = useAccounts((s) => s.activeId);
  const imported = useImportedPages();
  const error = usePages((s) => s.error);
  const importFor = usePages((s) => s.importFor);
  return (
    <div className="page-path-help">
      <details>
        <summary>{t('pagePathHelp')}</summary>
        <ul className="note">
          <li>{t('pagePathHelpWhere')}</li>
          <li>{t('pagePathHelpForm')}</li>
          <li>{t('pagePathHelpQuery')}</li>
          <li>{t('pagePathHelpAsk')}</li>
        </ul>
      </details>
      <div className="page-import">
        <button
          type="button"
          className="ghost"
          disabled={!accountId}
          onClick={() => accountId && void importFor(accountId)}
        >
          {t('importAppJson')}
        </button>
        {imported && (
          <output className="note">
            {t('importedPages', { count: imported.pages.length, file: imported.fileName })}
          </output>
        )}
      </div>
      {error && (
        <div role="alert" className="inline-error">
          <ErrorText error={error} />
        </div>
      )}
      <datalist id={PAGE_PATHS_LIST}>
        {imported?.pages.map((page) => (
          <option key={page} value={page} />
        ))}
      </datalist>
    </div>
  );
}
