import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { useAccounts } from '../accounts/accountsStore';
import { usePrintChoiceKey } from './batchPrintStore';
import { startBlocker, startLabel } from './batchRules';
import { useBatch } from './batchStore';
import { CampaignField } from './CampaignField';
import { QuotaGuard } from './QuotaGuard';
import { sampleSeen } from './store/sampleSlice';

/** The quota guard and Start, with the reason when Start cannot be pressed yet. */
export function StartPanel() {
  const { t } = useT();
  const accountId = useAccounts((a) => a.activeId);
  // A changed Print part asks for a new look at the first row (setupKey).
  usePrintChoiceKey();
  const plan = useBatch((s) => s.plan);
  const planError = useBatch((s) => s.planError);
  const starting = useBatch((s) => s.starting);
  const start = useBatch((s) => s.start);
  const ranBefore = useBatch((s) => s.job?.progress.state === 'finished');
  const seen = useBatch((s) => sampleSeen(s, accountId));
  const blocker = startBlocker({
    accountId,
    ...useBatch(
      useShallow((s) => ({
        hasSheet: s.sheet !== null,
        kind: s.kind,
        planning: s.planning,
        planFailed: s.planError !== null,
        plan: s.plan,
        nameFailed: s.nameError !== null,
        hasFolder: s.folder !== null,
        concurrency: s.concurrency,
        ratePerMinute: s.ratePerMinute,
      })),
    ),
    sampleSeen: seen,
  });
  return (
    <div className="start-panel">
      {plan && !planError && <QuotaGuard plan={plan} />}
      <CampaignField />
      <div className="start-row">
        <button
          type="button"
          className="primary"
          disabled={blocker !== null || starting}
          aria-busy={starting}
          aria-describedby={blocker ? 'start-blocker' : undefined}
          onClick={() => void start()}
        >
          {starting ? t('starting') : ranBefore ? t('startAgain') : startLabel(plan, seen, t)}
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
