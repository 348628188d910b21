import type { LibraryEntryView } from '../../../shared/ipc/channels';
import { formatCount, useT } from '../../i18n';
import { useAccounts } from '../accounts/accountsStore';
import { accountOf, KIND_LABELS, madeAt, targetOf } from '../code/codeFacts';
import { useHistory } from './historyStore';
import { Thumbnail } from './Thumbnail';

export const optionId = (codeId: string) => `history-code-${codeId}`;

/** One stored code in the list: named by what it opens, described by its kind, account, width and date. */
export function HistoryItem({ entry, tabbable }: { entry: LibraryEntryView; tabbable: boolean }) {
  const { t, lang } = useT();
  const accounts = useAccounts((s) => s.accounts);
  const current = useHistory((s) => s.selectedId === entry.codeId);
  const picked = useHistory((s) => s.picks.picked.has(entry.codeId));
  const pick = useHistory((s) => s.pick);
  const id = optionId(entry.codeId);
  const target = targetOf(t, entry.request);
  const transparent = entry.request.kind !== 'qrcode' && entry.request.transparent;
  const facts = [
    t(KIND_LABELS[entry.kind]),
    accountOf(t, accounts, entry),
    t('historyPixels', { width: entry.width }),
    ...(entry.numUsed !== undefined ? [t('historyNumUsed', { used: formatCount(entry.numUsed) })] : []),
    ...(entry.origin?.campaign ? [entry.origin.campaign] : []),
  ];
  return (
    // One option is in the tab order (the selected one): the listbox handles the keys for them all.
    // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox handles the keys for all its options
    <div
      id={id}
      role="option"
      aria-selected={picked}
      tabIndex={tabbable ? 0 : -1}
      aria-labelledby={`${id}-target`}
      aria-describedby={`${id}-facts ${id}-date`}
      className={current ? 'history-item current' : 'history-item'}
      onClick={(event) =>
        void pick(entry.codeId, event.shiftKey ? 'range' : event.ctrlKey || event.metaKey ? 'toggle' : 'only')
      }
    >
      <Thumbnail codeId={entry.codeId} transparent={transparent} />
      <span id={`${id}-target`} className="history-target">
        {entry.origin?.rowName && (
          <>
            <span className="history-row-name">{entry.origin.rowName}</span>{' '}
          </>
        )}
        {target.page}
        {target.scene && (
          <>
            {' '}
            <span className="history-scene">{target.scene}</span>
          </>
        )}
      </span>
      <span id={`${id}-facts`} className="history-facts">
        {facts.join(' · ')}
      </span>
      <time id={`${id}-date`} className="history-date" dateTime={entry.createdAt}>
        {madeAt(lang, entry.createdAt)}
      </time>
    </div>
  );
}
