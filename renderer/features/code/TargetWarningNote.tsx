import { useT } from '../../i18n';
import { useCode } from './codeStore';

export const warningId = (fieldId: string) => `${fieldId}-warning`;

/**
 * The form's warning about a target WeChat would take but that opens nothing useful (a web
 * address), at the field, with the way to go ahead regardless. Generate waits for one or the other.
 */
export function TargetWarningNote({ field }: { field: 'path' | 'page' }) {
  const { t, pick } = useT();
  const warning = useCode((s) => (s.checked.warning?.field === field ? s.checked.warning : null));
  const accepted = useCode((s) => s.acceptedWarning);
  const acceptWarning = useCode((s) => s.acceptWarning);
  if (!warning) return null;
  return (
    <div id={warningId(field)} className="field-warning">
      <p>
        <span>{`${t('warningPrefix')} ${pick(warning.message)}`}</span>{' '}
        <span className="fix">{`${t('fixPrefix')} ${pick(warning.hint)}`}</span>
      </p>
      {warning.target === accepted ? (
        <p className="note">{t('usedAnyway')}</p>
      ) : (
        <button type="button" onClick={acceptWarning}>
          {t('useAnyway')}
        </button>
      )}
    </div>
  );
}
