import { type KeyboardEvent, useEffect } from 'react';
import { useView } from '../../app/viewStore';
import { formatCount, useT } from '../../i18n';
import { HistoryItem, optionId } from './HistoryItem';
import { isFiltered, NO_FILTER, PAGE_SIZE, useHistory } from './historyStore';

const LIST_ID = 'history-list';

/** Puts the focus on the selected code (or the list's first), as after a deletion. */
export function focusSelectedCode(): void {
  const list = document.getElementById(LIST_ID);
  list?.querySelector<HTMLElement>('[role="option"][tabindex="0"]')?.focus();
}

/**
 * The codes as a multi-select listbox, newest first: arrow keys, Home and End move the selection
 * (and the focus, which stays on the selected code), Shift with them extends the picks, Ctrl/Cmd
 * with them moves alone, Space adds or removes the code, Ctrl/Cmd-A picks every code shown, Delete
 * asks to delete the picks. The codes come a page at a time ("Show more" fetches the next).
 */
export function HistoryList() {
  const { t } = useT();
  const entries = useHistory((s) => s.entries);
  const listedFor = useHistory((s) => s.listedFor);
  const total = useHistory((s) => s.total);
  const totalCapped = useHistory((s) => s.totalCapped);
  const nextCursor = useHistory((s) => s.nextCursor);
  const selectedId = useHistory((s) => s.selectedId);
  const pick = useHistory((s) => s.pick);
  const pickAll = useHistory((s) => s.pickAll);
  const togglePicked = useHistory((s) => s.togglePicked);
  const picked = useHistory((s) => s.picks.picked.size);
  const askDeletePicked = useHistory((s) => s.askDeletePicked);
  const showMore = useHistory((s) => s.showMore);
  const askDelete = useHistory((s) => s.askDelete);

  // The focus follows the selection when the user is moving through the list with the keys.
  useEffect(() => {
    const list = document.getElementById(LIST_ID);
    if (!selectedId || !list?.contains(document.activeElement)) return;
    const option = document.getElementById(optionId(selectedId));
    option?.focus({ preventScroll: true });
    option?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  if (entries === null) return <p className="note history-loading">{t('historyLoading')}</p>;
  if (entries.length === 0) return isFiltered(listedFor) ? <NoMatch query={listedFor.query} /> : <NoCodes />;

  // Past a capped count only the next page's size is known.
  const more =
    nextCursor === undefined ? 0 : totalCapped ? PAGE_SIZE : Math.min(PAGE_SIZE, total - entries.length);
  // "10,000+": as many as the count reached, or as are shown once the user has paged past it.
  const count = totalCapped ? `${formatCount(Math.max(total, entries.length))}+` : formatCount(total);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Delete' && selectedId) {
      event.preventDefault();
      if (picked > 1) askDeletePicked(true);
      else askDelete(true);
      return;
    }
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      pickAll();
      return;
    }
    if (event.key === ' ') {
      event.preventDefault();
      togglePicked();
      return;
    }
    const at = entries.findIndex((e) => e.codeId === selectedId);
    const to = { ArrowDown: at + 1, ArrowUp: Math.max(0, at - 1), Home: 0, End: entries.length - 1 }[
      event.key
    ];
    if (to === undefined) return;
    event.preventDefault();
    // Shift extends the picks from the anchor; Ctrl/Cmd moves without changing them.
    const moveTo = (codeId: string) =>
      event.shiftKey
        ? pick(codeId, 'range')
        : event.ctrlKey || event.metaKey
          ? useHistory.getState().select(codeId)
          : pick(codeId, 'only');
    const next = entries[to];
    if (next) {
      void moveTo(next.codeId);
    } else if (more > 0) {
      // Moving down past the last code shown fetches the next page rather than stopping short.
      void showMore().then(() => {
        const fetched = useHistory.getState().entries?.[to];
        if (fetched) void moveTo(fetched.codeId);
      });
    }
  };

  return (
    <>
      <p className="history-count" role="status">
        {totalCapped || total > entries.length
          ? t('historyShowing', { shown: formatCount(entries.length), count })
          : total === 1
            ? t('historyCountOne')
            : t('historyCount', { count })}
      </p>
      <div className="history-scroll">
        <div
          id={LIST_ID}
          role="listbox"
          aria-label={t('historyList')}
          aria-multiselectable="true"
          onKeyDown={onKeyDown}
          className="history-list"
        >
          {entries.map((entry, index) => (
            <HistoryItem
              key={entry.codeId}
              entry={entry}
              tabbable={selectedId ? entry.codeId === selectedId : index === 0}
            />
          ))}
        </div>
        {more > 0 && (
          <button type="button" className="history-more" onClick={() => void showMore()}>
            {t('historyShowMore', { more: formatCount(more) })}
          </button>
        )}
      </div>
    </>
  );
}

function NoCodes() {
  const { t } = useT();
  const show = useView((s) => s.show);
  return (
    <div className="empty history-empty">
      <p className="empty-title">{t('historyEmptyTitle')}</p>
      <p className="note">{t('historyEmptyBody')}</p>
      <button type="button" className="primary" onClick={() => show('code')}>
        {t('historyGoMake')}
      </button>
    </div>
  );
}

function NoMatch({ query }: { query: string }) {
  const { t } = useT();
  const setFilter = useHistory((s) => s.setFilter);
  const trimmed = query.trim();
  return (
    <div className="empty history-empty" role="status">
      <p className="empty-title">
        {trimmed ? t('historyNoMatchQuery', { query: trimmed }) : t('historyNoMatchFilters')}
      </p>
      <p className="note">{t('historyNoMatchBody')}</p>
      <button type="button" onClick={() => setFilter(NO_FILTER)}>
        {t('historyClear')}
      </button>
    </div>
  );
}
