// Country names as written in news text → ISO 3166-1 alpha-3. Pure: every table comes in through
// createGeocoder, so tests can pass small ones; load-gazetteer.ts builds the real tables.

import { isRealIsoDate } from '../../src/domain/dates.ts';

export type GeocodeResult =
  | { input: string; status: 'ok'; iso3: string; name: string }
  | { input: string; status: 'ambiguous'; candidates: string[] }
  | { input: string; status: 'unknown'; suggestions?: string[] }
  | { input: string; status: 'group'; group: string; members: string[]; date: string; note?: string };

export interface Geocoder {
  /** `date` is YYYY-MM-DD (default: today, UTC) and only matters for organisations. */
  resolve(name: string, options?: { date?: string }): GeocodeResult;
  countryName(iso3: string): string | undefined;
  membersOf(organisation: string, date: string): string[] | undefined;
  /** every known country name/alias (not demonyms) with its iso3, for text scanning by a later ingest tool; longest first */
  names(): Array<{ name: string; iso3: string }>;
  demonyms(): Array<{ name: string; iso3: string | null; candidates?: string[] }>;
  organisations(): Array<{ name: string; id: string }>;
}

/** One ISO 3166-1 country with its English names: the lowest-priority name source. */
export interface CountryRecord {
  iso3: string;
  iso2?: string;
  names: string[];
}

/** Counts from `since` (inclusive) until `until` (exclusive). */
export interface Membership {
  iso3: string;
  since: string;
  until?: string;
}

export interface IncludedOrganisation {
  organisation: string;
  since: string;
  until?: string;
}

export interface OrganisationRecord {
  id: string;
  name: string;
  aliases?: string[];
  members?: Membership[];
  /** every member of another organisation, while it takes part */
  includes?: IncludedOrganisation[];
  note?: string;
}

export interface GazetteerTables {
  countries: CountryRecord[];
  /** our names, each beating any ISO name that normalises the same */
  aliases: Record<string, string>;
  ambiguous: Record<string, string[]>;
  /** preferred short name per iso3; it also resolves to that iso3 */
  display: Record<string, string>;
  /** a list means the demonym is ambiguous */
  demonyms: Record<string, string | string[]>;
  organisations: OrganisationRecord[];
}

type NameMatch =
  | { kind: 'country'; iso3: string }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'organisation'; id: string };

interface IndexEntry {
  match: NameMatch;
  /** the written forms that normalise to this key, ours first */
  spellings: string[];
}

