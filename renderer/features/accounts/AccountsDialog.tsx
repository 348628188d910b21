import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import './accounts.css';
import { AccountEditor } from './AccountEditor';
import { AccountList } from './AccountList';
import { useAccounts } from './accountsStore';
import { LogFolderButton } from './LogFolderButton';

/**
 * A modal dialog: the browser traps focus in it and Esc closes it. `adding` opens it on a new
 * account's form rather than on the account in use.
 */
export function AccountsDialog({ adding, onClose }: { adding: boolean; onClose(): void }) {
  const { t } = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const accounts = useAccounts((s) => s.accounts);
  const activeId = useAccounts((s) => s.activeId);
  const [selectedId, setSelectedId] = useState<string | null>(adding ? null : activeId);
  // A new account's editor is replaced by the saved account's: the "Saved." must outlive it.
  const [justSavedId, setJustSavedId] = useState<string | null>(null);
  const select = (id: string | null) => {
    setSelectedId(id);
    setJustSavedId(null);
  };
  const selected = accounts.find((a) => a.id === selectedId);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="app-dialog accounts-dialog"
      aria-labelledby="accounts-title"
      onClose={onClose}
    >
      {/* Not <header>/<footer>: inside a dialog they would be page-wide banner and contentinfo landmarks. */}
      <div className="dialog-header">
        <h2 id="accounts-title">{t('accountsTitle')}</h2>
        <button type="button" className="ghost" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      <div className="accounts-body">
        <AccountList selectedId={selected?.id ?? null} onSelect={select} onAdd={() => select(null)} />
        <AccountEditor
          key={selected?.id ?? 'new'}
          account={selected}
          justSaved={selected !== undefined && selected.id === justSavedId}
          onSaved={(id) => {
            setSelectedId(id);
            setJustSavedId(id);
          }}
          onRemoved={() => select(null)}
        />
      </div>
      <div className="dialog-footer">
        <LogFolderButton />
      </div>
    </dialog>
  );
}
