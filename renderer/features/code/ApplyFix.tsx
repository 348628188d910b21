import type { CodeRequestField } from '../../../shared/validateCodeRequest';
import { useT } from '../../i18n';
import { useCode } from './codeStore';
import type { Draft } from './draft';
import { useShownError } from './shownErrors';

/**
 * The fix the field's error proposes, applied in one press. Every proposed fix passes the same
 * checks (shared/validateCodeRequest.fixes.test.ts), so pressing it never trades one error for another.
 */
export function ApplyFix({ field }: { field: CodeRequestField }) {
  const { t } = useT();
  const fix = useShownError(field)?.fix;
  const edit = useCode((s) => s.edit);
  if (!fix) return null;
  return (
    <button
      type="button"
      className="apply-fix"
      aria-describedby={`${field}-error`}
      onClick={() => edit(fix as Partial<Omit<Draft, 'kind'>>)}
    >
      {t('applyFix')}
    </button>
  );
}
