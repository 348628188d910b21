import { useId } from 'react';
import { useT } from '../../i18n';
import { useCode } from './codeStore';

export interface CodeActions {
  save(codeId: string): Promise<void>;
  copy(codeId: string): Promise<void>;
}

/**
 * Save and copy work on a real, stored image only (none: a preview is not a code WeChat made).
 * The form's preview and History each show a set, so the note's id is their own.
 */
export function PreviewActions({
  codeId,
  actions,
}: {
  codeId: string | null;
  /** Other ways to save and copy the code (the composed print), in place of the stored image's. */
  actions?: CodeActions | undefined;
}) {
  const { t } = useT();
  const noteId = useId();
  const storedSave = useCode((s) => s.save);
  const storedCopy = useCode((s) => s.copy);
  const save = actions?.save ?? storedSave;
  const copy = actions?.copy ?? storedCopy;
  const enabled = codeId !== null;
  return (
    <div className="preview-actions">
      <button
        type="button"
        disabled={!enabled}
        aria-describedby={noteId}
        onClick={() => codeId && void save(codeId)}
      >
        {t('saveAs')}
      </button>
      <button
        type="button"
        disabled={!enabled}
        aria-describedby={noteId}
        onClick={() => codeId && void copy(codeId)}
      >
        {t('copyImage')}
      </button>
      <p id={noteId} className="note">
        {enabled ? t('dragHint') : t('actionsNeedReal')}
      </p>
    </div>
  );
}
