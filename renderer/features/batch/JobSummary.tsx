import { useEffect, useRef } from 'react';
import type { BatchUpdate } from '../../../shared/batch';
import { type MessageKey, useT } from '../../i18n';
import { ErrorText } from '../../ui/ErrorNotice';
import { useBatch } from './batchStore';
import { type CountTile, CountTiles } from './CountTiles';
import { ProblemRowsTable } from './ProblemRowsTable';

/** What a finished batch made, what it skipped, where the files are. */
export function JobSummary({ job }: { job: BatchUpdate }) {
  const { t } = useT();
  const showOutput = useBatch((s) => s.showOutput);
  const newBatch = useBatch((s) => s.newBatch);
  const heading = useRef<HTMLHeadingElement>(null);
  const { progress: p, summary } = job;

  // The controls that had focus are gone: the outcome takes it, so a screen reader reads it next,
  // and it comes to the top of the column, so as much of it as fits shows.
  useEffect(() => {
    if (document.activeElement !== document.body && document.activeElement !== null) return;
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ block: 'start' });
  }, []);

  const title: MessageKey = summary?.cancelled
    ? 'summaryCancelled'
    : summary?.stoppedBy
      ? 'summaryStopped'
      : p.failed > 0
        ? 'summaryWithProblems'
        : 'summaryDone';
  const tiles: CountTile[] = [
    { label: t('summaryMade'), value: p.done, tone: 'good' },
    { label: t('summaryFromLibrary'), value: p.fromLibrary },
    { label: t('summaryFailed'), value: p.failed, ...(p.failed > 0 ? { tone: 'bad' as const } : {}) },
    ...(p.remaining > 0 ? [{ label: t('summaryNotRun'), value: p.remaining, tone: 'bad' as const }] : []),
    ...(job.skippedRows > 0 ? [{ label: t('summarySkipped'), value: job.skippedRows }] : []),
  ];

  return (
    <section className="job-summary" aria-labelledby="job-summary-title">
      <h4 id="job-summary-title" ref={heading} tabIndex={-1}>
        {t(title)} <span className="file-name">{job.fileName}</span>
      </h4>
      {/* What to do next comes before the details, so it is in sight in the smallest window. */}
      <div className="summary-actions">
        <button type="button" onClick={() => void showOutput()}>
          {t('showInFolder')}
        </button>
        <button type="button" onClick={newBatch}>
          {t('newBatch')}
        </button>
      </div>
      <CountTiles label={t('summaryCounts')} tiles={tiles} />
      {summary?.cancelled && p.remaining > 0 && <p className="note">{t('cancelledNote')}</p>}
      {summary?.stoppedBy && (
        <div className="inline-error">
          <ErrorText error={summary.stoppedBy} />
        </div>
      )}
      {summary?.outputError && (
        <div className="inline-error">
          <ErrorText error={summary.outputError} />
        </div>
      )}
      {summary?.notKept && (
        <div className="inline-error">
          <ErrorText error={summary.notKept} />
        </div>
      )}
      {summary && (
        <dl className="output-files">
          <div>
            <dt>{t('outputFolder')}</dt>
            <dd className="path">{summary.outDir}</dd>
          </div>
          {summary.resultsFile && (
            <div>
              <dt>{t('resultsFile')}</dt>
              <dd className="path">{summary.resultsFile}</dd>
            </div>
          )}
          {summary.zipFile && (
            <div>
              <dt>{t('zipFile')}</dt>
              <dd className="path">{summary.zipFile}</dd>
            </div>
          )}
        </dl>
      )}
      {summary && summary.problemRows.length > 0 && <ProblemRowsTable rows={summary.problemRows} />}
    </section>
  );
}