/** The comparison form of a name. Two names match only when these are equal. */
export function normaliseName(raw: string): string {
  return (
    raw
      // before NFKC, which would turn ´ into a space plus a combining accent
      .replace(/[‘’ʼ`´]/g, "'")
      .normalize('NFKC')
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/\./g, '')
      .replace(/&/g, ' and ')
      .replace(/[-‐‑‒–—,()/]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^the /, '')
  );
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Short inputs get fewer edits: two edits turn most three-letter words into some country. */
function suggestionDistance(key: string): number {
  if (key.length >= 6) return 2;
  return key.length >= 3 ? 1 : 0;
}

const isActive = (span: { since: string; until?: string }, date: string) =>
  span.since <= date && (span.until === undefined || date < span.until);

const longestFirst = (a: { name: string }, b: { name: string }) =>
  b.name.length - a.name.length || a.name.localeCompare(b.name, 'en');

const sameMatch = (a: NameMatch, b: NameMatch) => JSON.stringify(a) === JSON.stringify(b);

const today = () => new Date().toISOString().slice(0, 10);

function buildNameIndex(tables: GazetteerTables, problems: string[]): Map<string, IndexEntry> {
  const knownIso3 = new Set(tables.countries.map((country) => country.iso3));
  const checkIso3 = (iso3: string, where: string) => {
    if (!knownIso3.has(iso3)) problems.push(`${where}: unknown iso3 "${iso3}"`);
  };

  // i18n-iso-countries gives both Congos the name "Congo": a shared ISO name is ambiguous.
  const isoNames = new Map<string, { codes: string[]; spellings: string[] }>();
  for (const country of tables.countries) {
    for (const name of country.names) {
      const key = normaliseName(name);
      const entry = isoNames.get(key) ?? { codes: [], spellings: [] };
      if (!entry.codes.includes(country.iso3)) entry.codes.push(country.iso3);
      entry.spellings.push(name);
      isoNames.set(key, entry);
    }
  }

  const ours = new Map<string, IndexEntry & { source: string }>();
  const claim = (name: string, match: NameMatch, source: string) => {
    const key = normaliseName(name);
    const existing = ours.get(key);
    if (key === '') problems.push(`${source}: empty name`);
    else if (!existing) ours.set(key, { match, spellings: [name], source });
    else if (!sameMatch(existing.match, match))
      problems.push(`${source} "${name}" clashes with ${existing.source}`);
    else existing.spellings.push(name);
  };
  for (const [iso3, name] of Object.entries(tables.display)) {
    checkIso3(iso3, `display ${iso3}`);
    claim(name, { kind: 'country', iso3 }, `display ${iso3}`);
  }
  for (const [name, iso3] of Object.entries(tables.aliases)) {
    checkIso3(iso3, `alias "${name}"`);
    claim(name, { kind: 'country', iso3 }, `alias "${name}"`);
  }
  for (const [name, candidates] of Object.entries(tables.ambiguous)) {
    for (const iso3 of candidates) checkIso3(iso3, `ambiguous "${name}"`);
    if (new Set(candidates).size < 2) problems.push(`ambiguous "${name}" needs two or more candidates`);
    claim(name, { kind: 'ambiguous', candidates }, `ambiguous "${name}"`);
  }
  for (const organisation of tables.organisations) {
    const source = `organisation ${organisation.id}`;
    for (const member of organisation.members ?? []) checkIso3(member.iso3, source);
    for (const name of [organisation.id, organisation.name, ...(organisation.aliases ?? [])]) {
      if (isoNames.has(normaliseName(name))) problems.push(`${source}: "${name}" is also a country name`);
      claim(name, { kind: 'organisation', id: organisation.id }, source);
    }
  }

  const index = new Map<string, IndexEntry>();
  for (const [key, { codes, spellings }] of isoNames) {
    const [only] = codes;
    const match: NameMatch =
      codes.length === 1 && only ? { kind: 'country', iso3: only } : { kind: 'ambiguous', candidates: codes };
    index.set(key, { match, spellings });
  }
  for (const [key, { match, spellings }] of ours) {
    const isoSpellings = index.get(key)?.spellings ?? [];
    index.set(key, { match, spellings: [...new Set([...spellings, ...isoSpellings])] });
  }
  return index;
}

function buildOrganisations(tables: GazetteerTables, problems: string[]): Map<string, OrganisationRecord> {
  const byId = new Map<string, OrganisationRecord>();
  for (const organisation of tables.organisations) {
    if (byId.has(organisation.id)) problems.push(`organisation ${organisation.id} is listed twice`);
    byId.set(organisation.id, organisation);
  }
  for (const organisation of tables.organisations) {
    for (const included of organisation.includes ?? []) {
      if (!byId.has(included.organisation)) {
        problems.push(
          `organisation ${organisation.id} includes unknown organisation ${included.organisation}`,
        );
      }
    }
  }
  return byId;
}

function buildDemonyms(tables: GazetteerTables, problems: string[]): ReturnType<Geocoder['demonyms']> {
  const knownIso3 = new Set(tables.countries.map((country) => country.iso3));
  const seen = new Set<string>();
  const demonyms: ReturnType<Geocoder['demonyms']> = [];
  for (const [name, target] of Object.entries(tables.demonyms)) {
    const key = normaliseName(name);
    if (seen.has(key)) problems.push(`demonym "${name}" is listed twice`);
    seen.add(key);
    const codes = typeof target === 'string' ? [target] : target;
    for (const iso3 of codes) {
      if (!knownIso3.has(iso3)) problems.push(`demonym "${name}": unknown iso3 "${iso3}"`);
    }
    if (typeof target === 'string') demonyms.push({ name, iso3: target });
    else demonyms.push({ name, iso3: null, candidates: [...target] });
  }
  return demonyms.sort(longestFirst);
}

/** Throws if the tables contradict themselves, so a bad alias file fails at load, not mid-build. */
export function createGeocoder(tables: GazetteerTables): Geocoder {
  const problems: string[] = [];
  const index = buildNameIndex(tables, problems);
  const organisationsById = buildOrganisations(tables, problems);
  const demonymList = buildDemonyms(tables, problems);
  if (problems.length > 0) throw new Error(`inconsistent gazetteer tables:\n  ${problems.join('\n  ')}`);

  const displayNames = new Map<string, string>();
  const iso3ByCode = new Map<string, string>();
  for (const country of tables.countries) {
    const name = tables.display[country.iso3] ?? country.names[0];
    if (name) displayNames.set(country.iso3, name);
    iso3ByCode.set(country.iso3, country.iso3);
    if (country.iso2) iso3ByCode.set(country.iso2, country.iso3);
  }

  const countryNames = [...index.values()]
    .flatMap(({ match, spellings }) =>
      match.kind === 'country' ? spellings.map((name) => ({ name, iso3: match.iso3 })) : [],
    )
    .sort(longestFirst);
  const organisationNames = [...index.values()]
    .flatMap(({ match, spellings }) =>
      match.kind === 'organisation' ? spellings.map((name) => ({ name, id: match.id })) : [],
    )
    .sort(longestFirst);

  const membersAt = (organisation: OrganisationRecord, date: string, seen: Set<string>): Set<string> => {
    const members = new Set<string>();
    for (const member of organisation.members ?? []) if (isActive(member, date)) members.add(member.iso3);
    for (const included of organisation.includes ?? []) {
      const other = organisationsById.get(included.organisation);
      if (!other || seen.has(other.id) || !isActive(included, date)) continue;
      for (const iso3 of membersAt(other, date, new Set([...seen, other.id]))) members.add(iso3);
    }
    return members;
  };

  const findOrganisation = (name: string) => {
    const match = index.get(normaliseName(name))?.match;
    return match?.kind === 'organisation' ? organisationsById.get(match.id) : undefined;
  };

  const checkDate = (date: string) => {
    if (!isRealIsoDate(date)) throw new RangeError(`date must be a YYYY-MM-DD calendar date, got "${date}"`);
  };

  const suggestionsFor = (key: string): string[] => {
    const limit = suggestionDistance(key);
    if (limit === 0) return [];
    const scored: Array<{ name: string; distance: number }> = [];
    for (const [candidate, { spellings }] of index) {
      const [name] = spellings;
      if (!name || Math.abs(candidate.length - key.length) > limit) continue;
      const distance = levenshtein(key, candidate);
      if (distance <= limit) scored.push({ name, distance });
    }
    scored.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name, 'en'));
    return [...new Set(scored.map(({ name }) => name))].slice(0, 5);
  };

  return {
    resolve(input, options = {}) {
      const date = options.date ?? today();
      checkDate(date);
      const key = normaliseName(input);
      const match = index.get(key)?.match;
      if (match?.kind === 'country') {
        return { input, status: 'ok', iso3: match.iso3, name: displayNames.get(match.iso3) ?? match.iso3 };
      }
      if (match?.kind === 'ambiguous')
        return { input, status: 'ambiguous', candidates: [...match.candidates] };
      const organisation = findOrganisation(input);
      if (organisation) {
        const members = [...membersAt(organisation, date, new Set([organisation.id]))].sort();
        const note = organisation.note === undefined ? {} : { note: organisation.note };
        return { input, status: 'group', group: organisation.id, members, date, ...note };
      }
      // Codes only in capitals: lower-case "in", "is" or "no" are words, not India, Iceland, Norway.
      const trimmed = input.trim();
      const coded = /^[A-Z]{2,3}$/.test(trimmed) ? iso3ByCode.get(trimmed) : undefined;
      if (coded) return { input, status: 'ok', iso3: coded, name: displayNames.get(coded) ?? coded };
      const suggestions = suggestionsFor(key);
      return suggestions.length > 0
        ? { input, status: 'unknown', suggestions }
        : { input, status: 'unknown' };
    },
    countryName: (iso3) => displayNames.get(iso3.toUpperCase()),
    membersOf(organisation, date) {
      checkDate(date);
      const found = findOrganisation(organisation);
      return found ? [...membersAt(found, date, new Set([found.id]))].sort() : undefined;
    },
    names: () => countryNames.map((entry) => ({ ...entry })),
    demonyms: () =>
      demonymList.map((entry) => ({
        ...entry,
        ...(entry.candidates ? { candidates: [...entry.candidates] } : {}),
      })),
    organisations: () => organisationNames.map((entry) => ({ ...entry })),
  };
}
