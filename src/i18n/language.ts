import type { Language } from './catalogues.ts';
import { DEFAULT_LANGUAGE, isLanguage } from './catalogues.ts';

// Which language the atlas speaks: the URL's `lang` (the shareable view, parsed in
// domain/view-state.ts), else the reader's browser, else English.

/** The first of the reader's languages the atlas has: "zh-TW", "zh-Hans-CN" and "zh" all give zh. */
export function browserLanguage(
  languages: readonly string[] = globalThis.navigator?.languages ?? [],
): Language {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0] ?? '';
    if (isLanguage(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}

/** The BCP 47 tag for `<html lang>` and Intl: the atlas's Chinese is Simplified. */
export function localeTag(language: Language): string {
  return language === 'zh' ? 'zh-Hans' : 'en';
}

/** Each language named in itself, for the switch: a reader finds their own language by its name. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', zh: '中文' };

/**
 * The `lang` parameter's value: a language of the atlas, null for "follow the browser" (empty),
 * or undefined for a value the atlas cannot read (the caller falls back to English and says so).
 */
export function readLanguageParam(value: string): Language | null | undefined {
  const language = value.trim().toLowerCase();
  if (language === '') return null;
  return isLanguage(language) ? language : undefined;
}

/** The language a page opens in, before the app has parsed the rest of its URL. */
export function startLanguage(search: string, languages?: readonly string[]): Language {
  const param = new URLSearchParams(search).get('lang');
  const asked = param === null ? null : readLanguageParam(param);
  if (asked === undefined) return DEFAULT_LANGUAGE;
  return asked ?? browserLanguage(languages);
}
