import type { EnvVersion } from '../../../shared/codeRequest';
import { useT } from '../../i18n';
import { Segmented } from '../../ui/Segmented';
import { useCode } from './codeStore';

export function EnvVersionField() {
  const { t } = useT();
  const envVersion = useCode((s) => s.draft.envVersion);
  const edit = useCode((s) => s.edit);
  return (
    <Segmented<EnvVersion>
      name="env-version"
      legend={t('envVersion')}
      value={envVersion}
      onChange={(value) => edit({ envVersion: value })}
      options={[
        { value: 'release', label: t('envRelease') },
        { value: 'trial', label: t('envTrial') },
        { value: 'develop', label: t('envDevelop') },
      ]}
    />
  );
}
