import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { IntlProvider } from 'react-intl';
import type { Language, Messages } from '../i18n/catalogues.ts';
import { CATALOGUE_LOADERS, DEFAULT_LANGUAGE } from '../i18n/catalogues.ts';
import { addChineseFontForText } from '../i18n/chinese-font.ts';
import { localeTag } from '../i18n/language.ts';

// The interface language of every mode (explorer, embed, presenter, speaker). The view state owns
// the `lang` parameter (domain/view-state.ts); the surface that holds the view tells this provider
// which language that gives, and the provider loads its catalogue and sets <html lang>, so that a
// screen reader switches voice.

interface LanguageApi {
  language: Language;
  setLanguage: (language: Language) => void;
}

const LanguageContext = createContext<LanguageApi>({
  language: DEFAULT_LANGUAGE,
  setLanguage: () => undefined,
});

export function useLanguage(): LanguageApi {
  return useContext(LanguageContext);
}

interface Loaded {
  language: Language;
  messages: Messages;
}

function applyToDocument(language: Language) {
  document.documentElement.lang = localeTag(language);
  if (language === 'zh') addChineseFontForText(import.meta.env.BASE_URL);
}

export function LanguageProvider({ initial, children }: { initial: Loaded; children: ReactNode }) {
  const [wanted, setWanted] = useState<Language>(initial.language);
  const [loaded, setLoaded] = useState<Loaded>(initial);

  useEffect(() => {
    if (wanted === loaded.language) return;
    let current = true;
    CATALOGUE_LOADERS[wanted]().then((messages) => {
      if (current) setLoaded({ language: wanted, messages });
    });
    return () => {
      current = false;
    };
  }, [wanted, loaded.language]);

  useEffect(() => applyToDocument(loaded.language), [loaded.language]);

  const setLanguage = useCallback((language: Language) => setWanted(language), []);
  const api = useMemo(() => ({ language: loaded.language, setLanguage }), [loaded.language, setLanguage]);
  return (
    <LanguageContext.Provider value={api}>
      <IntlProvider locale={localeTag(loaded.language)} defaultLocale="en" messages={loaded.messages}>
        {children}
      </IntlProvider>
    </LanguageContext.Provider>
  );
}

/** The catalogue of the page's first language, loaded before the first render (none for English). */
export async function loadStartLanguage(language: Language): Promise<Loaded> {
  const messages = await CATALOGUE_LOADERS[language]();
  applyToDocument(language);
  return { language, messages };
}
