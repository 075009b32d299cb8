import { describe, expect, it } from 'vitest';
import { facetCounts, indexEvents } from './event-filter.ts';
import type { AtlasEvent, Theme } from './event-schema.ts';
import { EVENT_KINDS } from './event-schema.ts';
import {
  activeFilterChips,
  clearedFilters,
  countSentence,
  filterGroups,
  KIND_LABELS,
  toggleValue,
  windowLabel,
} from './filter-labels.ts';
import type { ViewState } from './view-state.ts';
import { applyViewParams, defaultViewState } from './view-state.ts';

const defaults = { from: '2021-01-01', to: '2021-12-31' };
const themes: Theme[] = [
  { id: 2, title: 'China–Russia military ties' },
  { id: 1, title: 'Around the CPC centenary' },
];
const base = defaultViewState({ defaults });
const view = (patch: Partial<ViewState>): ViewState => ({ ...base, ...patch });

function event(id: string, patch: Partial<AtlasEvent>): AtlasEvent {
  return {
    id,
    theme: 1,
    title: id,
    summary: 'A summary.',
    kind: 'exercise',
    format: 'in-person',
    date: { start: '2021-07-01', end: '2021-07-01', precision: 'day', source: 's' },
    location: { name: 'Moscow', kind: 'venue', lon: 37.6, lat: 55.7, source: 's' },
    partners: [{ iso3: 'RUS', name: 'Russia', basis: 'named', source: 's' }],
    sources: [{ id: 's', title: 'Source', url: 'https://example.org/' }],
    ...patch,
  };
}

describe('countSentence', () => {
  it('says "N of M events", whatever the numbers', () => {
    expect(countSentence(34, 34)).toBe('34 of 34 events');
    expect(countSentence(1, 34)).toBe('1 of 34 events');
    expect(countSentence(0, 34)).toBe('0 of 34 events');
  });
});

describe('windowLabel', () => {
  it('says the year once when both ends share it', () => {
    expect(windowLabel('2021-10-14', '2021-12-31')).toBe('14 Oct – 31 Dec 2021');
    expect(windowLabel('2021-09-01', '2021-09-30')).toBe('1 Sep – 30 Sep 2021');
  });
  it('names a single day once, and both years when they differ', () => {
    expect(windowLabel('2021-07-01', '2021-07-01')).toBe('1 Jul 2021');
    expect(windowLabel('2020-12-30', '2021-01-02')).toBe('30 Dec 2020 – 2 Jan 2021');
  });
});

describe('toggleValue', () => {
  it('adds a missing value at the end and removes a present one', () => {
    expect(toggleValue(['call'], 'aid')).toEqual(['call', 'aid']);
    expect(toggleValue(['call', 'aid', 'forum'], 'aid')).toEqual(['call', 'forum']);
  });
});

describe('activeFilterChips', () => {
  it('has no chip for the default view', () => {
    expect(activeFilterChips(base, themes, defaults)).toEqual([]);
  });

  it('gives one chip per selected value, in the panel order, each clearing only itself', () => {
    const state = view({ theme: [2, 1], kind: ['call', 'exercise'], format: ['online'], basis: ['member'] });
    const chips = activeFilterChips(state, themes, defaults);
    expect(chips.map((c) => c.label)).toEqual([
      '1. Around the CPC centenary',
      '2. China–Russia military ties',
      'Exercise',
      'Video call',
      'Online',
      'Member of a named organisation',
    ]);
    expect(chips.find((c) => c.key === 'theme:2')?.clear).toEqual({ theme: [1] });
    expect(chips.find((c) => c.key === 'kind:exercise')?.clear).toEqual({ kind: ['call'] });
    expect(chips.find((c) => c.key === 'format:online')?.clear).toEqual({ format: [] });
    expect(chips.find((c) => c.key === 'basis:member')?.clear).toEqual({ basis: [] });
  });

  it('shows the search text trimmed, and ignores a blank search', () => {
    expect(activeFilterChips(view({ q: '  Kazakh ' }), themes, defaults)).toEqual([
      { key: 'q', label: 'Search: "Kazakh"', clear: { q: '' } },
    ]);
    expect(activeFilterChips(view({ q: '   ' }), themes, defaults)).toEqual([]);
  });

  it('names a window narrower than the defaults, and clearing it restores them', () => {
    const [chip] = activeFilterChips(view({ from: '2021-10-14' }), themes, defaults);
    expect(chip).toEqual({ key: 'window', label: '14 Oct – 31 Dec 2021', clear: defaults });
    expect(activeFilterChips(view({ to: '2021-06-30' }), themes, defaults)[0]?.label).toBe(
      '1 Jan – 30 Jun 2021',
    );
    // Wider than the dataset hides nothing.
    expect(activeFilterChips(view({ from: '2020-06-01' }), themes, defaults)).toEqual([]);
  });

  it('has a chip for "Exact dates only" that lets undated events back in', () => {
    expect(activeFilterChips(view({ undated: false }), themes, defaults)).toEqual([
      { key: 'undated', label: 'Exact dates only', clear: { undated: true } },
    ]);
  });

  it('falls back to the number for a highlight the dataset does not title', () => {
    expect(activeFilterChips(view({ theme: [9] }), themes, defaults)[0]?.label).toBe('Highlight 9');
  });

  it('gives unique keys, and the URL parser accepts every chip label’s state back', () => {
    const parsed = applyViewParams(
      base,
      {
        theme: '1,2',
        kind: 'aid',
        format: 'hybrid',
        basis: 'named',
        q: 'x',
        from: '2021-03-01',
        undated: '0',
      },
      { defaults, themes: [1, 2] },
    );
    expect(parsed.dropped).toEqual([]);
    const chips = activeFilterChips(parsed.state, themes, defaults);
    expect(chips).toHaveLength(8);
    expect(new Set(chips.map((c) => c.key)).size).toBe(8);
  });
});

