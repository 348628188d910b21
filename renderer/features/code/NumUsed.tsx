import { LIMITED_QUOTA } from '../../../shared/codeRequest';
import { formatCount, useT } from '../../i18n';
import { useActiveAccount } from '../accounts/accountsStore';

/** The lifetime quota as WeChat last reported it; nothing when it never said. */
export function NumUsed() {
  const { t } = useT();
  const used = useActiveAccount()?.numUsed;
  if (used === undefined) return null;
  const share = Math.min(1, used / LIMITED_QUOTA);
  return (
    <span className="num-used" title={t('numUsedTitle')}>
      <span>{t('numUsed', { used: formatCount(used), limit: formatCount(LIMITED_QUOTA) })}</span>
      <meter
        min={0}
        max={LIMITED_QUOTA}
        low={80_000}
        high={95_000}
        optimum={0}
        value={used}
        aria-label={t('numUsedTitle')}
      >
        {Math.round(share * 100)}%
      </meter>
    </span>
  );
}
