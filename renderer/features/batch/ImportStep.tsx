import { useT } from '../../i18n';
import { ErrorText } from '../../ui/ErrorNotice';
import { useBatch } from './batchStore';
import { SampleTable } from './SampleTable';
import { SheetFacts } from './SheetFacts';
import { Step } from './Step';
import { UnfinishedBatches } from './UnfinishedBatches';

export function ImportStep({ locked }: { locked: boolean }) {
  const { t } = useT();
  const sheet = useBatch((s) => s.sheet);
  const opening = useBatch((s) => s.opening);
  const error = useBatch((s) => s.importError);
  const open = useBatch((s) => s.open);
  return (
    <Step id="batch-import" number={1} title={t('stepImport')} locked={locked}>
      <UnfinishedBatches locked={locked} />
      <div className="import-row">
        <button
          type="button"
          className={sheet ? undefined : 'primary'}
          aria-describedby="import-note"
          aria-busy={opening}
          onClick={() => void open()}
        >
          {sheet ? t('importAnother') : t('importSheet')}
        </button>
        {sheet && <SheetFacts sheet={sheet} />}
      </div>
      <p id="import-note" className="note">
        {t('importNote')}
      </p>
      {error && (
        <div className="inline-error" role="alert">
          <ErrorText error={error} />
        </div>
      )}
      {sheet && <SampleTable sheet={sheet} />}
    </Step>
  );
}
