import { describe, expect, it } from 'vitest';
import { indexEvents, partnerEventCounts, partnerTallies } from './event-filter.ts';
import type { AtlasEvent } from './event-schema.ts';
import {
  countrySummary,
  eventSummary,
  memberOnlyPartners,
  partnerNames,
  stackPoints,
} from './map-tooltip.ts';

const event = (id: string, partners: { iso3: string; name: string; basis: string; via?: string }[]) =>
  ({
    id,
    title: `Event ${id}`,
    date: { start: '2021-06-16', end: '2021-06-16', precision: 'day' },
    location: { name: 'Beijing', lon: 116.4, lat: 39.9 },
    partners,
  }) as unknown as AtlasEvent;

const events = [
  event('a', [{ iso3: 'USA', name: 'United States', basis: 'member', via: 'ADMM-Plus' }]),
  event('b', [
    { iso3: 'RUS', name: 'Russia', basis: 'named' },
    { iso3: 'MKD', name: 'North Macedonia', basis: 'reported' },
  ]),
  event('c', [{ iso3: 'RUS', name: 'Russia', basis: 'member', via: 'SCO' }]),
];

describe('countrySummary', () => {
  it('splits a country’s events by basis, naming the groups behind membership', () => {
    expect(countrySummary(events, 'RUS', 'Russia')).toEqual({
      name: 'Russia',
      headline: '2 events with China',
      rows: [
        { basis: 'named', text: 'Named in the article: 1' },
        { basis: 'member', text: 'Member of a named organisation: 1 (SCO)' },
      ],
    });
    expect(countrySummary(events, 'FRA', 'France').headline).toBe('No events with China shown');
  });
});

describe('memberOnlyPartners', () => {
  it('keeps the partners that appear only through a group’s membership', () => {
    expect([...memberOnlyPartners(events)]).toEqual(['USA']);
  });

  it('agrees with partnerTallies, which makes it and the counts in one pass', () => {
    const tallies = partnerTallies(indexEvents(events));
    expect(tallies.memberOnly).toEqual(memberOnlyPartners(events));
    expect(tallies.counts).toEqual(partnerEventCounts(events));
    expect(partnerTallies([])).toEqual({ counts: new Map(), memberOnly: new Set() });
  });

  it('counts only the items picked by index when given some, as for those events alone', () => {
    const items = indexEvents(events);
    for (const picked of [[0], [1, 2], [items.length - 1, 0], []]) {
      const alone = picked.map((i) => events[i] as AtlasEvent);
      const tallies = partnerTallies(items, Int32Array.from(picked));
      expect(tallies.memberOnly).toEqual(memberOnlyPartners(alone));
      expect(tallies.counts).toEqual(partnerEventCounts(alone));
    }
  });
});

describe('partnerNames and eventSummary', () => {
  it('use the dataset’s spelling and the event’s own date and place', () => {
    expect(partnerNames(events).get('MKD')).toBe('North Macedonia');
    expect(eventSummary(events[0] as AtlasEvent)).toEqual({
      id: 'a',
      title: 'Event a',
      date: '16 June 2021',
      place: 'Beijing',
    });
  });
});

describe('stackPoints', () => {
  const points = new Map([['RUS', { iso3: 'RUS', name: 'Russia', lon: 37.6, lat: 55.8 }]]);

  it('gives a point per event at its place, up to the limit', () => {
    const stacks = stackPoints(events, points, 3);
    expect(stacks.features.map((f) => [f.properties.eventId, f.geometry.coordinates])).toEqual([
      ['a', [116.4, 39.9]],
      ['b', [116.4, 39.9]],
      ['c', [116.4, 39.9]],
    ]);
  });

  it('past the limit gives the same empty collection every time, which the map does not send again', () => {
    const first = stackPoints(events, points, 2);
    expect(first.features).toEqual([]);
    expect(stackPoints(events.slice(1).concat(events), points, 2)).toBe(first);
  });
});
