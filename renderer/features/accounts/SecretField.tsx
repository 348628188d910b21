import { type RefObject, useState } from 'react';
import { useT } from '../../i18n';
import { type FieldProblem, LabelledField } from '../../ui/LabelledField';

interface Props {
  id: string;
  label: string;
  stored: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
  onRemove?: () => void;
  /** Whether anything is typed: the value itself is read from the field only when saving. */
  onTyped?: (typed: boolean) => void;
  problem?: FieldProblem;
  /** Help under the field while a secret is being entered. */
  note?: string;
}

/**
 * Write-only: a stored secret shows as "Stored in keychain", never as its value. The input is
 * uncontrolled so a typed secret lives only in the DOM field, not in any state or attribute.
 * Replacing lasts until a save: the editor gives the field a new `key` for each saved account, so
 * a saved replacement shows as stored again (see AccountEditor).
 */
export function SecretField({ id, label, stored, inputRef, onRemove, onTyped, problem, note }: Props) {
  const { t } = useT();
  const [replacing, setReplacing] = useState(false);
  if (stored && !replacing) {
    return (
      <div className="field">
        <span className="label" id={`${id}-label`}>
          {label}
        </span>
        <div className="stored-secret">
          <span className="stored-mark">
            <LockIcon />
            {t('storedInKeychain')}
          </span>
          <button type="button" aria-label={`${t('replace')} ${label}`} onClick={() => setReplacing(true)}>
            {t('replace')}
          </button>
          {onRemove && (
            <button type="button" aria-label={`${t('remove')} ${label}`} onClick={onRemove}>
              {t('remove')}
            </button>
          )}
        </div>
      </div>
    );
  }
  return (
    <LabelledField id={id} label={label} problem={problem} note={note}>
      {(aria) => (
        <div className="secret-row">
          <input
            id={id}
            ref={inputRef}
            type="password"
            autoComplete="new-password"
            spellCheck={false}
            {...aria}
            onInput={(e) => onTyped?.(e.currentTarget.value !== '')}
          />
          {stored && (
            <button type="button" onClick={() => setReplacing(false)}>
              {t('cancel')}
            </button>
          )}
        </div>
      )}
    </LabelledField>
  );
}

function LockIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
      <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}
