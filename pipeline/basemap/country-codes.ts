import countries from 'i18n-iso-countries';

// Natural Earth gives these features no ISO numeric id. Kosovo has the widely used user-assigned
// XKX; the others are not ISO entities, so they take the code of the state ISO assigns them to and
// are flagged `disputed` so the map can still draw their own outline.
const WITHOUT_NUMERIC_ID: Record<string, { iso3: string; disputed: boolean }> = {
  Kosovo: { iso3: 'XKX', disputed: false },
  'N. Cyprus': { iso3: 'CYP', disputed: true },
  Somaliland: { iso3: 'SOM', disputed: true },
  'Indian Ocean Ter.': { iso3: 'AUS', disputed: false },
  'Siachen Glacier': { iso3: 'IND', disputed: true },
};

export function countryCodeOf(numericId: string | number | undefined, name: string) {
  const fallback = WITHOUT_NUMERIC_ID[name];
  if (fallback) return fallback;
  if (numericId === undefined) return undefined;
  const iso3 = countries.numericToAlpha3(String(numericId).padStart(3, '0'));
  return iso3 ? { iso3, disputed: false } : undefined;
}
