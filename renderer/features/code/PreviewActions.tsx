import { useId } from 'react';
import { useT } from '../../i18n';
import { useCode } from './codeStore';

/**
 * Save and copy work on a real, stored image only (none: a preview is not a code WeChat made).
 * The form's preview and History each show a set, so the note's id is their own.
 */
export function PreviewActions({ codeId }: { codeId: string | null }) {
  const { t } = useT();
  const noteId = useId();
  const save = useCode((s) => s.save);
  const copy = useCode((s) => s.copy);
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
