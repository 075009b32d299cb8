import { describe, expect, it } from 'vitest';
import { dayNumber } from './dates.ts';
import type { CountryPoint } from './event-features.ts';
import { buildEventFeatures, placementsOf } from './event-features.ts';
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
    date: { start: '2021-06-01', end: '2021-06-03', precision: 'day' },
    location: { name: 'Place', lon: 10, lat: 10 },
    partners: [],
    sources: [{ title: 'Source', url: 'https://example.org/' }],
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
    .features.filter((f) => f.properties.eventId === event.id)
    .map((f) => f.geometry.coordinates);

describe('where events are drawn', () => {
  it('draws an event at its location', () => {
    const event = makeEvent({ location: { name: 'Zhurihe', lon: 112.7, lat: 42.4 } });
    const [feature, ...rest] = buildEventFeatures([event], points).features;
    expect(rest).toEqual([]);
    expect(feature?.geometry.coordinates).toEqual([112.7, 42.4]);
    expect(feature?.properties.placeIso3).toBe('');
  });

  it('draws aid at each partner’s point instead of its location', () => {
    const aid = makeEvent({
      kind: 'aid',
      location: { name: 'Beijing', lon: 116.4, lat: 39.9 },
      partners: [
        { iso3: 'KHM', name: 'Cambodia', basis: 'named' },
        { iso3: 'PAK', name: 'Pakistan', basis: 'named' },
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

  it('draws non-aid events with partners at their location, not at the partners', () => {
    const visit = makeEvent({ kind: 'visit', partners: [{ iso3: 'RUS', name: 'Russia', basis: 'named' }] });
    expect(coordinatesOf(visit, [visit])).toEqual([[10, 10]]);
  });

  it('skips partners without a point, and falls back to the location when none has one', () => {
    const partial = makeEvent({
      kind: 'aid',
      partners: [
        { iso3: 'KHM', name: 'Cambodia', basis: 'named' },
        { iso3: 'XXX', name: 'Nowhere', basis: 'named' },
      ],
    });
    expect(placementsOf(partial, points)).toEqual([{ lon: 104.9, lat: 12.7, iso3: 'KHM' }]);
    const unknown = makeEvent({ kind: 'aid', partners: [{ iso3: 'XXX', name: 'Nowhere', basis: 'named' }] });
    expect(placementsOf(unknown, points)).toEqual([{ lon: 10, lat: 10, iso3: '' }]);
    const noPartners = makeEvent({ kind: 'aid', partners: [] });
    expect(placementsOf(noPartners, points)).toEqual([{ lon: 10, lat: 10, iso3: '' }]);
  });
});

describe('co-located events', () => {
  const here = { name: 'Beijing', lon: 116.4, lat: 39.9 };
  const stack = [makeEvent({ location: here }), makeEvent({ location: here }), makeEvent({ location: here })];
  const alone = makeEvent({ location: { name: 'Moscow', lon: 37.6, lat: 55.8 } });

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
    expect(stacked.map((f) => [f.properties.stackIndex, f.properties.stackSize])).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
    expect(features[3]?.geometry.coordinates).toEqual([37.6, 55.8]);
    expect(features[3]?.properties).toMatchObject({ stackIndex: 0, stackSize: 1 });
  });

  it('include aid drawn at a country point where another event takes place', () => {
    const inRussia = makeEvent({ location: { name: 'Russia', lon: 96.7, lat: 61.5 } });
    const aid = makeEvent({ kind: 'aid', partners: [{ iso3: 'RUS', name: 'Russia', basis: 'named' }] });
    const features = buildEventFeatures([inRussia, aid], points).features;
    expect(features.map((f) => f.properties.stackSize)).toEqual([2, 2]);
    expect(features[0]?.geometry.coordinates).not.toEqual(features[1]?.geometry.coordinates);
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
      date: { start: '2021-09-11', end: '2021-09-25', precision: 'day' },
      location: { name: 'Orenburg', lon: 55.1, lat: 51.8 },
      partners: [
        { iso3: 'RUS', name: 'Russia', basis: 'named' },
        { iso3: 'KAZ', name: 'Kazakhstan', basis: 'member', via: 'SCO', mention: 'Kazakh troops' },
        { iso3: 'PAK', name: 'Pakistan', basis: 'named' },
      ],
    });
    const [feature] = buildEventFeatures([makeEvent(), event], points).features.slice(1);
    expect(feature?.id).toBe(1);
    expect(feature?.properties).toMatchObject({
      eventId: 'peace-mission',
      index: 1,
      theme: 4,
      kind: 'exercise',
      format: 'hybrid',
      precision: 'day',
      start: dayNumber('2021-09-11'),
      end: dayNumber('2021-09-25'),
      partners: '|RUS|KAZ|PAK|',
      bases: '|named|member|',
    });
    for (const word of ['peace mission', 'orenburg', 'kazakhstan', 'kaz', 'kazakh troops']) {
      expect(feature?.properties.text).toContain(word);
    }
  });

  it('name no partner or basis for an event without partners', () => {
    const [feature] = buildEventFeatures([makeEvent({ partners: [] })], points).features;
    expect(feature?.properties.partners).not.toMatch(/[A-Z]{3}/);
    expect(feature?.properties.bases).not.toMatch(/named|member|reported/);
  });
});
