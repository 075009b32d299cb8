import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ExpressionSpecification, FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import type { Topology } from 'topojson-specification';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBasemap } from '../../pipeline/basemap/build-basemap.ts';
import type { InputFile } from '../../pipeline/build-dataset.ts';
import { buildDataset, formatProblem } from '../../pipeline/build-dataset.ts';
import { dataInputs } from '../../pipeline/data-inputs.ts';
import { defaultGeocoder } from '../../pipeline/gazetteer/load-gazetteer.ts';
import { dayNumber, isoFromDayNumber } from './dates.ts';
import type { CountryPoint, EventFeatureCollection } from './event-features.ts';
import { buildEventFeatures } from './event-features.ts';
import type { IndexedEvent } from './event-filter.ts';
import { filterEvents, indexEvents, searchMatches, searchQuery } from './event-filter.ts';
import type { Dataset } from './event-schema.ts';
import { datasetSchema, EVENT_FORMATS, EVENT_KINDS, PARTNER_BASES } from './event-schema.ts';
import { eventMapFilter, eventMapFilterKey, selectedEventsFilter, windowGlobalState } from './map-filter.ts';
import { WINDOW } from './map-window.ts';
import type { ViewState } from './view-state.ts';
import { defaultViewState } from './view-state.ts';

// PARITY: the map hides events with a MapLibre expression (map-filter.ts), the table and the
// counts with JS (event-filter.ts). For many random views over the real dataset, both must show
// exactly the same events, evaluated by the style-spec's own expression engine.

const root = fileURLToPath(new URL('../../', import.meta.url));

let dataset: Dataset;
let features: EventFeatureCollection;
let items: IndexedEvent[];

beforeAll(() => {
  // The real dataset, built in-process as `npm run data` builds it (public/data/ may not exist yet).
  const [article, ...eventFiles] = dataInputs(root) as InputFile[];
  const built = buildDataset(article as InputFile, eventFiles, defaultGeocoder());
  if (!built.dataset) throw new Error(built.problems.map(formatProblem).join('\n'));
  dataset = datasetSchema.parse(JSON.parse(JSON.stringify(built.dataset)));
  const topology = JSON.parse(
    readFileSync(createRequire(import.meta.url).resolve('world-atlas/countries-50m.json'), 'utf8'),
  ) as Topology;
  const countryPoints = new Map<string, CountryPoint>(
    buildBasemap(topology).points.features.map((f) => {
      const [lon, lat] = f.geometry.coordinates as [number, number];
      return [f.properties.iso3, { ...f.properties, lon, lat }];
    }),
  );
  features = buildEventFeatures(dataset.events, countryPoints);
  items = indexEvents(dataset.events);
}, 120_000);

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const defaults = defaultViewState({ defaults: { from: '2021-01-01', to: '2021-12-31' } });

function randomState(random: () => number): ViewState {
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)] as T;
  const subset = <T>(values: readonly T[], p: number) =>
    random() < p ? values.filter(() => random() < 0.4) : [];
  const first = dayNumber('2021-01-01');
  const start = first + Math.floor(random() * 365);
  // A third of the windows are narrow (0 to 6 days), to land on events' first and last days.
  const length = random() < 0.33 ? Math.floor(random() * 7) : Math.floor(random() * 365);
  const from = random() < 0.2 ? defaults.from : isoFromDayNumber(start);
  const to = random() < 0.2 ? defaults.to : isoFromDayNumber(Math.min(dayNumber(from) + length, first + 364));
  // Search text cut from a real event: a title, a place, a partner's name, code or mention.
  const words = (() => {
    const event = pick(dataset.events);
    const partner = event.partners.length > 0 ? pick(event.partners) : undefined;
    return pick(
      [event.title, event.location?.name, partner?.name, partner?.iso3, partner?.mention, 'zzz'].filter(
        (w): w is string => !!w,
      ),
    );
  })();
  const cut = Math.floor(random() * Math.max(1, words.length - 4));
  const q = random() < 0.35 ? words.slice(cut, cut + 3 + Math.floor(random() * 8)) : '';
  return {
    ...defaults,
    from,
    to,
    undated: random() < 0.6,
    theme: subset(
      dataset.themes.map((t) => t.id),
      0.3,
    ),
    kind: subset(EVENT_KINDS, 0.3),
    format: subset(EVENT_FORMATS, 0.25),
    basis: subset(PARTNER_BASES, 0.3),
    q: random() < 0.5 ? q.toUpperCase() : q,
  };
}

