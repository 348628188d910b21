import type { PlanView } from '../../../shared/batch';
import { useT } from '../../i18n';
import { CountTiles } from './CountTiles';

/** What the check found, at a glance. */
export function CheckCounts({ plan }: { plan: PlanView }) {
  const { t } = useT();
  return (
    <CountTiles
      label={t('checkCounts')}
      tiles={[
        { label: t('countValid'), note: t('countValidNote'), value: plan.valid, tone: 'good' },
        {
          label: t('countInvalid'),
          note: t('countInvalidNote'),
          value: plan.invalidCount,
          ...(plan.invalidCount > 0 ? { tone: 'bad' as const } : {}),
        },
        { label: t('countRepeats'), note: t('countRepeatsNote'), value: plan.repeats },
        { label: t('countInLibrary'), note: t('countInLibraryNote'), value: plan.inLibrary },
      ]}
    />
  );
}
