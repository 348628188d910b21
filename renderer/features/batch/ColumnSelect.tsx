import type { BatchColumn } from '../../../shared/batch';
import type { AppError } from '../../../shared/result';
import { type MessageKey, useT } from '../../i18n';
import { LabelledField } from '../../ui/LabelledField';
import { useBatch } from './batchStore';

const LABELS: Record<BatchColumn, MessageKey> = {
  path: 'path',
  scene: 'scene',
  page: 'page',
  name: 'columnName',
  width: 'width',
  color: 'lineColor',
};

/** What "no column" means for each thing: a blank width or colour falls back to the form. */
const UNUSED: Record<BatchColumn, MessageKey> = {
  path: 'columnUnused',
  scene: 'columnUnused',
  page: 'columnUnusedPage',
  name: 'columnUnusedName',
  width: 'columnUseForm',
  color: 'columnUseForm',
};

interface Props {
  column: BatchColumn;
  required: boolean;
  /** The check's complaint about this column (a required one missing). */
  error?: AppError;
}

/** Which of the sheet's columns holds one thing, or none. */
export function ColumnSelect({ column, required, error }: Props) {
  const { t } = useT();
  const headers = useBatch((s) => s.sheet?.headers ?? []);
  const chosen = useBatch((s) => s.mapping[column]);
  const setColumn = useBatch((s) => s.setColumn);
  const id = `batch-column-${column}`;
  return (
    <LabelledField
      id={id}
      className="column-select"
      problem={error}
      label={
        <>
          {t(LABELS[column])}
          {/* Said by aria-required instead, so the select is named by its thing alone. */}
          {required ? (
            <span className="required" aria-hidden="true">
              {t('required')}
            </span>
          ) : null}
        </>
      }
    >
      {(aria) => (
        <select
          id={id}
          value={chosen === undefined ? '' : String(chosen)}
          aria-required={required}
          {...aria}
          onChange={(e) => setColumn(column, e.target.value === '' ? undefined : Number(e.target.value))}
        >
          <option value="">{t(UNUSED[column])}</option>
          {headers.map((header, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a column is its position; headers may repeat
            <option key={index} value={String(index)}>
              {header || t('columnNumber', { n: index + 1 })}
            </option>
          ))}
        </select>
      )}
    </LabelledField>
  );
}
