import { useEffect, useRef } from 'react';
import { formatCount, useT } from '../../i18n';
import { ErrorText } from '../../ui/ErrorNotice';
import { LabelledField } from '../../ui/LabelledField';
import { SheetFields } from '../print/SheetFields';
import { sheetChoiceOf } from '../print/sheetDraft';
import { useHistorySheet } from './historySheetStore';
import './sheetDialog.css';

/**
 * The picked codes as a print sheet PDF: paper, orientation, size or grid, a label under each, cut
 * marks, CMYK. Save PDF… has main ask where to save; a modal dialog, so Esc closes it.
 */
export function PrintSheetDialog({ codeIds }: { codeIds: readonly string[] }) {
  const { t } = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const s = useHistorySheet();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const ready = sheetChoiceOf(s.draft) !== undefined && !s.saving;
  return (
    <dialog
      ref={dialog}
      className="app-dialog sheet-dialog"
      aria-labelledby="sheet-dialog-title"
      onClose={() => s.show(false)}
    >
      <div className="dialog-header">
        <h2 id="sheet-dialog-title">{t('historyPrintSheetTitle', { count: formatCount(codeIds.length) })}</h2>
        <button type="button" className="ghost" onClick={() => s.show(false)}>
          {t('close')}
        </button>
      </div>
      <div className="sheet-dialog-body">
        <LabelledField id="history-sheet-labels" label={t('sheetLabel')} note={t('sheetLabelNote')}>
          {(aria) => (
            <textarea
              id="history-sheet-labels"
              rows={2}
              value={s.labels}
              onChange={(e) => s.setLabels(e.target.value)}
              {...aria}
            />
          )}
        </LabelledField>
        <SheetFields id="history-sheet" draft={s.draft} onChange={s.setDraft} />
      </div>
      <div className="dialog-footer sheet-dialog-footer">
        <div role="alert" className={s.error ? 'error-notice' : 'error-notice empty'}>
          {s.error && <ErrorText error={s.error} />}
        </div>
        {s.saved && (
          <p className="note" role="status">
            {t('historySavedSheet', {
              file: s.saved.file,
              count: formatCount(s.saved.count),
              pages: formatCount(s.saved.pages),
              cm: s.saved.codeCm.toFixed(1),
            })}
          </p>
        )}
        <button type="button" className="primary" disabled={!ready} onClick={() => void s.save(codeIds)}>
          {s.saving ? t('historySavingPdf') : t('historySavePdf')}
        </button>
      </div>
    </dialog>
  );
}
