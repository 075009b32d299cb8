import type { MessageKey } from '../i18n/catalogues.ts';
import type { Words } from '../i18n/words.ts';
import { ENGLISH_WORDS } from '../i18n/words.ts';
import { countryName } from './country-names.ts';
import { dayNumber, localDate, SHORT_MONTH_NAMES } from './dates.ts';
import type { AtlasEvent, DateSpan, Partner, PartnerBasis, Theme, UnnamedPartners } from './event-schema.ts';
import { isHttpUrl } from './event-schema.ts';
import { KIND_LABELS, themeName } from './filter-labels.ts';

// How one event reads in words: the details panel and the event table render these strings and
// hold no wording of their own. Pure, so every phrase is tested without a browser.

export function themeTitle(
  themes: readonly Theme[],
  id: number,
  words: Words = ENGLISH_WORDS,
): string | undefined {
  const theme = themes.find((t) => t.id === id);
  return theme && themeName(theme, words);
}

// ---- Dates ---------------------------------------------------------------------------------

const ymd = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, day, month: SHORT_MONTH_NAMES[month - 1] as string };
};

/** Whether the sources give the day; month- and year-precision dates are shown without one. */
export function isImpreciseDate(date: DateSpan): boolean {
  return date.precision !== 'day';
}

/**
 * The table's short date, as honest as `formatEventDate`: "14–17 Oct", "27 Apr – 2 May", "May",
 * "2021 (date not reported)". The year is left out while a span stays within one year (the atlas
 * covers one year); a span across years names both.
 */
export function formatCompactDate(date: DateSpan, words: Words = ENGLISH_WORDS): string {
  if (words.language !== 'en') return localDate(date, words, true);
  const s = ymd(date.start);
  const e = ymd(date.end);
  const sameYear = s.year === e.year;
  if (date.precision === 'year') {
    return sameYear
      ? words.t('date.compactYearOnly', { years: String(s.year) })
      : words.t('date.compactYearsOnly', { years: `${s.year}–${e.year}` });
  }
  if (date.precision === 'month') {
    if (!sameYear) return `${s.month} ${s.year} – ${e.month} ${e.year}`;
    return s.month === e.month ? s.month : `${s.month}–${e.month}`;
  }
  if (!sameYear) return `${s.day} ${s.month} ${s.year} – ${e.day} ${e.month} ${e.year}`;
  if (date.start === date.end) return `${s.day} ${s.month}`;
  if (s.month === e.month) return `${s.day}–${e.day} ${s.month}`;
  return `${s.day} ${s.month} – ${e.day} ${e.month}`;
}

// ---- Partners ------------------------------------------------------------------------------

export interface PartnerGroup {
  /** Stable and unique within one event: a React key. */
  key: string;
  basis: PartnerBasis;
  /** The organisation, for `member` groups. */
  via?: string;
  label: string;
  partners: Partner[];
}

// Organisations whose short name takes "the" in running English ("members of the SCO", but
// "members of ASEAN"). Unknown ones go without an article, which never reads wrong by much.
const ORGANISATIONS_WITH_ARTICLE = new Set(['SCO', 'UN', 'EU', 'AU', 'CSTO', 'CIS', 'UN Security Council']);

// The organisations' names in other languages, where the catalogue has one (org.SCO: 上合组织).
const orgKey = (via: string, words: Words) => {
  const key = `org.${via}` as MessageKey;
  const name = words.t(key);
  return name === key ? undefined : name;
};

export function organisationName(via: string, words: Words = ENGLISH_WORDS): string {
  if (words.language !== 'en') return orgKey(via, words) ?? via;
  return ORGANISATIONS_WITH_ARTICLE.has(via) ? `the ${via}` : via;
}

/**
 * Partners in reading order: named in the article first, then members of each organisation (in
 * the order the organisations first appear), then those only other sources report.
 */
export function partnersByBasis(
  event: Pick<AtlasEvent, 'partners'>,
  words: Words = ENGLISH_WORDS,
): PartnerGroup[] {
  const named: Partner[] = [];
  const reported: Partner[] = [];
  const members = new Map<string, Partner[]>();
  for (const partner of event.partners) {
    if (partner.basis === 'named') named.push(partner);
    else if (partner.basis === 'reported') reported.push(partner);
    else {
      const via = partner.via ?? '';
      const list = members.get(via);
      if (list) list.push(partner);
      else members.set(via, [partner]);
    }
  }
  const groups: PartnerGroup[] = [];
  if (named.length > 0) {
    groups.push({ key: 'named', basis: 'named', label: words.t('partners.named'), partners: named });
  }
  for (const [via, partners] of members) {
    groups.push({
      key: `member:${via}`,
      basis: 'member',
      via,
      label: via
        ? words.t('partners.membersOf', { organisation: organisationName(via, words) })
        : words.t('partners.membersOfAny'),
      partners,
    });
  }
  if (reported.length > 0) {
    groups.push({
      key: 'reported',
      basis: 'reported',
      label: words.t('partners.reported'),
      partners: reported,
    });
  }
  return groups;
}

