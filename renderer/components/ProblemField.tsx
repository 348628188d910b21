import { useT } from '../i18n';
import type { FormProblem } from '../store/accountForm';
import { describedBy } from './FieldMessage';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  problem?: FormProblem;
  note?: string;
  placeholder?: string;
  type?: 'text' | 'url';
}

/** A text field of the account form, whose problems are found in the window (no IPC round trip). */
export function ProblemField({
  id,
  label,
  value,
  onChange,
  problem,
  note,
  placeholder,
  type = 'text',
}: Props) {
  const { t } = useT();
  const noteId = note ? `${id}-note` : undefined;
  const errorId = problem ? `${id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy(errorId, noteId)}
        onChange={(e) => onChange(e.target.value)}
      />
      {note && (
        <p id={noteId} className="note">
          {note}
        </p>
      )}
      {problem && (
        <p id={errorId} className="field-error">
          <span>{t(problem.message)}</span>{' '}
          <span className="fix">{`${t('fixPrefix')} ${t(problem.hint)}`}</span>
        </p>
      )}
    </div>
  );
}
