import { type Lang, resolveLang as resolveSetting } from '../../shared/language';
import { fillPlaceholders } from '../../shared/placeholders';
import type { Localized } from '../../shared/result';
import { useSettings } from '../app/settingsStore';
import { type Dictionary, en, type MessageKey } from './en';
import { zh } from './zh';

export type { Lang, MessageKey };

const DICTIONARIES: Record<Lang, Dictionary> = { en, zh };

/** 'auto' follows the OS locale (from the main process, else the browser's). */
export const resolveLang = (setting: 'auto' | Lang, systemLocale: string | undefined): Lang =>
  resolveSetting(setting, systemLocale ?? navigator.language);

export type Params = Record<string, string | number>;

export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  return fillPlaceholders(DICTIONARIES[lang][key], params);
}

export function useLang(): Lang {
  const locale = useSettings((s) => s.settings.locale);
  const systemLocale = useSettings((s) => s.info?.systemLocale);
  return resolveLang(locale, systemLocale);
}

export type Translate = (key: MessageKey, params?: Params) => string;

/** `t(key, params)` in the current language, plus `pick` for Localized texts from the main process. */
export function useT(): { t: Translate; pick: (text: Localized) => string; lang: Lang } {
  const lang = useLang();
  return {
    lang,
    t: (key, params) => translate(lang, key, params),
    pick: (text) => text[lang],
  };
}

/** Numbers as the language writes them (1,234 in both). */
export const formatCount = (n: number): string => n.toLocaleString('en-US');