describe('clearedFilters', () => {
  it('returns every filter to its default, leaving selection and camera alone', () => {
    const state = view({
      theme: [1],
      kind: ['aid'],
      q: 'x',
      undated: false,
      from: '2021-05-01',
      country: 'RUS',
      event: 'e1',
    });
    const cleared = { ...state, ...clearedFilters(defaults) };
    expect(activeFilterChips(cleared, themes, defaults)).toEqual([]);
    expect(cleared.country).toBe('RUS');
    expect(cleared.event).toBe('e1');
  });
});

describe('filterGroups', () => {
  const items = indexEvents([
    event('a', { kind: 'exercise', format: 'in-person', theme: 1 }),
    event('b', { kind: 'exercise', format: 'online', theme: 2 }),
    event('c', {
      kind: 'call',
      format: 'online',
      theme: 2,
      partners: [{ iso3: 'KAZ', name: 'Kazakhstan', basis: 'member', via: 'SCO', source: 's' }],
    }),
  ]);

  it('lists the four groups in order, all open so every option is reachable at once', () => {
    const groups = filterGroups(themes, base, facetCounts(items, base));
    expect(groups.map((g) => [g.legend, g.defaultOpen])).toEqual([
      ['Highlight', true],
      ['Kind', true],
      ['Format', true],
      ['Partner basis', true],
    ]);
  });

  it('orders highlights by id and every kind as the schema does, zero counts included', () => {
    const [highlight, kind] = filterGroups(themes, base, facetCounts(items, base));
    expect(highlight?.options.map((o) => [o.label, o.count])).toEqual([
      ['1. Around the CPC centenary', 1],
      ['2. China–Russia military ties', 2],
    ]);
    expect(kind?.options.map((o) => o.label)).toEqual(EVENT_KINDS.map((k) => KIND_LABELS[k]));
    expect(kind?.options.find((o) => o.key === 'kind-exercise')?.count).toBe(2);
    expect(kind?.options.find((o) => o.key === 'kind-rescue')?.count).toBe(0);
  });

  it('counts each option given the other filters, and toggles it in or out', () => {
    const state = view({ format: ['online'], kind: ['call'] });
    const [, kind, format, basis] = filterGroups(themes, state, facetCounts(items, state));
    // Kind ignores its own selection: online events are one exercise and one call.
    expect(kind?.options.find((o) => o.key === 'kind-exercise')).toMatchObject({
      count: 1,
      checked: false,
      toggle: { kind: ['call', 'exercise'] },
    });
    expect(kind?.options.find((o) => o.key === 'kind-call')).toMatchObject({
      count: 1,
      checked: true,
      toggle: { kind: [] },
    });
    expect(kind?.selected).toBe(1);
    // Format ignores its own selection: calls are online only.
    expect(format?.options.map((o) => [o.label, o.count, o.checked])).toEqual([
      ['In person', 0, false],
      ['Online', 1, true],
      ['Hybrid', 0, false],
      ['By letter or phone', 0, false],
      ['Not reported', 0, false],
    ]);
    expect(basis?.options.map((o) => [o.label, o.count])).toEqual([
      ['Named in the article', 0],
      ['Member of a named organisation', 1],
      ['Reported elsewhere', 0],
    ]);
  });
});
