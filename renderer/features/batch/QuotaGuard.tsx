import type { PlanView } from '../../../shared/batch';
import { useT } from '../../i18n';
import { countOf, needsConfirmation, quotaSentence } from './batchRules';

/**
 * Limited and square codes spend a lifetime quota that never comes back: the batch says how much.
 * The yes itself is given in main's native dialog at Start, which the page can neither show nor answer.
 */
export function QuotaGuard({ plan }: { plan: PlanView }) {
  const { t } = useT();
  const { quota } = plan;
  const tone = !quota.enough ? 'danger' : needsConfirmation(plan) ? 'warn' : 'calm';
  return (
    <div className={`quota-guard ${tone}`}>
      <p id="quota-sentence">{quotaSentence(quota, t)}</p>
      {!quota.enough && <p className="fix">{`${t('fixPrefix')} ${t('quotaNotEnoughFix')}`}</p>}
      {quota.enough && needsConfirmation(plan) && (
        <p className="confirm-spend">
          {t('confirmSpendNote', { codes: countOf(quota.newCodes, 'codesOne', 'codesMany', t) })}
        </p>
      )}
    </div>
  );
}
