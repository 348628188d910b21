import { type Lang, resolveLang } from '../../shared/language';
import type { Services } from '../app/services';

/** The language main speaks in files and native dialogs: the one chosen in the app, else the system's. */
export async function appLanguage({ settings, info }: Pick<Services, 'settings' | 'info'>): Promise<Lang> {
  return resolveLang((await settings.read()).locale, info.systemLocale);
}
