import { useId } from 'react';
import { type MessageKey, useT } from '../../i18n';
import { useCode } from './codeStore';

export interface CodeActions {
  save(codeId: string): Promise<void>;
  copy(codeId: string): Promise<void>;
}

/**
 * Save and copy work on a real, stored image only (none: a preview is not a code WeChat made, and
 * a previous code is not the form's). The form's preview and History each show a set, so the
 * note's id is their own. `why` says what to do while there is none.
 */
export function PreviewActions({
  codeId,
  why = 'actionsNeedReal',
  actions,
}: {
  codeId: string | null;
  why?: MessageKey;
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
        {enabled ? t('dragHint') : t(why)}
      </p>
    </div>
  );
}
