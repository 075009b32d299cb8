import en from './en.json';

// Message catalogues, one JSON file per language, flat keys to ICU MessageFormat strings (the
// format FormatJS's react-intl reads). English is the reference: every other catalogue has
// exactly its keys (a unit test fails otherwise), so the next language is one more JSON file here
// and one more entry below. The Chinese font subset also reads every catalogue in this folder.

export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

/** English ships with the app; other languages load on demand, so English readers never fetch them. */
export const ENGLISH_MESSAGES: Messages = en;

export const CATALOGUE_LOADERS: Record<Language, () => Promise<Messages>> = {
  en: () => Promise.resolve(en),
  zh: () => import('./zh.json').then((module) => module.default),
};

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}
