import { LIMITED_QUOTA, spendsQuota } from '../../../shared/codeRequest';
import { formatCount, useT } from '../../i18n';
import { useActiveAccount } from '../accounts/accountsStore';
import { useCode } from './codeStore';

/**
 * What pressing Generate spends: one of the 100,000 limited and square codes a mini program may
 * ever make (shared by both kinds), with what is left when WeChat has reported Num-Used. Unlimited
 * codes cost nothing, so they are offered for trying things out.
 */
export function CostNote({ id }: { id: string }) {
  const { t } = useT();
  const kind = useCode((s) => s.draft.kind);
  const setKind = useCode((s) => s.setKind);
  const used = useActiveAccount()?.numUsed;
  if (!spendsQuota(kind)) return null;
  const left = used === undefined ? undefined : Math.max(0, LIMITED_QUOTA - used - 1);
  const total = formatCount(LIMITED_QUOTA);
  const cost =
    used !== undefined && used >= LIMITED_QUOTA
      ? t('costNoneLeft', { total })
      : left === undefined
        ? t('costUnknown', { total })
        : t('costKnown', { total, left: formatCount(left) });
  return (
    <div className="cost-note">
      <p id={id}>{cost}</p>
      <p className="note">
        {t('costExperiment')}{' '}
        <button type="button" className="blocker-link" onClick={() => setKind('unlimited')}>
          {t('switchToUnlimited')}
        </button>
      </p>
    </div>
  );
}
