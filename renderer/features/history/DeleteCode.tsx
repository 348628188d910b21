import { type KeyboardEvent, useEffect, useRef } from 'react';
import { spendsQuota } from '../../../shared/codeRequest';
import type { LibraryEntryView } from '../../../shared/ipc/channels';
import { useT } from '../../i18n';
import { focusSelectedCode } from './HistoryList';
import { useHistory } from './historyStore';

/**
 * Two steps, in place: deleting means the next identical request calls WeChat again. The confirm
 * button takes the focus, so Enter deletes and Esc goes back to where the user was.
 */
export function DeleteCode({ entry }: { entry: LibraryEntryView }) {
  const { t } = useT();
  const confirming = useHistory((s) => s.confirmingDelete);
  const askDelete = useHistory((s) => s.askDelete);
  const remove = useHistory((s) => s.remove);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  /** Where the focus goes back to on cancel; null for the Delete button. */
  const cameFrom = useRef<HTMLElement | null>(null);
  const cancelling = useRef(false);

  useEffect(() => {
    if (confirming) {
      // Asked from the list (its Delete key), the focus is still on the code. Asked with the Delete
      // button, the focus was on that button, already replaced by this row: it lands on <body>.
      const active = document.activeElement;
      cameFrom.current = active instanceof HTMLElement && active !== document.body ? active : null;
      confirmButton.current?.focus();
    } else if (cancelling.current) {
      // Only now is the Delete button back in the page to take the focus.
      cancelling.current = false;
      (cameFrom.current?.isConnected ? cameFrom.current : deleteButton.current)?.focus();
    }
  }, [confirming]);

  const cancel = () => {
    cancelling.current = true;
    askDelete(false);
  };

  const confirm = async () => {
    if (await remove(entry.codeId)) focusSelectedCode();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    cancel();
  };

  if (!confirming) {
    return (
      <button ref={deleteButton} type="button" className="danger-ghost" onClick={() => askDelete(true)}>
        {t('historyDelete')}
      </button>
    );
  }
  return (
    // Esc from either button cancels; the keys reach this row from its buttons.
    // biome-ignore lint/a11y/noStaticElementInteractions: the buttons inside are what the keys act on
    <div className="confirm-remove history-confirm" onKeyDown={onKeyDown}>
      <span id="history-confirm-text">
        {spendsQuota(entry.kind) ? t('historyConfirmDeleteQuota') : t('historyConfirmDelete')}
      </span>
      <button
        ref={confirmButton}
        type="button"
        className="danger"
        aria-describedby="history-confirm-text"
        onClick={() => void confirm()}
      >
        {t('historyDeleteNow')}
      </button>
      <button type="button" onClick={cancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