/** "Russia", or "North Macedonia (written “Northern Macedonia”)" when the source spells it otherwise. */
export function partnerText(
  partner: Pick<Partner, 'name' | 'mention'> & { iso3?: string },
  words: Words = ENGLISH_WORDS,
): string {
  // The source's spelling is a note about the English article, for English readers.
  if (words.language !== 'en') return partnerName(partner, words);
  return partner.mention && partner.mention !== partner.name
    ? words.t('partners.written', { name: partner.name, mention: partner.mention })
    : partner.name;
}

/** A partner's name in the reader's language: CLDR's, else the dataset's English. */
export function partnerName(
  partner: Pick<Partner, 'name'> & { iso3?: string },
  words: Words = ENGLISH_WORDS,
): string {
  if (words.language === 'en' || !partner.iso3) return partner.name;
  return countryName(partner.iso3, words.language, partner.name) ?? partner.name;
}

const REGION_ADJECTIVES: Readonly<Record<string, string>> = {
  Africa: 'African',
  Asia: 'Asian',
  Europe: 'European',
  'Latin America': 'Latin American',
};

/**
 * The count as the source words it: "19", "nearly 70"; approximate without a qualifier is
 * "about"; undefined when the source gives no number.
 */
export function unnamedCountText(
  unnamed: Pick<UnnamedPartners, 'count' | 'approximate' | 'qualifier'>,
  words: Words = ENGLISH_WORDS,
): string | undefined {
  if (unnamed.count === undefined) return undefined;
  const qualifier = unnamed.qualifier ?? (unnamed.approximate ? 'about' : undefined);
  if (words.language !== 'en') {
    const count = words.number(unnamed.count);
    return qualifier ? words.t(`qualifier.${qualifier}` as MessageKey, { count }) : count;
  }
  return qualifier ? `${qualifier} ${unnamed.count}` : String(unnamed.count);
}

/** A region in the reader's language (region.Africa: 非洲), as the data says it where unknown. */
function regionName(region: string, words: Words): string {
  const key = `region.${region}` as MessageKey;
  const name = words.t(key);
  return name === key ? region : name;
}

/**
 * The countries a source counts but does not name: "19 African countries, not named", or, after
 * a list of partners (of any basis), "and 19 more African countries, not named". Without a
 * number: "other countries, not named; no number given".
 */
export function unnamedPartnersText(
  unnamed: UnnamedPartners,
  afterListedPartners: boolean,
  words: Words = ENGLISH_WORDS,
): string {
  if (words.language !== 'en') {
    const count = unnamedCountText(unnamed, words);
    const region = unnamed.region ? regionName(unnamed.region, words) : '';
    const more = afterListedPartners ? 'more' : 'first';
    return count === undefined
      ? words.t('unnamed.noCount', { region, more })
      : words.t('unnamed.count', { count, region, more });
  }
  const count = unnamedCountText(unnamed);
  const noun = unnamed.count === 1 ? 'country' : 'countries';
  const region = unnamed.region;
  const adjective = region ? REGION_ADJECTIVES[region] : undefined;
  if (count === undefined) {
    const which = adjective ? `${adjective} ${noun}` : region ? `${noun} in ${region}` : noun;
    return `${afterListedPartners ? 'and other' : 'Other'} ${which}, not named; no number given`;
  }
  const more = afterListedPartners ? ' more' : '';
  let phrase: string;
  if (adjective) phrase = `${count}${more} ${adjective} ${noun}`;
  else if (region) phrase = `${count}${more} ${noun} in ${region}`;
  else phrase = `${count}${more} ${noun}`;
  return `${afterListedPartners ? 'and ' : ''}${phrase}, not named`;
}

/** The event's unnamed partners in words, or undefined when the sources name them all. */
export function eventUnnamedPartnersText(
  event: Pick<AtlasEvent, 'partners' | 'unnamedPartners'>,
  words: Words = ENGLISH_WORDS,
) {
  return event.unnamedPartners
    ? unnamedPartnersText(event.unnamedPartners, event.partners.length > 0, words)
    : undefined;
}

/**
 * The table's partner cell: "Russia", "Pakistan, Cambodia", "Brunei, Indonesia +8",
 * "Cameroon + 19 unnamed", "nearly 70 unnamed", or "—" when no partner is known.
 */
