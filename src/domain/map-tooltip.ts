import type { Words } from '../i18n/words.ts';
import { ENGLISH_WORDS, localized } from '../i18n/words.ts';
import { formatEventDate } from './dates.ts';
import { partnerName } from './event-description.ts';
import type { CountryPoint } from './event-features.ts';
import { placementsOf } from './event-features.ts';
import type { AtlasEvent, PartnerBasis } from './event-schema.ts';
import { PARTNER_BASES } from './event-schema.ts';
import { basisLabel } from './filter-labels.ts';

// What the map says on hover, before any click: plain data, worded here so every surface (and
// the tests) reads the same sentences.

export interface EventSummary {
  id: string;
  title: string;
  date: string;
  place: string;
}

export interface CountrySummary {
  name: string;
  /** "3 events with China" (among the events shown). */
  headline: string;
  /** One line per basis that has events: "Named in the article: 2". */
  rows: { basis: PartnerBasis; text: string }[];
}

/** The dataset's own name for each partner ("North Macedonia"), which the basemap may spell otherwise. */
export function partnerNames(events: readonly AtlasEvent[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const event of events)
    for (const p of event.partners) if (!names.has(p.iso3)) names.set(p.iso3, p.name);
  return names;
}

export function eventSummary(event: AtlasEvent, words: Words = ENGLISH_WORDS): EventSummary {
  // An event without a place of its own (aid to many countries) is where its partners are. A
  // place keeps the data's spelling (a city or a base); partners are countries, named in CLDR's.
  const place =
    event.location?.name ?? event.partners.map((p) => partnerName(p, words)).join(words.t('list.separator'));
  const title = localized(event, 'title', words.language).text;
  return { id: event.id, title, date: formatEventDate(event.date, words), place };
}

export function countrySummary(
  events: readonly AtlasEvent[],
  iso3: string,
  name: string,
  words: Words = ENGLISH_WORDS,
): CountrySummary {
  const counts = new Map<PartnerBasis, number>();
  const groups = new Set<string>();
  let total = 0;
  for (const event of events) {
    const entry = event.partners.find((p) => p.iso3 === iso3);
    if (!entry) continue;
    total += 1;
    counts.set(entry.basis, (counts.get(entry.basis) ?? 0) + 1);
    if (entry.basis === 'member' && entry.via) groups.add(entry.via);
  }
  const rows = PARTNER_BASES.flatMap((basis) => {
    const count = counts.get(basis);
    if (!count) return [];
    const via = basis === 'member' && groups.size > 0 ? [...groups].join(words.t('list.separator')) : '';
    const label = basisLabel(basis, words);
    return [
      {
        basis,
        text: via
          ? words.t('tooltip.basisCountVia', { label, count, via })
          : words.t('tooltip.basisCount', { label, count }),
      },
    ];
  });
  const headline = total === 0 ? words.t('tooltip.noEvents') : words.t('tooltip.eventsWithChina', { total });
  return { name, headline, rows };
}

/** Partners that appear in the events only as members of a group, never named or reported themselves. */
export function memberOnlyPartners(events: readonly AtlasEvent[]): Set<string> {
  const member = new Set<string>();
  const direct = new Set<string>();
  for (const event of events) {
    for (const p of event.partners) (p.basis === 'member' ? member : direct).add(p.iso3);
  }
  for (const iso3 of direct) member.delete(iso3);
  return member;
}

type StackPoints = GeoJSON.FeatureCollection<GeoJSON.Point, { eventId: string }>;

/** One empty collection, so a view past the limit hands the map the same object and it sends nothing. */
const NO_STACKS: StackPoints = Object.freeze({ type: 'FeatureCollection', features: [] }) as StackPoints;

/**
 * The events at their true places (not fanned out), one point per placement, for the map's
 * count of overlapping events. Past `limit` events none are given: the dense view draws density.
 */
export function stackPoints(
  events: readonly AtlasEvent[],
  countryPoints: ReadonlyMap<string, CountryPoint>,
  limit: number,
): StackPoints {
  if (events.length > limit) return NO_STACKS;
  return {
    type: 'FeatureCollection',
    features: events.flatMap((event) =>
      placementsOf(event, countryPoints).map((place) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [place.lon, place.lat] },
        properties: { eventId: event.id },
      })),
    ),
  };
}
