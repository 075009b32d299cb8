import { countrySearchNames } from './country-names.ts';
import { dayNumber } from './dates.ts';
import type { AtlasEvent } from './event-schema.ts';

export interface CountryPoint {
  iso3: string;
  name: string;
  lon: number;
  lat: number;
}

/** What the map's filter and paint expressions read; keep in step with map-filter.ts. */
export interface EventFeatureProperties {
  eventId: string;
  /** Position of the event in the dataset, used as the feature id for feature-state. */
  index: number;
  theme: number;
  kind: string;
  format: string;
  precision: string;
  start: number;
  end: number;
  /** `|RUS|KAZ|`: a string the map's `in` expression can search for one `|ISO|`. */
  partners: string;
  /** `|named|member|` */
  bases: string;
  /** Lower-cased titles, partner names (English and Chinese) and place, for the search box. */
  text: string;
  /** For aid drawn at its recipients: the country this point stands for. */
  placeIso3: string;
  /** 0-based place in a stack of events drawn at the same spot, and the stack's size. */
  stackIndex: number;
  stackSize: number;
}

export type EventFeatureCollection = GeoJSON.FeatureCollection<GeoJSON.Point, EventFeatureProperties>;

// Co-located events fan out on a small ring so each stays visible and clickable.
const STACK_RING_DEGREES = 1.4;

/**
 * Everything a reader may type to find the event, in any of the atlas's languages: a Chinese
 * reader finds Russia's events by "俄罗斯" and an English one by "Russia", whatever the interface.
 */
export function searchTextOf(event: AtlasEvent): string {
  let text = searchTexts.get(event);
  if (text === undefined) {
    text = buildSearchText(event);
    searchTexts.set(event, text);
  }
  return text;
}

// The index (event-filter.ts) and the map's features both need each event's text: made once.
const searchTexts = new WeakMap<AtlasEvent, string>();

function buildSearchText(event: AtlasEvent): string {
  return [
    event.title,
    ...Object.values(event.i18n ?? {}).map((texts) => texts.title),
    event.location?.name ?? '',
    ...event.partners.flatMap((p) => [...countrySearchNames(p.iso3, p.name), p.iso3, p.mention ?? '']),
  ]
    .join(' ')
    .toLowerCase();
}

/**
 * Where an event is drawn: at its place; an event with no single place (vaccine aid to twenty
 * countries) at each partner's representative point instead, never at a made-up spot. An event
 * with neither (only unnamed partners, no place) is listed but not drawn.
 */
export function placementsOf(
  event: Pick<AtlasEvent, 'location' | 'partners'>,
  countryPoints: ReadonlyMap<string, CountryPoint>,
): { lon: number; lat: number; iso3: string }[] {
  if (event.location) return [{ lon: event.location.lon, lat: event.location.lat, iso3: '' }];
  return event.partners.flatMap((partner) => {
    const point = countryPoints.get(partner.iso3);
    return point ? [{ lon: point.lon, lat: point.lat, iso3: partner.iso3 }] : [];
  });
}

export function buildEventFeatures(
  events: readonly AtlasEvent[],
  countryPoints: ReadonlyMap<string, CountryPoint>,
): EventFeatureCollection {
  const placed = events.flatMap((event, index) =>
    placementsOf(event, countryPoints).map((place) => ({ event, index, place })),
  );
  const stacks = new Map<string, number>();
  for (const { place } of placed) {
    const key = `${place.lon.toFixed(2)},${place.lat.toFixed(2)}`;
    stacks.set(key, (stacks.get(key) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  const features = placed.map(
    ({ event, index, place }): GeoJSON.Feature<GeoJSON.Point, EventFeatureProperties> => {
      const key = `${place.lon.toFixed(2)},${place.lat.toFixed(2)}`;
      const stackSize = stacks.get(key) ?? 1;
      const stackIndex = seen.get(key) ?? 0;
      seen.set(key, stackIndex + 1);
      let { lon, lat } = place;
      if (stackSize > 1) {
        const angle = (2 * Math.PI * stackIndex) / stackSize - Math.PI / 2;
        lon += STACK_RING_DEGREES * Math.cos(angle);
        lat -= STACK_RING_DEGREES * Math.sin(angle);
      }
      return {
        type: 'Feature',
        id: index,
        geometry: { type: 'Point', coordinates: [lon, lat] },
        properties: {
          eventId: event.id,
          index,
          theme: event.theme,
          kind: event.kind,
          format: event.format,
          precision: event.date.precision,
          start: dayNumber(event.date.start),
          end: dayNumber(event.date.end),
          partners: `|${event.partners.map((p) => p.iso3).join('|')}|`,
          bases: `|${[...new Set(event.partners.map((p) => p.basis))].join('|')}|`,
          text: searchTextOf(event),
          placeIso3: place.iso3,
          stackIndex,
          stackSize,
        },
      };
    },
  );
  return { type: 'FeatureCollection', features };
}
