import type { AppInfo } from '../../shared/ipc/channels';
import { type Lang, resolveLang } from '../../shared/language';
import type { SettingsStore } from '../core/storage/settings';

/** The language main speaks in files and native dialogs: the one chosen in the app, else the system's. */
export async function appLanguage({
  settings,
  info,
}: {
  settings: SettingsStore;
  info: Pick<AppInfo, 'systemLocale'>;
}): Promise<Lang> {
  return resolveLang((await settings.read()).locale, info.systemLocale);
}
