import type { ReactNode } from 'react';
import type { Localized } from '../../shared/result';
import { type MessageKey, type Params, useT } from '../i18n';

/** A text written here (a message key, with values to fill in) or by the main process (its own texts). */
export type FieldText = MessageKey | { key: MessageKey; params: Params } | Localized;

/**
 * What is wrong with a field and how to fix it. An AppError from the main process is one, as is a
 * problem the window finds itself (no IPC round trip).
 */
export interface FieldProblem {
  message: FieldText;
  hint: FieldText;
}

/** What the control needs to point at its note and problem, for screen readers. */
export interface FieldAria {
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FrameProps {
  /** The control's id: the label points at it, and the note and problem are named after it. */
  id: string;
  label: ReactNode;
  /** The label's target when it is not the control that reports the problem (a slider beside a number box). */
  labelFor?: string;
  note?: string;
  problem?: FieldProblem;
  className?: string;
}

interface ControlProps {
  /** The control, given the attributes that tie it to the note and the problem. */
  children(aria: FieldAria): ReactNode;
}

/** The usual control: one line of text. */
interface TextProps {
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  type?: 'text' | 'url';
  disabled?: boolean;
  /** The id of a <datalist> whose values the field suggests as the user types. */
  list?: string;
}

/** A label, a control, a note under it and, when there is one, the problem with its fix. */
export function LabelledField(props: FrameProps & (ControlProps | TextProps)) {
  const { id, label, labelFor, note, problem, className = 'field' } = props;
  const noteId = note ? `${id}-note` : undefined;
  const aria = fieldAria(id, problem, noteId);
  return (
    <div className={className}>
      <label htmlFor={labelFor ?? id}>{label}</label>
      {'children' in props ? props.children(aria) : <TextInput id={id} text={props} aria={aria} />}
      {note && (
        <p id={noteId} className="note">
          {note}
        </p>
      )}
      {problem && <ProblemText fieldId={id} problem={problem} />}
    </div>
  );
}

function TextInput({ id, text, aria }: { id: string; text: TextProps; aria: FieldAria }) {
  return (
    <input
      id={id}
      type={text.type ?? 'text'}
      value={text.value}
      placeholder={text.placeholder}
      spellCheck={false}
      autoComplete="off"
      disabled={text.disabled}
      list={text.list}
      {...aria}
      onChange={(e) => text.onChange(e.target.value)}
    />
  );
}

const problemId = (id: string) => `${id}-error`;

/** The attributes of a control whose field shows `problem` (for a control outside a LabelledField, too). */
export function fieldAria(id: string, problem: FieldProblem | undefined, noteId?: string): FieldAria {
  const ids = [problem && problemId(id), noteId].filter(Boolean);
  return {
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined,
  };
}

/** A field's problem and its fix in the current language, for the control `fieldId` (see fieldAria). */
export function ProblemText({ fieldId, problem }: { fieldId: string; problem: FieldProblem }) {
  const { t, pick } = useT();
  const text = (part: FieldText) =>
    typeof part === 'string' ? t(part) : 'key' in part ? t(part.key, part.params) : pick(part);
  return (
    <p id={problemId(fieldId)} className="field-error">
      <span>{text(problem.message)}</span>{' '}
      <span className="fix">{`${t('fixPrefix')} ${text(problem.hint)}`}</span>
    </p>
  );
}
