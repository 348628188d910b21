import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';
import { ErrorText } from '../../ui/ErrorNotice';
import { PosterForm } from './PosterForm';
import { PosterList } from './PosterList';
import { PosterPreview } from './PosterPreview';
import { usePosters } from './postersStore';
import './posters.css';

/**
 * The poster templates dialog, opened from Print in Make a code and in Batch: saved templates on the
 * left, the one being edited beside its live preview. A modal: focus stays in it and Esc closes it.
 */
export function PosterEditor() {
  const { t } = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const open = usePosters((s) => s.editorOpen);
  const editing = usePosters((s) => s.editing);
  const error = usePosters((s) => s.error);
  const saved = usePosters((s) => s.saved);
  const close = usePosters((s) => s.closeEditor);
  const save = usePosters((s) => s.save);
  const remove = usePosters((s) => s.remove);

  useEffect(() => {
    const element = dialog.current;
    if (open && element && !element.open) element.showModal();
  }, [open]);
  if (!open) return null;

  return (
    <dialog ref={dialog} className="app-dialog poster-dialog" aria-labelledby="poster-title" onClose={close}>
      <div className="dialog-header">
        <h2 id="poster-title">{t('posterTitle')}</h2>
        <button type="button" className="ghost" onClick={close}>
          {t('close')}
        </button>
      </div>
      <div className="poster-body">
        <PosterList />
        {editing ? (
          <div className="poster-work">
            <PosterForm />
            <PosterPreview />
          </div>
        ) : (
          <p className="note poster-start">{t('posterStart')}</p>
        )}
      </div>
      <div className="inline-error-slot" role="alert">
        {error && (
          <div className="inline-error">
            <ErrorText error={error} />
          </div>
        )}
      </div>
      {editing && (
        <div className="dialog-footer poster-actions">
          <button type="button" className="primary" onClick={() => void save()}>
            {t('posterSave')}
          </button>
          <span role="status" className="note">
            {saved ? t('posterSavedNote') : ''}
          </span>
          {editing.posterId && (
            <button type="button" className="danger-ghost" onClick={() => void remove(editing.posterId!)}>
              {t('posterDelete')}
            </button>
          )}
        </div>
      )}
    </dialog>
  );
}
