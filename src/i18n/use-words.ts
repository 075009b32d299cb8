import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { DEFAULT_LANGUAGE, LANGUAGES } from './catalogues.ts';
import { localeTag } from './language.ts';
import type { Words } from './words.ts';
import { wordsFromIntl } from './words.ts';

/** The catalogues of the IntlProvider above, as domain modules read them. */
export function useWords(): Words {
  const intl = useIntl();
  return useMemo(() => {
    const language = LANGUAGES.find((l) => localeTag(l) === intl.locale) ?? DEFAULT_LANGUAGE;
    return wordsFromIntl(intl, language);
  }, [intl]);
}
