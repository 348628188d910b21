import type { EnvVersion } from '../../../shared/codeRequest';
import { useT } from '../../i18n';
import { Segmented } from '../../ui/Segmented';

interface Props {
  /** The radio group's name, unique in the window. */
  name?: string;
  value: EnvVersion;
  onChange(envVersion: EnvVersion): void;
}

export function EnvVersionField({ name = 'env-version', value, onChange }: Props) {
  const { t } = useT();
  return (
    <Segmented<EnvVersion>
      name={name}
      legend={t('envVersion')}
      value={value}
      onChange={onChange}
      options={[
        { value: 'release', label: t('envRelease') },
        { value: 'trial', label: t('envTrial') },
        { value: 'develop', label: t('envDevelop') },
      ]}
    />
  );
}
