import { dayNumber } from './dates.ts';
import type { AtlasEvent } from './event-schema.ts';

export interface CountryPoint {
  iso3: string;
  name: string;
  lon: number;
  lat: number;
}

/**
 * What the map's filter and paint expressions read; keep in step with map-filter.ts. Nothing
 * more: MapLibre's worker copies, tiles and encodes every property of every point, and at 50,000
 * events each one costs the first view time. The search text stays on the main thread (the map
 * filters a search by feature id, see map-filter.ts); the feature's id is the event's position in
 * the dataset.
 */
export interface EventFeatureProperties {
  eventId: string;
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
          theme: event.theme,
          kind: event.kind,
          format: event.format,
          precision: event.date.precision,
          start: dayNumber(event.date.start),
          end: dayNumber(event.date.end),
          bases: `|${[...new Set(event.partners.map((p) => p.basis))].join('|')}|`,
          placeIso3: place.iso3,
        },
      };
    },
  );
  return { type: 'FeatureCollection', features };
}
