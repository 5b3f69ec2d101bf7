/** The languages the desk speaks: Simplified Chinese first, English second. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language's own name for itself, as the language switch shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '简体中文', en: 'English' };

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en';
}

/**
 * The desk's locale for a BCP 47 language tag: any `zh…` is Simplified Chinese, any
 * `en…` English; anything else is not ours (null).
 */
export function localeOfLanguageTag(tag: string): Locale | null {
  const language = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (language === 'zh') return 'zh-CN';
  if (language === 'en') return 'en';
  return null;
}
