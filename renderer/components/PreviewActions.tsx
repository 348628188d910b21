import { useT } from '../i18n';
import { useCode } from '../store/codeStore';

/** Save and copy work on the real image only: a preview is not a code WeChat made. */
export function PreviewActions({ enabled }: { enabled: boolean }) {
  const { t } = useT();
  const save = useCode((s) => s.save);
  const copy = useCode((s) => s.copy);
  return (
    <div className="preview-actions">
      <button type="button" disabled={!enabled} aria-describedby="actions-note" onClick={() => void save()}>
        {t('saveAs')}
      </button>
      <button type="button" disabled={!enabled} aria-describedby="actions-note" onClick={() => void copy()}>
        {t('copyImage')}
      </button>
      <p id="actions-note" className="note">
        {enabled ? t('dragHint') : t('actionsNeedReal')}
      </p>
    </div>
  );
}
