import { formatCount, useT } from '../../i18n';
import { madeAt } from '../code/codeFacts';
import { useBatch } from './batchStore';

/** Batches a crash, a quit or a cancel left part-done: continuing skips the finished rows. */
export function UnfinishedBatches({ locked }: { locked: boolean }) {
  const { t, lang } = useT();
  const unfinished = useBatch((s) => s.unfinished);
  const continueBatch = useBatch((s) => s.continueBatch);
  const discard = useBatch((s) => s.discard);
  // While one is starting, a second click would start it twice or discard what is being continued.
  const starting = useBatch((s) => s.starting);
  if (unfinished.length === 0) return null;
  return (
    <section className="unfinished" aria-labelledby="unfinished-title">
      <h4 id="unfinished-title">{t('unfinishedTitle')}</h4>
      <p className="note">{t('unfinishedNote')}</p>
      <ul>
        {unfinished.map((batch) => (
          <li key={batch.batchId}>
            <div className="unfinished-text">
              <span className="file-name">{batch.fileName}</span>
              <span className="note">
                {t('unfinishedLine', {
                  finished: formatCount(batch.finished),
                  rows: formatCount(batch.rows),
                  when: madeAt(lang, batch.startedAt),
                })}
              </span>
              {batch.unreceived > 0 && (
                <span className="note">
                  {t('unfinishedUnreceived', { count: formatCount(batch.unreceived) })}
                </span>
              )}
              <span className="note path" title={batch.outDir}>
                {batch.outDir}
              </span>
            </div>
            <button
              type="button"
              disabled={locked || starting}
              aria-label={t('continueNamed', { name: batch.fileName })}
              onClick={() => void continueBatch(batch.batchId)}
            >
              {t('continueBatch')}
            </button>
            <button
              type="button"
              className="ghost"
              disabled={locked || starting}
              aria-label={t('discardNamed', { name: batch.fileName })}
              onClick={() => void discard(batch.batchId)}
            >
              {t('discardBatch')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
