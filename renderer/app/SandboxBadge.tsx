import { useT } from '../i18n';

export function SandboxBadge() {
  const { t } = useT();
  return <span className="badge sandbox">{t('sandboxLabel')}</span>;
}
