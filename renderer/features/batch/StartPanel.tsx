import { useT } from '../../i18n';
import { useAccounts } from '../accounts/accountsStore';
import { startBlocker } from './batchRules';
import { useBatch } from './batchStore';
import { QuotaGuard } from './QuotaGuard';

/** The quota guard and Start, with the reason when Start cannot be pressed yet. */
export function StartPanel() {
  const { t } = useT();
  const s = useBatch();
  const accountId = useAccounts((a) => a.activeId);
  const ranBefore = s.job?.progress.state === 'finished';
  const blocker = startBlocker({
    hasSheet: s.sheet !== null,
    kind: s.kind,
    accountId,
    planning: s.planning,
    planFailed: s.planError !== null,
    plan: s.plan,
    nameFailed: s.nameError !== null,
    hasFolder: s.folder !== null,
    concurrency: s.concurrency,
    ratePerMinute: s.ratePerMinute,
  });
  return (
    <div className="start-panel">
      {s.plan && !s.planError && <QuotaGuard plan={s.plan} />}
      <div className="start-row">
        <button
          type="button"
          className="primary"
          disabled={blocker !== null || s.starting}
          aria-busy={s.starting}
          aria-describedby={blocker ? 'start-blocker' : undefined}
          onClick={() => void s.start()}
        >
          {s.starting ? t('starting') : ranBefore ? t('startAgain') : t('startBatch')}
        </button>
        {blocker && (
          <p id="start-blocker" className="note">
            {t(blocker.key, blocker.params)}
          </p>
        )}
      </div>
    </div>
  );
}
