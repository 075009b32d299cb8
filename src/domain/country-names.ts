// Only the code table of i18n-iso-countries (about 3 kB gzipped), not its name catalogues: the
// names themselves come from the browser's own CLDR data through Intl.DisplayNames, which knows
// regions by ISO alpha-2 (or UN M49) codes only, while the dataset keys countries by alpha-3.
import codes from 'i18n-iso-countries/codes.json';

/** The languages a country is searched by, whatever the interface language. */
export const COUNTRY_SEARCH_LANGUAGES = ['en', 'zh'] as const;

// Codes the dataset uses that ISO (and so the table) does not: Kosovo's user-assigned XKX,
// which CLDR knows as XK.
const EXTRA_ALPHA2: Readonly<Record<string, string>> = { XKX: 'XK' };

const alpha2ByAlpha3: ReadonlyMap<string, string> = new Map([
  ...(codes as readonly (readonly string[])[]).flatMap(([alpha2, alpha3]) =>
    alpha2 && alpha3 ? [[alpha3, alpha2] as const] : [],
  ),
  ...Object.entries(EXTRA_ALPHA2),
]);

export function alpha2Of(iso3: string): string | undefined {
  return alpha2ByAlpha3.get(iso3.toUpperCase());
}

// `zh` alone would follow the reader's region in some engines (Traditional for zh-TW); the
// atlas's Chinese is Simplified.
const CLDR_LOCALE: Readonly<Record<string, string>> = { zh: 'zh-Hans' };

const displayNames = new Map<string, Intl.DisplayNames | null>();

function regionNamesIn(language: string): Intl.DisplayNames | null {
  let names = displayNames.get(language);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([CLDR_LOCALE[language] ?? language], {
        type: 'region',
        fallback: 'none',
      });
    } catch {
      names = null;
    }
    displayNames.set(language, names);
  }
  return names;
}

/**
 * The CLDR name of a country in a language ("俄罗斯" for RUS in `zh`), or `fallback` (the
 * dataset's English name) where the code or the language is unknown to the browser.
 */
export function countryName(iso3: string, language: string, fallback?: string): string | undefined {
  return cldrName(iso3, language) ?? fallback;
}

// Intl.DisplayNames#of costs tens of microseconds a call; a 50,000-event dataset asks it for
// every partner of every event (the search text), which held the first view for about a second.
// A country has one name a language, so each is asked once.
const cldrNames = new Map<string, string | null>();

function cldrName(iso3: string, language: string): string | undefined {
  const key = `${language}|${iso3}`;
  let name = cldrNames.get(key);
  if (name === undefined) {
    const alpha2 = alpha2Of(iso3);
    name = (alpha2 ? regionNamesIn(language)?.of(alpha2) : undefined) ?? null;
    cldrNames.set(key, name);
  }
  return name ?? undefined;
}

/** Every name a reader might search a country by: the dataset's own and CLDR's in each language. */
export function countrySearchNames(iso3: string, datasetName?: string): string[] {
  const names = [datasetName, ...COUNTRY_SEARCH_LANGUAGES.map((language) => countryName(iso3, language))];
  return [...new Set(names.filter((name): name is string => Boolean(name)))];
}

/** Each country's name in a language, for the map's labels and every panel (CLDR, else `fallback`). */
export function countryNamesIn(
  iso3s: Iterable<string>,
  language: string,
  fallback: (iso3: string) => string | undefined,
): Map<string, string> {
  const names = new Map<string, string>();
  for (const iso3 of iso3s) {
    const name = countryName(iso3, language, fallback(iso3));
    if (name) names.set(iso3, name);
  }
  return names;
}
