import { resolveLang, useT } from '../i18n';
import { useSettings } from './settingsStore';

export function LanguageSwitch() {
  const { t } = useT();
  const locale = useSettings((s) => s.settings.locale);
  const systemLocale = useSettings((s) => s.info?.systemLocale);
  const update = useSettings((s) => s.update);
  const system = resolveLang('auto', systemLocale) === 'zh' ? t('languageZh') : t('languageEn');
  return (
    <div className="language">
      <label htmlFor="language" className="muted-label">
        {t('language')}
      </label>
      <select
        id="language"
        value={locale}
        onChange={(e) => void update({ locale: e.target.value as typeof locale })}
      >
        <option value="auto">{t('languageAuto', { lang: system })}</option>
        <option value="en" lang="en">
          {t('languageEn')}
        </option>
        <option value="zh" lang="zh-CN">
          {t('languageZh')}
        </option>
      </select>
    </div>
  );
}
