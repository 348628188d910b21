import { useShallow } from 'zustand/react/shallow';
import { NAME_PLACEHOLDERS, zipFileFor } from '../../../shared/batch';
import { useT } from '../../i18n';
import { LabelledField } from '../../ui/LabelledField';
import { Switch } from '../../ui/Switch';
import { BatchPrintPart } from './BatchPrintPart';
import { CONCURRENCY, PACE } from './batchRules';
import { useBatch } from './batchStore';
import { ColumnChips } from './ColumnChips';
import { NumberField } from './NumberField';
import { Step } from './Step';

const PLACEHOLDER_LIST = NAME_PLACEHOLDERS.map((p) => `{${p}}`).join(' ');

/** Where the codes go and what their files are called. */
export function OutputStep({ locked }: { locked: boolean }) {
  const { t } = useT();
  const s = useBatch(
    useShallow((b) => ({
      nameTemplate: b.nameTemplate,
      planTemplate: b.plan?.nameTemplate,
      headers: b.sheet?.headers,
      exampleNames: b.exampleNames,
      nameError: b.nameError,
      folder: b.folder,
      zip: b.zip,
      concurrency: b.concurrency,
      ratePerMinute: b.ratePerMinute,
      setNameTemplate: b.setNameTemplate,
      chooseFolder: b.chooseFolder,
      setZip: b.setZip,
      setConcurrency: b.setConcurrency,
      setRatePerMinute: b.setRatePerMinute,
    })),
  );
  const template = s.nameTemplate ?? s.planTemplate ?? '';
  return (
    <Step id="batch-output" number={3} title={t('stepOutput')} locked={locked}>
      <div className="field">
        <span className="label" id="batch-folder-label">
          {t('outputFolder')}
        </span>
        <div className="folder-row">
          <button type="button" aria-describedby="batch-folder" onClick={() => void s.chooseFolder()}>
            {t('chooseFolder')}
          </button>
          <output
            id="batch-folder"
            aria-labelledby="batch-folder-label"
            className={s.folder ? 'path' : 'note'}
          >
            {s.folder?.folder ?? t('noFolder')}
          </output>
        </div>
        <p className="note">{t('folderNote')}</p>
      </div>
      <LabelledField
        id="batch-name-template"
        label={t('nameTemplate')}
        value={template}
        onChange={(value) => void s.setNameTemplate(value)}
        problem={s.nameError ?? undefined}
        note={t('nameTemplateNote', { placeholders: PLACEHOLDER_LIST })}
        disabled={s.planTemplate === undefined && s.nameTemplate === null}
      />
      <ColumnChips
        headers={s.headers ?? []}
        inputId="batch-name-template"
        template={template}
        disabled={s.planTemplate === undefined && s.nameTemplate === null}
        onChange={(value) => void s.setNameTemplate(value)}
      />
      {s.exampleNames.length > 0 && !s.nameError && (
        <p className="example-names" aria-live="polite">
          <span className="muted-label">{t('exampleNames')}</span>{' '}
          {s.exampleNames.map((name) => (
            <code key={name}>{name}</code>
          ))}
        </p>
      )}
      <Switch
        id="batch-zip"
        label={t('alsoZip')}
        checked={s.zip}
        onChange={s.setZip}
        note={s.folder ? t('zipNoteAt', { path: zipFileFor(s.folder.folder) }) : t('zipNote')}
      />
      <BatchPrintPart headers={s.headers ?? []} disabled={s.planTemplate === undefined} />
      <details className="advanced">
        <summary>{t('advanced')}</summary>
        <div className="advanced-fields">
          <NumberField
            id="batch-concurrency"
            label={t('concurrency')}
            note={t('concurrencyNote')}
            value={s.concurrency}
            limits={CONCURRENCY}
            onChange={s.setConcurrency}
          />
          <NumberField
            id="batch-pace"
            label={t('pace')}
            note={t('paceNote')}
            value={s.ratePerMinute}
            limits={PACE}
            onChange={s.setRatePerMinute}
          />
        </div>
      </details>
    </Step>
  );
}
