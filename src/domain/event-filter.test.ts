import { describe, expect, it } from 'vitest';
import type { FacetKey } from './event-filter.ts';
import {
  eventSearch,
  eventsWithPartner,
  facetCounts,
  filterAndCount,
  filterEvents,
  filterItems,
  indexEvents,
  partnerEventCounts,
  prepareSearchTexts,
  sameIndexes,
  searchMatches,
  searchQuery,
  searchTextOf,
  searchTexts,
} from './event-filter.ts';
import type { AtlasEvent, Partner } from './event-schema.ts';
import { EVENT_FORMATS, EVENT_KINDS, PARTNER_BASES } from './event-schema.ts';
import type { ViewState } from './view-state.ts';
import { defaultViewState } from './view-state.ts';

const defaults = defaultViewState({ defaults: { from: '2021-01-01', to: '2021-12-31' } });
const view = (overrides: Partial<ViewState>): ViewState => ({ ...defaults, ...overrides });

let serial = 0;
function makeEvent(overrides: Partial<AtlasEvent> = {}): AtlasEvent {
  serial += 1;
  return {
    id: `event-${serial}`,
    theme: 1,
    title: `Event ${serial}`,
    summary: 'A summary that search does not read.',
    kind: 'meeting',
    format: 'in-person',
    date: { start: '2021-06-01', end: '2021-06-01', precision: 'day', source: 's' },
    location: { name: 'Beijing', kind: 'venue', lon: 116.4, lat: 39.9, source: 's' },
    partners: [],
    sources: [{ id: 's', title: 'Source', url: 'https://example.org/' }],
    ...overrides,
  };
}

const named = (iso3: string, name: string, extra: Partial<Partner> = {}): Partner => ({
  iso3,
  name,
  basis: 'named',
  source: 's',
  ...extra,
});

const ids = (events: readonly AtlasEvent[]) => events.map((e) => e.id).sort();
const shown = (events: readonly AtlasEvent[], state: ViewState) =>
  ids(filterEvents(indexEvents(events), state));

describe('the time window', () => {
  const window = view({ from: '2021-05-10', to: '2021-05-20' });
  const day = (start: string, end = start) =>
    makeEvent({ id: `${start}-${end}`, date: { start, end, precision: 'day', source: 's' } });

  it('shows an event ending the day the window starts', () => {
    expect(shown([day('2021-05-01', '2021-05-10')], window)).toEqual(['2021-05-01-2021-05-10']);
  });

  it('hides an event ending the day before the window starts', () => {
    expect(shown([day('2021-05-01', '2021-05-09')], window)).toEqual([]);
  });

  it('shows an event starting the day the window ends', () => {
    expect(shown([day('2021-05-20', '2021-05-25')], window)).toEqual(['2021-05-20-2021-05-25']);
  });

  it('hides an event starting the day after the window ends', () => {
    expect(shown([day('2021-05-21')], window)).toEqual([]);
  });

  it('shows an event spanning the whole window', () => {
    expect(shown([day('2021-04-01', '2021-06-30')], window)).toEqual(['2021-04-01-2021-06-30']);
  });

  it('shows a one-day event in a one-day window on that day only', () => {
    const event = day('2021-07-27');
    expect(shown([event], view({ from: '2021-07-27', to: '2021-07-27' }))).toEqual([event.id]);
    expect(shown([event], view({ from: '2021-07-28', to: '2021-07-28' }))).toEqual([]);
  });
});

describe('undated', () => {
  const byDay = makeEvent({
    date: { start: '2021-03-02', end: '2021-03-02', precision: 'day', source: 's' },
  });
  const byMonth = makeEvent({
    date: { start: '2021-03-01', end: '2021-03-31', precision: 'month', source: 's' },
  });
  const byYear = makeEvent({
    date: { start: '2021-01-01', end: '2021-12-31', precision: 'year', source: 's' },
  });
  const all = [byDay, byMonth, byYear];

  it('includes month- and year-precision events by default', () => {
    expect(shown(all, defaults)).toEqual(ids(all));
  });

  it('removes month- and year-precision events when off', () => {
    expect(shown(all, view({ undated: false }))).toEqual([byDay.id]);
  });
});

