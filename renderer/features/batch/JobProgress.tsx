import { useEffect, useRef } from 'react';
import type { BatchState, BatchUpdate } from '../../../shared/batch';
import type { AppError } from '../../../shared/result';
import { formatCount, type MessageKey, useT } from '../../i18n';
import { ErrorText } from '../../ui/ErrorNotice';
import { finishedShare, timeLeft } from './batchRules';
import { useBatch } from './batchStore';

export const STATE_WORDS: Record<BatchState, MessageKey> = {
  idle: 'stateStarting',
  running: 'stateRunning',
  pausing: 'statePausing',
  paused: 'statePaused',
  stopping: 'stateStopping',
  finished: 'stateFinished',
};

/** A running batch: how far, how fast, and Pause / Resume / Cancel. */
export function JobProgress({ job }: { job: BatchUpdate }) {
  const { t } = useT();
  const pause = useBatch((s) => s.pause);
  const resume = useBatch((s) => s.resume);
  const cancel = useBatch((s) => s.cancel);
  const controls = useRef<HTMLDivElement>(null);
  const p = job.progress;
  const tried = p.done + p.failed;
  const paused = p.state === 'paused' || p.state === 'pausing';
  const stopping = p.state === 'stopping';

  // Start and Continue disappear as this appears: keyboard focus moves to the controls, not the page.
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null) {
      controls.current?.querySelector('button')?.focus();
    }
  }, []);

  const stats: Array<[MessageKey, string]> = [
    ['statDone', formatCount(p.done)],
    ['statFailed', formatCount(p.failed)],
    ['statRemaining', formatCount(p.remaining)],
    ['statSpeed', p.codesPerSecond.toFixed(1)],
    [
      'statTimeLeft',
      p.remaining === 0 ? '—' : p.secondsLeft !== undefined && !paused ? timeLeft(p.secondsLeft, t) : '…',
    ],
    ['statFromLibrary', formatCount(p.fromLibrary)],
  ];

  return (
    <div className="job-progress">
      <div className="job-head">
        <span className="file-name">{job.fileName}</span>
        <output className={`state ${p.state}`} aria-live="polite">
          {t(STATE_WORDS[p.state])}
        </output>
      </div>
      <progress
        max={Math.max(1, p.total)}
        value={tried}
        aria-label={t('progressLabel')}
        aria-valuetext={t('progressText', { tried: formatCount(tried), total: formatCount(p.total) })}
      />
      <p className="progress-text">
        {t('progressText', { tried: formatCount(tried), total: formatCount(p.total) })}
        {' · '}
        {Math.floor(finishedShare(p) * 100)}%
      </p>
      <dl className="job-stats">
        {stats.map(([key, value]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {p.pausedBy && (
        // It paused by itself (WeChat's daily limit, the same error row after row): why, the fix,
        // and that Resume continues where it stopped.
        <div className="inline-error" role="alert">
          <ErrorText error={p.pausedBy} />
        </div>
      )}
      {p.failures && p.failures.length > 0 && (
        // Failures as they happen, grouped by error with the fix: a print run is not ruined unseen.
        <ul
          className="failure-groups"
          aria-label={t('statFailed')}
          style={{ listStyle: 'none', padding: 0, display: 'grid', gap: 8 }}
        >
          {p.failures.map((group) => (
            <li key={failureKey(group.error)} className="inline-error">
              <strong className="failure-count">{`${formatCount(group.rows)} ×`}</strong>
              <ErrorText error={group.error} />
            </li>
          ))}
        </ul>
      )}
      {p.callsPerMinute !== undefined && (
        <p className="note">{t('paceInForce', { n: formatCount(Math.round(p.callsPerMinute)) })}</p>
      )}
      <div className="job-controls" ref={controls}>
        {paused ? (
          <button type="button" className="primary" onClick={() => void resume()}>
            {t('resumeBatch')}
          </button>
        ) : (
          <button type="button" disabled={stopping} onClick={() => void pause()}>
            {t('pauseBatch')}
          </button>
        )}
        <button type="button" className="danger-ghost" disabled={stopping} onClick={() => void cancel()}>
          {t('cancelBatch')}
        </button>
        <span className="note">{t('cancelNote')}</span>
      </div>
    </div>
  );
}

const failureKey = (error: AppError) => `${error.code}:${error.errcode ?? ''}:${error.field ?? ''}`;
