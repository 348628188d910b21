import type { CodeKind } from '../../../shared/codeRequest';
import { useT } from '../../i18n';
import { Segmented } from '../../ui/Segmented';
import { useCode } from './codeStore';

export function KindPicker() {
  const { t } = useT();
  const kind = useCode((s) => s.draft.kind);
  const setKind = useCode((s) => s.setKind);
  return (
    <Segmented<CodeKind>
      name="kind"
      legend={t('kind')}
      variant="cards"
      value={kind}
      onChange={setKind}
      options={[
        { value: 'limited', label: t('kindLimited'), note: t('kindLimitedNote') },
        { value: 'unlimited', label: t('kindUnlimited'), note: t('kindUnlimitedNote') },
        { value: 'qrcode', label: t('kindQrcode'), note: t('kindQrcodeNote') },
      ]}
    />
  );
}