describe('facets', () => {
  const events = [
    makeEvent({ id: 'a', theme: 1, kind: 'exercise', format: 'in-person' }),
    makeEvent({ id: 'b', theme: 2, kind: 'exercise', format: 'online' }),
    makeEvent({ id: 'c', theme: 2, kind: 'call', format: 'online' }),
    makeEvent({ id: 'd', theme: 3, kind: 'aid', format: 'hybrid' }),
  ];

  it('shows everything with no facet set', () => {
    expect(shown(events, defaults)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('filters by theme', () => {
    expect(shown(events, view({ theme: [2] }))).toEqual(['b', 'c']);
    expect(shown(events, view({ theme: [1, 3] }))).toEqual(['a', 'd']);
  });

  it('filters by kind', () => {
    expect(shown(events, view({ kind: ['exercise'] }))).toEqual(['a', 'b']);
    expect(shown(events, view({ kind: ['call', 'aid'] }))).toEqual(['c', 'd']);
  });

  it('filters by format', () => {
    expect(shown(events, view({ format: ['online'] }))).toEqual(['b', 'c']);
    expect(shown(events, view({ format: ['hybrid', 'in-person'] }))).toEqual(['a', 'd']);
  });

  it('combines facets with "and"', () => {
    expect(shown(events, view({ kind: ['exercise'], format: ['online'] }))).toEqual(['b']);
    expect(shown(events, view({ theme: [1], format: ['online'] }))).toEqual([]);
  });
});

describe('partner basis', () => {
  const mixed = makeEvent({
    id: 'mixed',
    partners: [
      named('RUS', 'Russia'),
      { iso3: 'KAZ', name: 'Kazakhstan', basis: 'member', via: 'SCO', source: 's' },
    ],
  });
  const reported = makeEvent({
    id: 'reported',
    partners: [{ iso3: 'PAK', name: 'Pakistan', basis: 'reported', source: 's' }],
  });
  const none = makeEvent({ id: 'none', partners: [] });
  const events = [mixed, reported, none];

  it('shows an event when any of its partners has the basis', () => {
    expect(shown(events, view({ basis: ['member'] }))).toEqual(['mixed']);
    expect(shown(events, view({ basis: ['named'] }))).toEqual(['mixed']);
    expect(shown(events, view({ basis: ['reported'] }))).toEqual(['reported']);
    expect(shown(events, view({ basis: ['reported', 'member'] }))).toEqual(['mixed', 'reported']);
  });

  it('hides events without partners once a basis is chosen', () => {
    expect(shown(events, defaults)).toContain('none');
    expect(shown(events, view({ basis: [...PARTNER_BASES] }))).not.toContain('none');
  });
});

describe('search', () => {
  const events = [
    makeEvent({ id: 'title', title: 'Peace Mission 2021' }),
    makeEvent({ id: 'partner', partners: [named('KAZ', 'Kazakhstan')] }),
    makeEvent({ id: 'mention', partners: [named('MMR', 'Myanmar', { mention: 'Burmese navy' })] }),
    makeEvent({
      id: 'place',
      location: { name: 'Zhurihe training base', kind: 'venue', lon: 112.7, lat: 42.4, source: 's' },
    }),
  ];
  const search = (q: string) => shown(events, view({ q }));

  it('matches the title', () => expect(search('peace mission')).toEqual(['title']));
  it('matches a partner’s name', () => expect(search('KAZAKH')).toEqual(['partner']));
  it('matches a partner’s ISO code', () => expect(search('kaz')).toEqual(['partner']));
  it('matches how the source names a partner', () => expect(search('burmese')).toEqual(['mention']));
  it('matches the place', () => expect(search('Zhurihe')).toEqual(['place']));
  it('ignores surrounding spaces', () => expect(search('  zhurihe ')).toEqual(['place']));
  it('shows nothing for text found nowhere', () => expect(search('atlantis')).toEqual([]));
});

describe('search in Chinese and English', () => {
  const events = [
    makeEvent({ id: 'russia', partners: [named('RUS', 'Russia')] }),
    makeEvent({ id: 'congo', partners: [named('COG', 'Republic of the Congo')] }),
    makeEvent({
      id: 'zh-title',
      title: 'Joint Sea-2021',
      i18n: { zh: { title: '“海上联合-2021”演习', summary: '中俄海军演习。' } },
    }),
  ];
  const search = (q: string) => shown(events, view({ q }));

  it('finds a country by its Chinese name', () => expect(search('俄罗斯')).toEqual(['russia']));
  it('finds the same country by its English name', () => expect(search('Russia')).toEqual(['russia']));
  it('finds a country by part of its Chinese name', () => expect(search('刚果')).toEqual(['congo']));
  it('finds an event by its Chinese title', () => expect(search('海上联合')).toEqual(['zh-title']));
  it('does not read the Chinese summary', () => expect(search('中俄海军')).toEqual([]));
});

describe('eventSearch', () => {
  const events = [
    makeEvent({ id: 'rus', partners: [named('RUS', 'Russia')] }),
    makeEvent({ id: 'rus-kaz', partners: [named('RUS', 'Russia'), named('KAZ', 'Kazakhstan')] }),
    makeEvent({ id: 'brunei', partners: [named('BRN', 'Brunei')] }),
    makeEvent({ id: 'title', title: 'Peace Mission 2021 in Russia' }),
    makeEvent({ id: 'none', title: 'Nothing to find' }),
  ];
  const items = indexEvents(events);

  // Typing, deleting back, typing something else, and a query met again: each letter may read
  // only an earlier query's matches, so each must still find exactly what a full scan finds.
  const queries = ['r', 'ru', 'rus', 'russ', 'russia', 'rus', 'ru', 'run', 'bru', 'u', 'russia', 'zz', 'zzz'];

  it.each(queries.map((q, i) => [i, q] as const))('finds what a full scan finds (query %i: %s)', (i, q) => {
    const search = eventSearch(items);
    for (const earlier of queries.slice(0, i)) search.resultFor(earlier);
    const result = search.resultFor(q);
    expect(result?.positions).toEqual(searchMatches(items, q));
    expect([...(result?.flags ?? [])].flatMap((flag, position) => (flag ? [position] : []))).toEqual(
      searchMatches(items, q),
    );
  });

  it('finds only what a full scan finds after more queries than it remembers', () => {
    const search = eventSearch(items);
    const many = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'ru', 'russia', 'r'];
    for (const q of many) expect(search.resultFor(q)?.positions).toEqual(searchMatches(items, q));
  });

  it('has no result for an empty query, which every event passes', () => {
    expect(eventSearch(items).resultFor('')).toBeNull();
  });

  it.each([
    view({ q: 'russia' }),
    view({ q: 'Rus', kind: ['meeting'] }),
    view({ q: 'brunei', from: '2021-07-01' }),
    view({ q: '' }),
  ])('filters and counts with its matches as with a scan of every text (%#)', (state) => {
    const search = eventSearch(items);
    search.resultFor('r');
    expect(filterAndCount(items, state, search)).toEqual(filterAndCount(items, state));
    expect(filterItems(items, state, search)).toEqual(filterItems(items, state));
    expect(ids(filterItems(items, state, search).map((item) => item.event))).toEqual(
      ids(events.filter((e) => searchQuery(state) === '' || shown([e], state).length > 0)),
    );
  });
});

describe('search texts', () => {
  const events = Array.from({ length: 1_234 }, (_, i) =>
    makeEvent({ title: i % 2 ? `Joint patrol ${i}` : `Naval drill ${i}` }),
  );
  const everyText = events.map(searchTextOf);

  it('are made a step at a time, at least one step each call, and then kept', () => {
    const items = indexEvents(events);
    expect(prepareSearchTexts(items, () => 0)).toBe(false);
    expect(prepareSearchTexts(items, () => 0)).toBe(false);
    expect(prepareSearchTexts(items, () => 0)).toBe(true);
    const texts = searchTexts(items);
    expect(texts).toEqual(everyText);
    expect(searchTexts(items)).toBe(texts);
    expect(prepareSearchTexts(items, () => 0)).toBe(true);
  });

  it('go on while there is time left', () => {
    const items = indexEvents(events);
    let looks = 0;
    expect(prepareSearchTexts(items, () => (looks++ < 2 ? 5 : 0))).toBe(true);
    expect(looks).toBe(2);
    expect(searchTexts(items)).toEqual(everyText);
  });

  it('are finished at once by a search made before they are all made', () => {
    const items = indexEvents(events);
    expect(prepareSearchTexts(items, () => 0)).toBe(false);
    expect(searchMatches(items, 'patrol 1233')).toEqual([1233]);
    expect(searchTexts(items)).toEqual(everyText);
    const wanted = everyText.flatMap((text, i) => (text.includes('naval drill 12') ? [i] : []));
    expect(wanted).toHaveLength(1 + 5 + 17);
    expect(filterItems(items, view({ q: 'naval drill 12' })).map((item) => item.position)).toEqual(wanted);
  });
});

describe('facetCounts', () => {
  const events = [
    makeEvent({ theme: 1, kind: 'exercise', format: 'in-person', partners: [named('RUS', 'Russia')] }),
    makeEvent({ theme: 1, kind: 'exercise', format: 'online', partners: [named('RUS', 'Russia')] }),
    makeEvent({
      theme: 2,
      kind: 'call',
      format: 'online',
      partners: [{ iso3: 'KAZ', name: 'Kazakhstan', basis: 'member', via: 'SCO', source: 's' }],
    }),
    makeEvent({ theme: 2, kind: 'aid', format: 'in-person', partners: [named('KHM', 'Cambodia')] }),
    makeEvent({
      theme: 3,
      kind: 'aid',
      format: 'hybrid',
      partners: [{ iso3: 'PAK', name: 'Pakistan', basis: 'reported', source: 's' }, named('THA', 'Thailand')],
    }),
    makeEvent({
      theme: 3,
      kind: 'meeting',
      format: 'online',
      date: { start: '2021-01-01', end: '2021-12-31', precision: 'year', source: 's' },
    }),
  ];
  const items = indexEvents(events);
  const options: Record<FacetKey, readonly (string | number)[]> = {
    theme: [1, 2, 3],
    kind: EVENT_KINDS,
    format: EVENT_FORMATS,
    basis: PARTNER_BASES,
  };

  /** What checking only `option` in `facet` would show, the other filters as they are. */
  const expected = (state: ViewState, facet: FacetKey, option: string | number) =>
    filterEvents(items, { ...state, [facet]: [option] }).length;

  const states: ViewState[] = [
    defaults,
    view({ kind: ['exercise'] }),
    view({ kind: ['exercise', 'aid'], theme: [2] }),
    view({ format: ['online'], undated: false }),
    view({ basis: ['named'], q: 'russia' }),
    view({ from: '2021-06-01', to: '2021-06-01', theme: [3] }),
  ];

  it.each(states.map((state, i) => [i, state] as const))(
    'gives each option the count it would show (state %i)',
    (_, state) => {
      const counts = facetCounts(items, state);
      for (const facet of Object.keys(options) as FacetKey[]) {
        for (const option of options[facet]) {
          expect([facet, option, counts[facet].get(String(option)) ?? 0]).toEqual([
            facet,
            option,
            expected(state, facet, option),
          ]);
        }
      }
    },
  );

  it.each(states.map((state, i) => [i, state] as const))(
    'filters and counts in one pass exactly as filterItems and facetCounts do apart (state %i)',
    (_, state) => {
      const { shown, counts } = filterAndCount(items, state);
      expect(Array.from(shown, (i) => items[i])).toEqual(filterItems(items, state));
      expect(counts).toEqual(facetCounts(items, state));
    },
  );

  it('counts every option of the facets when nothing is checked', () => {
    const counts = facetCounts(items, defaults);
    expect(Object.fromEntries(counts.kind)).toEqual({ exercise: 2, call: 1, aid: 2, meeting: 1 });
    expect(Object.fromEntries(counts.theme)).toEqual({ 1: 2, 2: 2, 3: 2 });
    // An event counts once for each basis its partners have.
    expect(Object.fromEntries(counts.basis)).toEqual({ named: 4, member: 1, reported: 1 });
  });

  it('does not change a facet’s own counts when one of its options is checked, but changes the others', () => {
    const before = facetCounts(items, defaults);
    const after = facetCounts(items, view({ kind: ['exercise'] }));
    expect(after.kind).toEqual(before.kind);
    expect(after.theme).not.toEqual(before.theme);
    expect(Object.fromEntries(after.theme)).toEqual({ 1: 2 });
    expect(Object.fromEntries(after.format)).toEqual({ 'in-person': 1, online: 1 });
  });
});

describe('partners', () => {
  const events = [
    makeEvent({ id: 'p1', partners: [named('RUS', 'Russia'), named('KAZ', 'Kazakhstan')] }),
    makeEvent({ id: 'p2', partners: [named('RUS', 'Russia')] }),
    makeEvent({ id: 'p3', partners: [] }),
  ];

  it('counts the events of each partner country', () => {
    expect(partnerEventCounts(events)).toEqual(
      new Map([
        ['RUS', 2],
        ['KAZ', 1],
      ]),
    );
    expect(partnerEventCounts([])).toEqual(new Map());
  });

  it('finds the events of one partner', () => {
    expect(ids(eventsWithPartner(events, 'RUS'))).toEqual(['p1', 'p2']);
    expect(eventsWithPartner(events, 'CHN')).toEqual([]);
  });
});

describe('sameIndexes', () => {
  it('compares the indexes and their order, not the arrays', () => {
    expect(sameIndexes(Int32Array.of(1, 4, 9), Int32Array.of(1, 4, 9))).toBe(true);
    expect(sameIndexes(Int32Array.of(), new Int32Array(0))).toBe(true);
    expect(sameIndexes(Int32Array.of(1, 4, 9), Int32Array.of(1, 4))).toBe(false);
    expect(sameIndexes(Int32Array.of(1, 4, 9), Int32Array.of(1, 5, 9))).toBe(false);
    expect(sameIndexes(Int32Array.of(4, 1), Int32Array.of(1, 4))).toBe(false);
  });

  it('holds for two searches that leave the same events, not for one that narrows them', () => {
    const items = indexEvents([
      makeEvent({ title: 'Exercise with Russia', partners: [named('RUS', 'Russia')] }),
      makeEvent({ title: 'Patrol with Russia', partners: [named('RUS', 'Russia')] }),
      makeEvent({ title: 'Talks in Rome', partners: [named('ITA', 'Italy')] }),
    ]);
    const shownFor = (q: string) => filterAndCount(items, view({ q })).shown;
    expect(sameIndexes(shownFor('russ'), shownFor('russia'))).toBe(true);
    expect(sameIndexes(shownFor('r'), shownFor('russia'))).toBe(false);
  });
});
