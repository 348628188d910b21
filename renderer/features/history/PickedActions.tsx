import { type KeyboardEvent, useEffect, useRef } from 'react';
import { formatCount, useT } from '../../i18n';
import { focusSelectedCode } from './HistoryList';
import { useHistorySheet } from './historySheetStore';
import { pickedCodeIds, useHistory } from './historyStore';
import { PrintSheetDialog } from './PrintSheetDialog';

/**
 * What can be done with several picked codes at once: Save to folder and ZIP (main asks for the
 * folder; files take their batch's names), Print sheet… (a PDF of them, PrintSheetDialog), and Delete after a confirmation in place, as for one code.
 * Also says what the last save wrote.
 */
export function PickedActions() {
  const { t } = useT();
  const count = useHistory((s) => s.picks.picked.size);
  const exported = useHistory((s) => s.exported);
  const exporting = useHistory((s) => s.exporting);
  const exportPicked = useHistory((s) => s.exportPicked);
  const clearPicks = useHistory((s) => s.clearPicks);
  const confirming = useHistory((s) => s.confirmingDeletePicked);
  const askDelete = useHistory((s) => s.askDeletePicked);
  const removePicked = useHistory((s) => s.removePicked);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const sheetOpen = useHistorySheet((s) => s.open);
  const showSheet = useHistorySheet((s) => s.show);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const saved = exported && (
    <p className="note history-exported" role="status">
      {exported.file
        ? t('historySavedZip', { file: exported.file })
        : t('historySavedFiles', { count: formatCount(exported.count), folder: exported.folder })}
    </p>
  );
  if (count < 2) return saved || null;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !confirming) return;
    event.preventDefault();
    askDelete(false);
  };
  return (
    <>
      {/* biome-ignore lint/a11y/useSemanticElements: a toolbar of buttons, not a form */}
      <div
        className="history-picked"
        role="group"
        aria-label={t('historySelectedCount', { count })}
        onKeyDown={onKeyDown}
      >
        <span className="history-picked-count">
          {t('historySelectedCount', { count: formatCount(count) })}
        </span>
        {confirming ? (
          <>
            <span id="history-picked-confirm">
              {t('historyConfirmDeleteMany', { count: formatCount(count) })}
            </span>
            <button
              ref={confirmButton}
              type="button"
              className="danger"
              aria-describedby="history-picked-confirm"
              onClick={() => void removePicked().then((done) => done && focusSelectedCode())}
            >
              {t('historyDeleteNow')}
            </button>
            <button type="button" onClick={() => askDelete(false)}>
              {t('cancel')}
            </button>
          </>
        ) : (
          <>
            <button type="button" disabled={exporting} onClick={() => void exportPicked(false)}>
              {t('historySaveToFolder')}
            </button>
            <button type="button" disabled={exporting} onClick={() => void exportPicked(true)}>
              {t('historySaveZip')}
            </button>
            <button type="button" onClick={() => showSheet(true)}>
              {t('historyPrintSheet')}
            </button>
            <button type="button" className="danger-ghost" onClick={() => askDelete(true)}>
              {t('historyDeleteSelected', { count: formatCount(count) })}
            </button>
            <button type="button" className="ghost" onClick={clearPicks}>
              {t('historyClearSelection')}
            </button>
          </>
        )}
      </div>
      {saved}
      {sheetOpen && <PrintSheetDialog codeIds={pickedCodeIds(useHistory.getState())} />}
    </>
  );
}
