import type { ExpressionSpecification, FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import type { EventFeatureCollection, EventFeatureProperties } from '../domain/event-features.ts';
import { eventMapFilter } from '../domain/map-filter.ts';
import { windowState } from '../domain/map-window.ts';
import { defaultViewState } from '../domain/view-state.ts';
import { BUCKETED_MIN_POINTS, bucketEvents, evaluateKnown, filterKey } from './event-buckets.ts';
import { partlyInWindowFilter, wholeInWindowFilter } from './layers.ts';

const KINDS = ['exercise', 'visit', 'call'];
const DEFAULT_VIEW_STATE = defaultViewState({ defaults: { from: '2021-01-01', to: '2021-12-31' } });

/** A year of events (days 0 to 364), a tenth dated to a month and a twentieth only to the year. */
function yearOfEvents(count: number): EventFeatureCollection {
  let seed = 7;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const features = Array.from({ length: count }, (_, id) => {
    const roll = random();
    const precision = roll < 0.05 ? 'year' : roll < 0.15 ? 'month' : 'day';
    const month = Math.floor(random() * 12);
    const start = precision === 'year' ? 0 : precision === 'month' ? month * 30 : Math.floor(random() * 365);
    const end =
      precision === 'year'
        ? 364
        : precision === 'month'
          ? start + 29
          : start + Math.floor(random() ** 4 * 60);
    const properties: EventFeatureProperties = {
      theme: 0,
      kind: KINDS[id % KINDS.length],
      format: 'in-person',
      precision,
      start,
      end,
      bases: '|named|',
      placeIso3: 'RUS',
    };
    return {
      type: 'Feature' as const,
      id,
      geometry: { type: 'Point' as const, coordinates: [0, 0] },
      properties,
    };
  });
  return { type: 'FeatureCollection', features };
}

const EVENTS = yearOfEvents(BUCKETED_MIN_POINTS + 2000);
const { buckets, bucketOf } = bucketEvents(EVENTS);

/** What MapLibre draws of `features` with `filter`, the window given as the style's global state. */
function drawn(
  filter: FilterSpecification,
  features: EventFeatureCollection['features'],
  window?: readonly [number, number],
): number[] {
  const compiled = featureFilter(filter, 'f', window ? windowState(window[0], window[1]) : {});
  return features
    .filter((feature) =>
      compiled.filter({ zoom: 1 }, { type: 'Point', id: feature.id, properties: feature.properties }),
    )
    .map((feature) => Number(feature.id));
}

describe('bucketEvents', () => {
  it('keeps fewer events than BUCKETED_MIN_POINTS as the one collection', () => {
    const few = yearOfEvents(200);
    const split = bucketEvents(few);
    expect(split.buckets).toHaveLength(1);
    expect(split.buckets[0].points).toBe(few);
    expect([...split.bucketOf]).toEqual(new Array(200).fill(0));
  });

  it('splits many by first day, with the events dated only to a month or a year apart', () => {
    const of = (precision: string) => buckets.filter((bucket) => bucket.precisions.has(precision));
    expect(of('day').length).toBeGreaterThanOrEqual(12);
    expect(of('day').length).toBeLessThanOrEqual(13);
    // One a month, each holding events of the same dates.
    expect(of('month')).toHaveLength(12);
    for (const bucket of of('month'))
      expect([bucket.start[0], bucket.end[0]]).toEqual([bucket.start[1], bucket.end[1]]);
    for (const bucket of buckets) expect(bucket.precisions.size).toBe(1);
    const ids = buckets.flatMap((bucket) => bucket.points.features.map((feature) => Number(feature.id)));
    expect(ids.sort((a, b) => a - b)).toEqual(EVENTS.features.map((_, id) => id));
    const yearOnly = buckets.filter((bucket) => bucket.precisions.has('year'));
    expect(yearOnly).toHaveLength(1);
    expect([...yearOnly[0].precisions]).toEqual(['year']);
    buckets.forEach((bucket, index) => {
      for (const { id, properties } of bucket.points.features) {
        expect(bucketOf[Number(id)]).toBe(index);
        expect(properties.start).toBeGreaterThanOrEqual(bucket.start[0]);
        expect(properties.start).toBeLessThanOrEqual(bucket.start[1]);
        expect(properties.end).toBeGreaterThanOrEqual(bucket.end[0]);
        expect(properties.end).toBeLessThanOrEqual(bucket.end[1]);
      }
    });
    // The exactly dated ones cover spans of first days that do not overlap.
    const spans = of('day')
      .map((bucket) => bucket.start)
      .sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThan(spans[i - 1][1]);
  });
});

describe('evaluateKnown', () => {
  const searchHits = EVENTS.features.filter((_, id) => id % 7 === 0).map((feature) => Number(feature.id));
  const manyHits = EVENTS.features.filter((_, id) => id % 7 !== 0).map((feature) => Number(feature.id));
  const views: [string, ExpressionSpecification][] = [
    ['the whole view', eventMapFilter(DEFAULT_VIEW_STATE, [], EVENTS.features.length)],
    [
      'exact dates only',
      eventMapFilter({ ...DEFAULT_VIEW_STATE, undated: false }, [], EVENTS.features.length),
    ],
    [
      'a kind and a narrow search',
      eventMapFilter({ ...DEFAULT_VIEW_STATE, kind: ['visit'], q: 'x' }, searchHits, EVENTS.features.length),
    ],
    ['a broad search', eventMapFilter({ ...DEFAULT_VIEW_STATE, q: 'x' }, manyHits, EVENTS.features.length)],
  ];
  const windows: [number, number][] = [
    [-1_000_000, 1_000_000],
    [0, 364],
    [40, 100],
    [95, 95],
    [200, 150],
    [330, 400],
  ];

  it('draws in every bucket exactly the events MapLibre draws from the filter reading the window', () => {
    for (const [, view] of views) {
      for (const layerFilter of [wholeInWindowFilter(view), partlyInWindowFilter(view)]) {
        for (const window of windows) {
          const expected = drawn(layerFilter, EVENTS.features, window);
          const got = buckets.flatMap((bucket, index) => {
            const known = evaluateKnown(layerFilter, {
              window,
              bucket,
              among: { bucketOf, index },
            });
            expect(JSON.stringify(known)).not.toContain('global-state');
            return drawn(known, bucket.points.features);
          });
          expect(got.sort((a, b) => a - b)).toEqual(expected);
        }
      }
    }
  });

  it('decides alike with the window’s ends on, just inside and just outside each bucket’s dates', () => {
    for (const [index, bucket] of buckets.entries()) {
      const edges = [...bucket.start, ...bucket.end].flatMap((day) => [day - 1, day, day + 1]);
      const windows = edges.flatMap((day): [number, number][] => [
        [day, day + 40],
        [day - 40, day],
      ]);
      for (const [, view] of views.slice(0, 2)) {
        for (const layerFilter of [wholeInWindowFilter(view), partlyInWindowFilter(view)]) {
          for (const window of windows) {
            const known = evaluateKnown(layerFilter, {
              window,
              bucket,
              among: { bucketOf, index },
            });
            expect(drawn(known, bucket.points.features)).toEqual(
              drawn(layerFilter, bucket.points.features, window),
            );
          }
        }
      }
    }
  });

  it('decides every date clause for the events dated only to a month or a year, whatever the window', () => {
    const view = eventMapFilter(DEFAULT_VIEW_STATE, [], EVENTS.features.length);
    for (const bucket of buckets.filter((b) => !b.precisions.has('day'))) {
      for (const window of windows) {
        for (const layerFilter of [wholeInWindowFilter(view), partlyInWindowFilter(view)]) {
          const known = JSON.stringify(evaluateKnown(layerFilter, { window, bucket }));
          expect(known).not.toMatch(/"start"|"end"/);
        }
      }
    }
  });

  it('folds the clauses a bucket decides, so a bucket wholly inside or outside the window shows all or none', () => {
    const view = eventMapFilter(DEFAULT_VIEW_STATE, [], EVENTS.features.length);
    const exactDays = buckets.find((bucket) => bucket.precisions.size === 1 && bucket.precisions.has('day'));
    if (!exactDays) throw new Error('no bucket of exactly dated events');
    const around: [number, number] = [exactDays.start[0] - 1, exactDays.end[1] + 1];
    expect(evaluateKnown(wholeInWindowFilter(view), { window: around, bucket: exactDays })).toBe(true);
    expect(evaluateKnown(partlyInWindowFilter(view), { window: around, bucket: exactDays })).toBe(false);
    const before: [number, number] = [exactDays.end[1] + 1, exactDays.end[1] + 50];
    expect(evaluateKnown(wholeInWindowFilter(view), { window: before, bucket: exactDays })).toBe(false);
  });

  it('leaves a bucket’s filter unchanged by a move of the window’s far end', () => {
    const view = eventMapFilter(DEFAULT_VIEW_STATE, [], EVENTS.features.length);
    const first = buckets.reduce((a, b) => (b.start[0] < a.start[0] && !b.precisions.has('year') ? b : a));
    const key = (to: number) =>
      filterKey(
        evaluateKnown(wholeInWindowFilter(view), { window: [first.start[0] + 3, to], bucket: first }),
      );
    expect(key(300)).toBe(key(310));
    expect(key(300)).not.toBe(filterKey(evaluateKnown(wholeInWindowFilter(view), { window: [0, 300] })));
  });

  it('keeps only the bucket’s own ids in a search, and none when it holds no match', () => {
    const filter: ExpressionSpecification = ['match', ['id'], [1, 2, 3, 40], true, false];
    // Ids 0 to 2 in bucket 0, 3 to 49 in bucket 1, none in bucket 2.
    const bucketOf = Int32Array.from({ length: 50 }, (_, id) => (id < 3 ? 0 : 1));
    expect(evaluateKnown(filter, { among: { bucketOf, index: 0 } })).toEqual([
      'match',
      ['id'],
      [1, 2],
      true,
      false,
    ]);
    expect(evaluateKnown(filter, { among: { bucketOf, index: 1 } })).toEqual([
      'match',
      ['id'],
      [3, 40],
      true,
      false,
    ]);
    expect(evaluateKnown(filter, { among: { bucketOf, index: 2 } })).toBe(false);
    const oneBucket = new Int32Array(50);
    expect(evaluateKnown(filter, { among: { bucketOf: oneBucket, index: 0 } })).toBe(filter);
  });
});

describe('filterKey', () => {
  it('tells filters apart by content, and long id lists by identity', () => {
    const ids = Array.from({ length: 100 }, (_, i) => i);
    const a: ExpressionSpecification = [
      'all',
      ['<=', ['get', 'start'], 5],
      ['match', ['id'], ids, true, false],
    ];
    const b: ExpressionSpecification = [
      'all',
      ['<=', ['get', 'start'], 5],
      ['match', ['id'], ids, true, false],
    ];
    const c: ExpressionSpecification = [
      'all',
      ['<=', ['get', 'start'], 6],
      ['match', ['id'], ids, true, false],
    ];
    const d: ExpressionSpecification = [
      'all',
      ['<=', ['get', 'start'], 5],
      ['match', ['id'], [...ids], true, false],
    ];
    expect(filterKey(a)).toBe(filterKey(b));
    expect(filterKey(a)).not.toBe(filterKey(c));
    expect(filterKey(a)).not.toBe(filterKey(d));
  });
});