export function compactPartnersText(
  event: Pick<AtlasEvent, 'partners' | 'unnamedPartners'>,
  shown = 2,
  words: Words = ENGLISH_WORDS,
): string {
  const names = [...new Set(event.partners.map((p) => partnerName(p, words)))];
  let text = names.slice(0, shown).join(words.t('list.separator'));
  if (names.length > shown) text += ` +${names.length - shown}`;
  const unnamed = event.unnamedPartners;
  if (unnamed) {
    const count = unnamedCountText(unnamed, words) ?? words.t('unnamed.others');
    text = text
      ? words.t('unnamed.compactAfter', { list: text, count })
      : words.t('unnamed.compact', { count });
  }
  return text || '—';
}

// ---- Countries ------------------------------------------------------------------------------

/** "China’s international military cooperation in 2021": the atlas's title, for the years it covers. */
export function coverageTitle(years: string, words: Words = ENGLISH_WORDS): string {
  return words.t('atlas.coverageTitle', { years });
}

/** "12 events with China in 2021": `years` is the dataset's span (yearsLabel), never written in. */
export function countryEventsText(total: number, years: string, words: Words = ENGLISH_WORDS): string {
  return words.t('country.events', { total, years });
}

/** "3 shown with the current filters", or undefined when the filters hide none. */
export function countryShownText(
  shown: number,
  total: number,
  words: Words = ENGLISH_WORDS,
): string | undefined {
  return shown === total ? undefined : words.t('country.shown', { shown });
}

// ---- Sources --------------------------------------------------------------------------------

/** The URL when it is safe to link (http or https); anything else is shown as text, never linked. */
export function safeHref(url: string): string | undefined {
  return isHttpUrl(url) ? url : undefined;
}

// ---- Sorting --------------------------------------------------------------------------------

export type SortKey = 'date' | 'title' | 'kind';
export type SortDirection = 'asc' | 'desc';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

const byDate = (a: AtlasEvent, b: AtlasEvent) =>
  a.date.start < b.date.start
    ? -1
    : a.date.start > b.date.start
      ? 1
      : a.date.end < b.date.end
        ? -1
        : a.date.end > b.date.end
          ? 1
          : 0;

const COMPARATORS: Readonly<Record<SortKey, (a: AtlasEvent, b: AtlasEvent) => number>> = {
  date: (a, b) => byDate(a, b) || collator.compare(a.title, b.title),
  title: (a, b) => collator.compare(a.title, b.title) || byDate(a, b),
  kind: (a, b) =>
    collator.compare(KIND_LABELS[a.kind], KIND_LABELS[b.kind]) ||
    byDate(a, b) ||
    collator.compare(a.title, b.title),
};

/**
 * A sorted copy. Date sorts by start, then end, then title; title and kind fall back to date.
 * Stable in both directions: events equal on every key keep their input order.
 */
export function sortEvents(
  events: readonly AtlasEvent[],
  key: SortKey,
  direction: SortDirection,
): AtlasEvent[] {
  const compare = COMPARATORS[key];
  const sign = direction === 'asc' ? 1 : -1;
  return [...events].sort((a, b) => sign * compare(a, b));
}

/**
 * The positions in `events` in sortEvents' order (the same comparators, the same stability), for
 * a list that keeps positions: sorting positions needs no map from event back to position, which
 * at 50,000 events cost the first view a table of 50,000 entries.
 */
export function sortedPositions(
  events: readonly AtlasEvent[],
  key: SortKey,
  direction: SortDirection,
): Int32Array {
  const sign = direction === 'asc' ? 1 : -1;
  const positions = new Int32Array(events.length);
  for (let i = 0; i < positions.length; i++) positions[i] = i;
  if (key === 'date') return sortByDate(events, positions, sign);
  const compare = COMPARATORS[key];
  return positions.sort((a, b) => sign * compare(events[a] as AtlasEvent, events[b] as AtlasEvent) || a - b);
}

/**
 * COMPARATORS.date in two passes: the positions by day number (start, then end), then each run
 * of events that share both days by title. Only those runs reach the collator; one comparison
 * sort compared two date strings on every step and took the collator on every tie it met.
 */
function sortByDate(events: readonly AtlasEvent[], positions: Int32Array, sign: number): Int32Array {
  const n = events.length;
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  events.forEach((event, i) => {
    start[i] = dayNumber(event.date.start);
    end[i] = dayNumber(event.date.end);
  });
  const sameDays = (a: number, b: number) => start[a] === start[b] && end[a] === end[b];
  positions.sort(
    (a, b) =>
      sign * ((start[a] as number) - (start[b] as number) || (end[a] as number) - (end[b] as number)) ||
      a - b,
  );
  for (let from = 0; from < n; ) {
    let to = from + 1;
    while (to < n && sameDays(positions[from] as number, positions[to] as number)) to++;
    if (to - from > 1) {
      positions
        .subarray(from, to)
        .sort(
          (a, b) =>
            sign * collator.compare((events[a] as AtlasEvent).title, (events[b] as AtlasEvent).title) ||
            a - b,
        );
    }
    from = to;
  }
  return positions;
}
