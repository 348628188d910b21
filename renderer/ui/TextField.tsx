import type { AppError } from '../../shared/result';
import { describedBy, FieldMessage } from './FieldMessage';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: AppError;
  note?: string;
  placeholder?: string;
  type?: 'text' | 'url';
  disabled?: boolean;
}

export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  note,
  placeholder,
  type = 'text',
  disabled,
}: Props) {
  const noteId = note ? `${id}-note` : undefined;
  const errorId = error ? `${id}-error` : undefined;
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
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(errorId, noteId)}
        onChange={(e) => onChange(e.target.value)}
      />
      {note && (
        <p id={noteId} className="note">
          {note}
        </p>
      )}
      <FieldMessage id={`${id}-error`} error={error} />
    </div>
  );
}
