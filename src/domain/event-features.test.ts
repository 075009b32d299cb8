import { describe, expect, it } from 'vitest';
import { dayNumber } from './dates.ts';
import type { CountryPoint } from './event-features.ts';
import { buildEventFeatures, buildMapEvents, placementsOf } from './event-features.ts';
import { searchTextOf } from './event-filter.ts';
import type { AtlasEvent } from './event-schema.ts';

let serial = 0;
function makeEvent(overrides: Partial<AtlasEvent> = {}): AtlasEvent {
  serial += 1;
  return {
    id: `event-${serial}`,
    theme: 1,
    title: `Event ${serial}`,
    summary: 'Summary.',
    kind: 'meeting',
    format: 'in-person',
    date: { start: '2021-06-01', end: '2021-06-03', precision: 'day', source: 's' },
    location: { name: 'Place', kind: 'venue', lon: 10, lat: 10, source: 's' },
    partners: [],
    sources: [{ id: 's', title: 'Source', url: 'https://example.org/' }],
    ...overrides,
  };
}

const points = new Map<string, CountryPoint>(
  [
    { iso3: 'KHM', name: 'Cambodia', lon: 104.9, lat: 12.7 },
    { iso3: 'PAK', name: 'Pakistan', lon: 69.4, lat: 30.1 },
    { iso3: 'RUS', name: 'Russia', lon: 96.7, lat: 61.5 },
  ].map((p) => [p.iso3, p]),
);

const coordinatesOf = (event: AtlasEvent, events: AtlasEvent[]) =>
  buildEventFeatures(events, points)
    .features.filter((f) => f.id === events.indexOf(event))
    .map((f) => f.geometry.coordinates);

describe('the map’s events', () => {
  it('name each point’s event by its feature id, and carry no event id in the points', () => {
    const visit = makeEvent({ id: 'visit-to-moscow' });
    const aid = makeEvent({
      id: 'vaccines-to-asia',
      kind: 'aid',
      location: undefined,
      partners: [
        { iso3: 'KHM', name: 'Cambodia', basis: 'named', source: 's' },
        { iso3: 'PAK', name: 'Pakistan', basis: 'named', source: 's' },
      ],
    });
    const { points: drawn, eventIds } = buildMapEvents([visit, aid], points);
    expect(drawn.features.map((f) => eventIds[Number(f.id)])).toEqual([
      'visit-to-moscow',
      'vaccines-to-asia',
      'vaccines-to-asia',
    ]);
    // Each point's properties are tiled and encoded by MapLibre's worker: a unique string on
    // every point cost more worker time at 50,000 events than all the other properties.
    for (const f of drawn.features) expect(Object.values(f.properties)).not.toContain(eventIds[Number(f.id)]);
  });
});

describe('where events are drawn', () => {
  it('draws an event at its location', () => {
    const event = makeEvent({
      location: { name: 'Zhurihe', kind: 'venue', lon: 112.7, lat: 42.4, source: 's' },
    });
    const [feature, ...rest] = buildEventFeatures([event], points).features;
    expect(rest).toEqual([]);
    expect(feature?.geometry.coordinates).toEqual([112.7, 42.4]);
    expect(feature?.properties.placeIso3).toBe('');
  });

  it('draws an event with no single place at each partner’s point', () => {
    const aid = makeEvent({
      kind: 'aid',
      location: undefined,
      partners: [
        { iso3: 'KHM', name: 'Cambodia', basis: 'named', source: 's' },
        { iso3: 'PAK', name: 'Pakistan', basis: 'named', source: 's' },
      ],
    });
    const features = buildEventFeatures([aid], points).features;
    expect(features.map((f) => [f.properties.placeIso3, f.geometry.coordinates])).toEqual([
      ['KHM', [104.9, 12.7]],
      ['PAK', [69.4, 30.1]],
    ]);
    // Both points are the same event: the same id, for feature-state and for selection.
    expect(new Set(features.map((f) => f.id))).toEqual(new Set([0]));
  });

  it('draws an event with a place there, whatever its kind or partners', () => {
    const visit = makeEvent({
      kind: 'visit',
      partners: [{ iso3: 'RUS', name: 'Russia', basis: 'named', source: 's' }],
    });
    expect(coordinatesOf(visit, [visit])).toEqual([[10, 10]]);
    const aidWithPlace = makeEvent({
      kind: 'aid',
      partners: [{ iso3: 'RUS', name: 'Russia', basis: 'named', source: 's' }],
    });
    expect(coordinatesOf(aidWithPlace, [aidWithPlace])).toEqual([[10, 10]]);
  });

  it('skips partners without a point, and draws nothing for an event with neither place nor partner', () => {
    const partial = makeEvent({
      location: undefined,
      partners: [
        { iso3: 'KHM', name: 'Cambodia', basis: 'named', source: 's' },
        { iso3: 'XXX', name: 'Nowhere', basis: 'named', source: 's' },
      ],
    });
    expect(placementsOf(partial, points)).toEqual([{ lon: 104.9, lat: 12.7, iso3: 'KHM' }]);
    const nowhere = makeEvent({ location: undefined, partners: [] });
    expect(placementsOf(nowhere, points)).toEqual([]);
    expect(buildEventFeatures([nowhere], points).features).toEqual([]);
  });
});