/** The event ids the map would draw, by the style-spec's evaluation of the layer filter. */
function mapShows(state: ViewState): Set<string> {
  const filter = featureFilter(
    eventMapFilter(state, searchMatches(items, searchQuery(state)), items.length) as FilterSpecification,
    'layers.events.filter',
    windowGlobalState(state),
  );
  const passing = new Map<string, boolean>();
  for (const feature of features.features) {
    const passes = filter.filter(
      { zoom: 2 },
      { type: 'Point', id: feature.id, properties: feature.properties },
    );
    const id = dataset.events[Number(feature.id)]?.id ?? '';
    // Aid is drawn once per recipient: its points must all be shown or all hidden.
    expect(passing.get(id) ?? passes, `points of ${id} disagree`).toBe(passes);
    passing.set(id, passes);
  }
  return new Set([...passing].filter(([, passes]) => passes).map(([id]) => id));
}

/** The listed events the map can draw: one with neither place nor named partner has no point. */
const listShows = (state: ViewState) => {
  const drawn = new Set(features.features.map((f) => dataset.events[Number(f.id)]?.id));
  return new Set(
    filterEvents(items, state)
      .map((e) => e.id)
      .filter((id) => drawn.has(id)),
  );
};

describe('eventMapFilter', () => {
  it('gives two searches with the same matches the very same search clause, and others a new one', () => {
    const matches = [1, 4, 9];
    const clause = (q: string, found: readonly number[]) =>
      (eventMapFilter({ ...defaults, q }, found, 100) as unknown[]).at(-1);
    const russ = clause('russ', matches);
    expect(russ).toEqual(['match', ['id'], [1, 4, 9], true, false]);
    expect(clause('russia', matches)).toBe(russ);
    expect(clause('russia', [1, 4])).not.toBe(russ);
    expect((eventMapFilter({ ...defaults, q: 'russ' }, matches, 200) as unknown[]).at(-1)).not.toBe(russ);
  });

  it('reads the window from one property of the global state, which a change of the window sets once', () => {
    const filter = featureFilter(eventMapFilter(defaults, [], items.length) as FilterSpecification, 'f');
    expect([...filter.getGlobalStateRefs()]).toEqual([WINDOW]);
    // MapLibre reloads the sources a property's filters read each time a property is set: one
    // property, one reload per change of the window.
    expect(Object.keys(windowGlobalState({ from: '2021-03-01', to: '2021-04-01' }))).toEqual([WINDOW]);
  });

  it('shows every event in the default view, except those with no place and no named partner', () => {
    const undrawn = dataset.events.filter((e) => !e.location && e.partners.length === 0).map((e) => e.id);
    expect(undrawn.length).toBeGreaterThan(0);
    expect(mapShows(defaults)).toEqual(
      new Set(dataset.events.map((e) => e.id).filter((id) => !undrawn.includes(id))),
    );
  });

  it.each<[string, Partial<ViewState>]>([
    ['a one-day window', { from: '2021-06-24', to: '2021-06-24' }],
    ['the first day of a multi-day event', { from: '2021-08-23', to: '2021-08-23' }],
    ['the day after an event ends', { from: '2021-09-05', to: '2021-09-05' }],
    ['dated events only', { undated: false }],
    ['a search in capitals with spaces', { q: '  RUSSIA ' }],
    ['a partner code', { q: 'kaz' }],
    ['a search most events match', { q: 'a' }],
    ['a basis', { basis: ['reported'] }],
    ['two bases', { basis: ['member', 'named'] }],
    [
      'everything at once',
      { kind: ['exercise', 'competition'], theme: [2, 6], basis: ['named'], undated: false },
    ],
  ])('shows what the list shows for %s', (_, overrides) => {
    const state = { ...defaults, ...overrides };
    expect(mapShows(state)).toEqual(listShows(state));
  });

  it('lists the events a search leaves out once it matches most of them, and none when it matches all', () => {
    const state = { ...defaults, q: 'a' };
    const matches = searchMatches(items, searchQuery(state));
    expect(matches.length * 2).toBeGreaterThan(items.length);
    const clause = JSON.stringify(eventMapFilter(state, matches, items.length));
    expect(clause).toContain(`["match",["id"],[`);
    expect(clause).toContain('],false,true]');
    expect(clause.length).toBeLessThan(
      JSON.stringify(eventMapFilter(state, [], items.length)).length +
        (items.length - matches.length) * 4 +
        40,
    );
    // Every event matching: nothing to list, and every event passes the search.
    const all = items.map((item) => item.position);
    const everything = featureFilter(
      eventMapFilter(state, all, items.length) as FilterSpecification,
      'f',
      windowGlobalState(state),
    );
    const shown = features.features.filter((f) =>
      everything.filter({ zoom: 2 }, { type: 'Point', id: f.id, properties: f.properties }),
    );
    expect(shown.length).toBe(features.features.length);
  });

  it('shows what the list shows for many random views', () => {
    const random = mulberry32(2021);
    let some = 0;
    let none = 0;
    for (let i = 0; i < 400; i++) {
      const state = randomState(random);
      const list = listShows(state);
      expect(mapShows(state), JSON.stringify(state)).toEqual(list);
      if (list.size === 0) none++;
      else if (list.size < dataset.events.length) some++;
    }
    // Not vacuous: most views show some but not all events, and some show none.
    expect(some).toBeGreaterThan(150);
    expect(none).toBeGreaterThan(20);
  });

  it('decides for selected events with their own small filter as with the whole filter', () => {
    const random = mulberry32(7);
    const decide = (filter: ExpressionSpecification, state: ViewState, ids: ReadonlySet<number>) => {
      const compiled = featureFilter(filter as FilterSpecification, 'f', windowGlobalState(state));
      return features.features
        .filter((f) => ids.has(Number(f.id)))
        .map((f) => compiled.filter({ zoom: 2 }, { type: 'Point', id: f.id, properties: f.properties }));
    };
    let hidden = 0;
    let drawn = 0;
    for (let i = 0; i < 200; i++) {
      const state = randomState(random);
      const matches = searchMatches(items, searchQuery(state));
      const selected = [Math.floor(random() * items.length), Math.floor(random() * items.length)];
      const narrowed = selectedEventsFilter(state, matches, selected, items.length);
      const wanted = new Set(selected);
      const verdicts = decide(narrowed, state, wanted);
      expect(verdicts, JSON.stringify(state)).toEqual(
        decide(eventMapFilter(state, matches, items.length), state, wanted),
      );
      hidden += verdicts.filter((v) => !v).length;
      drawn += verdicts.filter((v) => v).length;
      if (searchQuery(state)) expect(JSON.stringify(narrowed).length).toBeLessThan(2000);
    }
    // Not vacuous: some selected points are drawn and some hidden.
    expect(drawn).toBeGreaterThan(20);
    expect(hidden).toBeGreaterThan(20);
  });

  it('changes its key when the filter changes, and not for the window alone', () => {
    const key = eventMapFilterKey(defaults);
    expect(eventMapFilterKey({ ...defaults, from: '2021-03-01', to: '2021-04-01' })).toBe(key);
    expect(eventMapFilterKey({ ...defaults, q: 'navy' })).not.toBe(key);
    expect(eventMapFilterKey({ ...defaults, basis: ['named'] })).not.toBe(key);
    expect(eventMapFilterKey({ ...defaults, undated: false })).not.toBe(key);
  });
});
