/** The two languages the app speaks. */
export type Lang = 'en' | 'zh';

/**
 * The language setting applied: a chosen language, or with 'auto' the OS locale's — Chinese for
 * any zh locale (zh-CN, zh-TW, zh_CN.UTF-8, …), English for every other.
 */
export function resolveLang(setting: 'auto' | Lang, systemLocale: string): Lang {
  if (setting !== 'auto') return setting;
  return /^zh/i.test(systemLocale) ? 'zh' : 'en';
}