describe('co-located events', () => {
  const here = { name: 'Beijing', kind: 'venue' as const, lon: 116.4, lat: 39.9, source: 's' };
  const stack = [makeEvent({ location: here }), makeEvent({ location: here }), makeEvent({ location: here })];
  const alone = makeEvent({ location: { name: 'Moscow', kind: 'venue', lon: 37.6, lat: 55.8, source: 's' } });

  it('get distinct coordinates near their spot', () => {
    const features = buildEventFeatures([...stack, alone], points).features;
    const stacked = features.slice(0, 3);
    const keys = stacked.map((f) => f.geometry.coordinates.join(','));
    expect(new Set(keys).size).toBe(3);
    for (const f of stacked) {
      const [lon, lat] = f.geometry.coordinates as [number, number];
      expect(Math.hypot(lon - here.lon, lat - here.lat)).toBeGreaterThan(0.5);
      expect(Math.hypot(lon - here.lon, lat - here.lat)).toBeLessThan(3);
    }
    expect(features[3]?.geometry.coordinates).toEqual([37.6, 55.8]);
  });

  it('include aid drawn at a country point where another event takes place', () => {
    const inRussia = makeEvent({
      location: { name: 'Russia', kind: 'venue', lon: 96.7, lat: 61.5, source: 's' },
    });
    const aid = makeEvent({
      kind: 'aid',
      location: undefined,
      partners: [{ iso3: 'RUS', name: 'Russia', basis: 'named', source: 's' }],
    });
    const features = buildEventFeatures([inRussia, aid], points).features;
    expect(features[0]?.geometry.coordinates).not.toEqual(features[1]?.geometry.coordinates);
    for (const f of features) expect(f.geometry.coordinates).not.toEqual([96.7, 61.5]);
  });
});

describe('feature properties', () => {
  it('carry what the map’s filter expressions read', () => {
    const event = makeEvent({
      id: 'peace-mission',
      theme: 4,
      kind: 'exercise',
      format: 'hybrid',
      title: 'Peace Mission',
      date: { start: '2021-09-11', end: '2021-09-25', precision: 'day', source: 's' },
      location: { name: 'Orenburg', kind: 'venue', lon: 55.1, lat: 51.8, source: 's' },
      partners: [
        { iso3: 'RUS', name: 'Russia', basis: 'named', source: 's' },
        {
          iso3: 'KAZ',
          name: 'Kazakhstan',
          basis: 'member',
          via: 'SCO',
          mention: 'Kazakh troops',
          source: 's',
        },
        { iso3: 'PAK', name: 'Pakistan', basis: 'named', source: 's' },
      ],
    });
    const [feature] = buildEventFeatures([makeEvent(), event], points).features.slice(1);
    expect(feature?.id).toBe(1);
    expect(feature?.properties).toEqual({
      theme: 4,
      kind: 'exercise',
      format: 'hybrid',
      precision: 'day',
      start: dayNumber('2021-09-11'),
      end: dayNumber('2021-09-25'),
      bases: '|named|member|',
      placeIso3: '',
    });
    // The search finds events by what a reader may type, Chinese names included; the map
    // filters a search by id, so this text is never in the tiles.
    for (const word of [
      'peace mission',
      'orenburg',
      'kazakhstan',
      'kaz',
      'kazakh troops',
      '俄罗斯',
      '哈萨克斯坦',
    ]) {
      expect(searchTextOf(event)).toContain(word);
    }
  });

  it('name no partner or basis for an event without partners', () => {
    const [feature] = buildEventFeatures([makeEvent({ partners: [] })], points).features;
    expect(feature?.properties.bases).not.toMatch(/named|member|reported/);
  });
});
