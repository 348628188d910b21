import type { FormProblem } from '../features/accounts/accountForm';
import { useT } from '../i18n';
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
      {problem && <ProblemText id={errorId!} problem={problem} />}
    </div>
  );
}

/** A form field's problem and its fix, found in the window or by a rule shared with the main process. */
export function ProblemText({ id, problem }: { id: string; problem: FormProblem }) {
  const { t, pick } = useT();
  const text = (part: FormProblem['message']) => (typeof part === 'string' ? t(part) : pick(part));
  return (
    <p id={id} className="field-error">
      <span>{text(problem.message)}</span>{' '}
      <span className="fix">{`${t('fixPrefix')} ${text(problem.hint)}`}</span>
    </p>
  );
}
