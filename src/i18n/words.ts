import type { IntlShape } from 'react-intl';
import { createIntl, createIntlCache } from 'react-intl';
import type { Language, MessageKey, Messages } from './catalogues.ts';
import { ENGLISH_MESSAGES } from './catalogues.ts';
import { localeTag } from './language.ts';

// The catalogues as the domain modules read them: a language and a `t` that formats one message.
// Domain functions that word something take a `Words` (English by default, so their tests and
// non-React callers read as before); components pass the one their IntlProvider holds.

export type MessageValues = Record<string, string | number>;

export interface Words {
  language: Language;
  /** BCP 47 tag for Intl ("zh-Hans"). */
  locale: string;
  t: (key: MessageKey, values?: MessageValues) => string;
  /** A number in the language's digits and grouping ("50,000"). */
  number: (value: number) => string;
}

const cache = createIntlCache();

/** Past this many remembered texts a Words forgets them all and starts again. */
const REMEMBERED_TEXTS = 5_000;

/**
 * Each text is formatted once per Words and then remembered: the table, the filters and the
 * timeline ask for the same labels and dates on every change of the view, and formatjs's own
 * cache serialises its arguments to JSON on each call (a fifth of a second over the bench's
 * drive through the UI at 50,000 events).
 */
export function wordsFromIntl(intl: IntlShape, language: Language): Words {
  const texts = new Map<string, string>();
  const numbers = new Map<number, string>();
  return {
    language,
    locale: localeTag(language),
    t: (key, values) => {
      const memo = values === undefined ? key : `${key}\u0000${valuesKey(values)}`;
      let text = texts.get(memo);
      if (text === undefined) {
        text = intl.formatMessage({ id: key }, values);
        if (texts.size >= REMEMBERED_TEXTS) texts.clear();
        texts.set(memo, text);
      }
      return text;
    },
    number: (value) => {
      let text = numbers.get(value);
      if (text === undefined) {
        text = intl.formatNumber(value);
        if (numbers.size >= REMEMBERED_TEXTS) numbers.clear();
        numbers.set(value, text);
      }
      return text;
    },
  };
}

/** The values as a key: a number and the string of its digits format differently, so the type is part of it. */
function valuesKey(values: MessageValues): string {
  let key = '';
  for (const name in values) {
    const value = values[name];
    key += `${name}\u0000${typeof value === 'number' ? 'n' : 's'}${value}\u0000`;
  }
  return key;
}

export function createWords(language: Language, messages: Messages): Words {
  return wordsFromIntl(
    createIntl({ locale: localeTag(language), defaultLocale: 'en', messages }, cache),
    language,
  );
}

export const ENGLISH_WORDS: Words = createWords('en', ENGLISH_MESSAGES);

interface Translatable {
  i18n?: Partial<Record<string, Partial<Record<string, string>>>> | undefined;
}

/**
 * A data text in the reader's language, or the English one with `lang: 'en'` to mark it when no
 * translation exists (a screen reader then reads it in English; never a blank).
 */
export function localized<T extends Translatable, F extends string & keyof T>(
  item: T,
  field: F,
  language: Language,
): { text: string; lang?: 'en' } {
  const english = String(item[field]);
  if (language === 'en') return { text: english };
  const translated = item.i18n?.[language]?.[field];
  return translated ? { text: translated } : { text: english, lang: 'en' };
}
