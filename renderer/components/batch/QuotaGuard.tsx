import type { PlanView } from '../../../shared/batch';
import { useT } from '../../i18n';
import { countOf, needsConfirmation, quotaSentence, spendConfirmed } from '../../store/batchRules';
import { useBatch } from '../../store/batchStore';

/**
 * Limited and square codes spend a lifetime quota that never comes back: the batch says how much,
 * and starts only after the user ticks that they understand the count.
 */
export function QuotaGuard({ plan }: { plan: PlanView }) {
  const { t } = useT();
  const confirmedSpend = useBatch((s) => s.confirmedSpend);
  const confirm = useBatch((s) => s.confirm);
  const { quota } = plan;
  const tone = !quota.enough ? 'danger' : needsConfirmation(plan) ? 'warn' : 'calm';
  return (
    <div className={`quota-guard ${tone}`}>
      <p id="quota-sentence">{quotaSentence(quota, t)}</p>
      {!quota.enough && <p className="fix">{`${t('fixPrefix')} ${t('quotaNotEnoughFix')}`}</p>}
      {quota.enough && needsConfirmation(plan) && (
        <label className="confirm-spend">
          <input
            type="checkbox"
            checked={spendConfirmed(plan, confirmedSpend)}
            aria-describedby="quota-sentence"
            onChange={(e) => confirm(e.target.checked)}
          />
          {t('confirmSpend', { codes: countOf(quota.newCodes, 'codesOne', 'codesMany', t) })}
        </label>
      )}
    </div>
  );
}
