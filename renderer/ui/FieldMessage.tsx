import type { AppError } from '../../shared/result';
import { useT } from '../i18n';

/** A field's error in the current language, with the fix; referenced by the field's aria-describedby. */
export function FieldMessage({ id, error }: { id: string; error: AppError | undefined }) {
  const { t, pick } = useT();
  if (!error) return null;
  return (
    <p id={id} className="field-error">
      <span>{pick(error.message)}</span>{' '}
      <span className="fix">{`${t('fixPrefix')} ${pick(error.hint)}`}</span>
    </p>
  );
}

/** The ids a field points at for its description: its note and, when there is one, its error. */
export function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const present = ids.filter(Boolean);
  return present.length > 0 ? present.join(' ') : undefined;
}
