import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { countSentence } from '../domain/filter-labels.ts';
import type { MessageKey } from './catalogues.ts';
import { CATALOGUE_LOADERS, ENGLISH_MESSAGES, LANGUAGES } from './catalogues.ts';

const DIR = fileURLToPath(new URL('.', import.meta.url));
// Every catalogue file in the folder, registered or not: a new one is checked the day it lands.
const files = readdirSync(DIR).filter((name) => name.endsWith('.json'));
const catalogue = (file: string): Record<string, string> => JSON.parse(readFileSync(`${DIR}${file}`, 'utf8'));

/** The names of a message's arguments ({count}, {shown}, plural and select included). */
function argumentsOf(elements: MessageFormatElement[], names = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type !== TYPE.literal && element.type !== TYPE.pound && element.type !== TYPE.tag) {
      names.add(element.value);
    }
    if ('options' in element) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, names);
    }
    if ('children' in element) argumentsOf(element.children, names);
  }
  return names;
}

const englishKeys = Object.keys(ENGLISH_MESSAGES).sort();

describe('message catalogues', () => {
  it('register a loader for every catalogue file, English first', () => {
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...LANGUAGES].sort());
    expect(LANGUAGES[0]).toBe('en');
  });

  for (const file of files.filter((f) => f !== 'en.json')) {
    it(`${file} has every key English has, and no other`, () => {
      const keys = Object.keys(catalogue(file));
      expect(
        englishKeys.filter((key) => !keys.includes(key)),
        'missing',
      ).toEqual([]);
      expect(
        keys.filter((key) => !englishKeys.includes(key)),
        'not in English',
      ).toEqual([]);
    });

    it(`${file} has no empty message and uses English's arguments`, () => {
      const messages = catalogue(file);
      for (const key of englishKeys) {
        const message = messages[key] ?? '';
        expect(message.trim(), key).not.toBe('');
        expect([...argumentsOf(parse(message))].sort(), key).toEqual(
          [...argumentsOf(parse(ENGLISH_MESSAGES[key as keyof typeof ENGLISH_MESSAGES]))].sort(),
        );
      }
    });
  }

  it('parse as ICU MessageFormat', () => {
    for (const file of files) {
      for (const [key, message] of Object.entries(catalogue(file))) {
        expect(() => parse(message), `${file} ${key}`).not.toThrow();
      }
    }
  });
});

describe('formatted messages', () => {
  const format = async (
    language: (typeof LANGUAGES)[number],
    key: string,
    values: Record<string, unknown>,
  ) => {
    const intl = createIntl({ locale: language, messages: await CATALOGUE_LOADERS[language]() });
    return intl.formatMessage({ id: key as MessageKey }, values as Record<string, string | number>);
  };

  it('says the count as the live region does, with ICU plurals', async () => {
    for (const [shown, total] of [
      [12, 34],
      [0, 34],
      [34, 34],
    ] as const) {
      expect(await format('en', 'count.sentence', { shown, total })).toBe(countSentence(shown, total));
    }
    expect(await format('en', 'count.sentence', { shown: 1, total: 1 })).toBe('1 of 1 event');
  });

  it('says it in Chinese', async () => {
    expect(await format('zh', 'count.sentence', { shown: 12, total: 34 })).toBe('共 34 项中的 12 项');
    expect(await format('zh', 'kind.exercise', {})).toBe('演习');
  });
});
