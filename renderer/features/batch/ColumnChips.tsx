import { useT } from '../../i18n';
import { insertPlaceholder, placeholderHeaders } from './nameTemplateEdit';

interface Props {
  headers: readonly string[];
  /** The template field the chips write into: its caret says where. */
  inputId: string;
  template: string;
  disabled: boolean;
  onChange(template: string): void;
}

/** The sheet's columns as buttons that put `{header}` into the file name template. */
export function ColumnChips({ headers, inputId, template, disabled, onChange }: Props) {
  const { t } = useT();
  const usable = placeholderHeaders(headers);
  if (usable.length === 0) return null;
  const insert = (header: string) => {
    const input = document.getElementById(inputId) as HTMLInputElement | null;
    const edited = insertPlaceholder(template, header, input?.selectionStart ?? template.length);
    onChange(edited.template);
    // Back to the field with the caret after the column, so the next key or chip follows it.
    requestAnimationFrame(() => {
      input?.focus();
      input?.setSelectionRange(edited.caret, edited.caret);
    });
  };
  return (
    <fieldset className="column-chips" disabled={disabled}>
      <legend className="muted-label">{t('columnChips')}</legend>
      {usable.map((header) => (
        <button key={header} type="button" className="chip" onClick={() => insert(header)}>
          {`{${header}}`}
        </button>
      ))}
    </fieldset>
  );
}
