import { dayNumber } from './dates.ts';
import type { AtlasEvent } from './event-schema.ts';
import { basisMaskOf, PARTNER_BASES } from './event-schema.ts';

export interface CountryPoint {
  iso3: string;
  name: string;
  lon: number;
  lat: number;
}

/**
 * What the map's filter and paint expressions read; keep in step with map-filter.ts. Nothing
 * more: MapLibre's worker copies, tiles and encodes every property of every point, and at 50,000
 * events each one costs the first view time (the event's id, a string of its own on every point,
 * cost more worker time than all the others together). A point's feature id is its event's
 * position in the dataset (`MapEvents.eventIds`); the search text stays on the main thread (the
 * map filters a search by feature id, see map-filter.ts).
 */
export interface EventFeatureProperties {
  theme: number;
  kind: string;
  format: string;
  precision: string;
  start: number;
  end: number;
  /** `|named|member|` */
  bases: string;
  /** For aid drawn at its recipients: the country this point stands for. */
  placeIso3: string;
}

export type EventFeatureCollection = GeoJSON.FeatureCollection<GeoJSON.Point, EventFeatureProperties>;

/** The events as the map draws them: the points, and which event each point's feature id names. */
export interface MapEvents {
  points: EventFeatureCollection;
  /** The event ids by position: a point's feature id is its event's position here. */
  eventIds: readonly string[];
}

/** An event at one of the places it is drawn, moved onto its stack's ring when others share the spot. */
export interface PlacedEvent {
  event: AtlasEvent;
  /** The event's position in the list placed. */
  index: number;
  /** For aid drawn at its recipients: the country this point stands for ('' at the event's own place). */
  iso3: string;
  lon: number;
  lat: number;
}

// Co-located events fan out on a small ring so each stays visible and clickable.
const STACK_RING_DEGREES = 1.4;

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

/** Two places are one spot when they agree to a hundredth of a degree: a number, not a string, as a key. */
const spotKey = (lon: number, lat: number) => Math.round(lon * 100) * 100_000 + Math.round(lat * 100);

/** Every event at each of its places; co-located points fan out on a ring (see STACK_RING_DEGREES). */
export function placeEvents(
  events: readonly AtlasEvent[],
  countryPoints: ReadonlyMap<string, CountryPoint>,
): PlacedEvent[] {
  const placed: PlacedEvent[] = [];
  events.forEach((event, index) => {
    for (const place of placementsOf(event, countryPoints)) placed.push({ event, index, ...place });
  });
  const keys = placed.map((place) => spotKey(place.lon, place.lat));
  const stacks = new Map<number, number>();
  for (const key of keys) stacks.set(key, (stacks.get(key) ?? 0) + 1);
  const seen = new Map<number, number>();
  placed.forEach((place, i) => {
    const key = keys[i] ?? 0;
    const stackSize = stacks.get(key) ?? 1;
    if (stackSize === 1) return;
    const stackIndex = seen.get(key) ?? 0;
    seen.set(key, stackIndex + 1);
    const angle = (2 * Math.PI * stackIndex) / stackSize - Math.PI / 2;
    place.lon += STACK_RING_DEGREES * Math.cos(angle);
    place.lat -= STACK_RING_DEGREES * Math.sin(angle);
  });
  return placed;
}

// `|named|member|`: one string for each combination of bases, not one for each point.
const basesTexts = new Map<number, string>();
function basesText(partners: AtlasEvent['partners']): string {
  const mask = basisMaskOf(partners);
  let text = basesTexts.get(mask);
  if (text === undefined) {
    text = `|${PARTNER_BASES.filter((_, bit) => mask & (1 << bit)).join('|')}|`;
    basesTexts.set(mask, text);
  }
  return text;
}

export function buildEventFeatures(
  events: readonly AtlasEvent[],
  countryPoints: ReadonlyMap<string, CountryPoint>,
): EventFeatureCollection {
  const features = placeEvents(events, countryPoints).map(
    ({ event, index, iso3, lon, lat }): GeoJSON.Feature<GeoJSON.Point, EventFeatureProperties> => ({
      type: 'Feature',
      id: index,
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: {
        theme: event.theme,
        kind: event.kind,
        format: event.format,
        precision: event.date.precision,
        start: dayNumber(event.date.start),
        end: dayNumber(event.date.end),
        bases: basesText(event.partners),
        placeIso3: iso3,
      },
    }),
  );
  return { type: 'FeatureCollection', features };
}

export function buildMapEvents(
  events: readonly AtlasEvent[],
  countryPoints: ReadonlyMap<string, CountryPoint>,
): MapEvents {
  return { points: buildEventFeatures(events, countryPoints), eventIds: events.map((event) => event.id) };
}
