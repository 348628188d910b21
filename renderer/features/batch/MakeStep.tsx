import { useT } from '../../i18n';
import { ErrorText } from '../../ui/ErrorNotice';
import { isActive } from './batchRules';
import { useBatch } from './batchStore';
import { FirstRowCheck } from './FirstRowCheck';
import { JobProgress } from './JobProgress';
import { JobSummary } from './JobSummary';
import { StartPanel } from './StartPanel';
import { Step } from './Step';

/** Start, then the running job, then what it made; Start stays for another run of the same setup. */
export function MakeStep() {
  const { t } = useT();
  const job = useBatch((s) => s.job);
  const error = useBatch((s) => s.runError);
  const hasSheet = useBatch((s) => s.sheet !== null);
  const active = job !== null && isActive(job.progress);
  return (
    <Step id="batch-make" number={5} title={t('stepMake')}>
      {error && (
        <div className="inline-error" role="alert">
          <ErrorText error={error} />
        </div>
      )}
      {job && active && <JobProgress job={job} />}
      {job && !active && <JobSummary job={job} />}
      {/* A job continued or found running has no sheet here: another run starts from an import. */}
      {!active && hasSheet && <FirstRowCheck />}
      {!active && (hasSheet || !job) && <StartPanel />}
    </Step>
  );
}
