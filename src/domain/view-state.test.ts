import { describe, expect, it } from 'vitest';
import type { AtlasEvent } from './event-schema.ts';
import { EVENT_FORMATS, EVENT_KINDS, PARTNER_BASES } from './event-schema.ts';
import { positionsById } from './selection.ts';
import type { ViewContext, ViewState } from './view-state.ts';
import {
  applyViewParams,
  defaultViewState,
  MAX_QUERY_LENGTH,
  parseViewState,
  serializeViewState,
  VIEW_PARAMS,
} from './view-state.ts';

const EVENT_IDS = ['zapad-2021', 'peace-mission-2021', 'vaccines-to-cambodia'];
const context: ViewContext = {
  defaults: { from: '2021-01-01', to: '2021-12-31' },
  themes: [1, 2, 3, 4, 5, 6, 7],
  eventIds: new Set(EVENT_IDS),
  countries: new Set(['RUS', 'KAZ', 'PAK', 'KHM', 'THA']),
};
const defaults = defaultViewState(context);

const parseUrl = (query: string) => parseViewState(new URLSearchParams(query), context);
const viaUrl = (state: ViewState) =>
  parseViewState(new URLSearchParams(serializeViewState(state, context)), context);

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomState(random: () => number): ViewState {
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)] as T;
  const subset = <T>(values: readonly T[]) => values.filter(() => random() < 0.3);
  const day = () => new Date(Date.UTC(2021, 0, 1 + Math.floor(random() * 365))).toISOString().slice(0, 10);
  const [a, b] = [day(), day()].sort() as [string, string];
  const round = (n: number, digits: number) => Number(n.toFixed(digits));
  return {
    from: random() < 0.5 ? a : defaults.from,
    to: random() < 0.5 ? b : defaults.to,
    undated: random() < 0.7,
    // Serialized sorted, so only a sorted list survives the trip unchanged.
    theme: subset(context.themes),
    kind: subset(EVENT_KINDS),
    format: subset(EVENT_FORMATS),
    basis: subset(PARTNER_BASES),
    q: random() < 0.5 ? '' : pick(['russia', 'Peace Mission', 'a&b=c?d#e', 'шанхай', '100% naval, drills']),
    country: random() < 0.5 ? null : pick([...(context.countries ?? [])]),
    event: random() < 0.5 ? null : pick(EVENT_IDS),
    map:
      random() < 0.5
        ? null
        : {
            zoom: round(random() * 22, 2),
            lat: round(random() * 180 - 90, 4),
            lon: round(random() * 360 - 180, 4),
          },
    lang: random() < 0.5 ? null : pick(['en', 'zh'] as const),
    lines: random() < 0.5,
  };
}

describe('lang', () => {
  it('reads en and zh, and an empty value as "follow the browser"', () => {
    expect(parseViewState(new URLSearchParams('lang=zh'), context).state.lang).toBe('zh');
    expect(parseViewState(new URLSearchParams('lang=EN'), context).state.lang).toBe('en');
    expect(parseViewState(new URLSearchParams('lang='), context).state.lang).toBeNull();
    expect(serializeViewState({ ...defaults, lang: 'zh' }, context)).toEqual({ lang: 'zh' });
  });

  it('falls back to English for a language the atlas does not have, and says so', () => {
    const { state, dropped } = parseViewState(new URLSearchParams('lang=fr'), context);
    expect(state.lang).toBe('en');
    expect(dropped).toEqual([{ param: 'lang', value: 'fr', reason: 'not a language of the atlas (en, zh)' }]);
  });
});

describe('serializeViewState', () => {
  it('writes nothing for the default view', () => {
    expect(serializeViewState(defaults, context)).toEqual({});
  });

  it('writes only the values that differ from the defaults', () => {
    expect(serializeViewState({ ...defaults, kind: ['exercise'] }, context)).toEqual({ kind: 'exercise' });
    expect(serializeViewState({ ...defaults, undated: false, to: '2021-06-30' }, context)).toEqual({
      to: '2021-06-30',
      undated: '0',
    });
    expect(
      serializeViewState({ ...defaults, map: { zoom: 3.456, lat: 45.123456, lon: -0.5 } }, context),
    ).toEqual({ map: '3.46/45.1235/-0.5' });
    expect(serializeViewState({ ...defaults, lines: true }, context)).toEqual({ lines: '1' });
  });

  it('writes the keys in the documented order', () => {
    const everything = serializeViewState(
      {
        from: '2021-02-01',
        to: '2021-03-01',
        undated: false,
        theme: [2],
        kind: ['patrol'],
        format: ['online'],
        basis: ['named'],
        q: 'x',
        country: 'RUS',
        event: 'zapad-2021',
        map: { zoom: 1, lat: 2, lon: 3 },
        lang: 'zh',
        lines: true,
      },
      context,
    );
    expect(Object.keys(everything)).toEqual([...VIEW_PARAMS]);
  });
});

describe('parse and serialize', () => {
  it('gives back every state it wrote, map camera included', () => {
    const random = mulberry32(20211223);
    for (let i = 0; i < 300; i++) {
      const state = randomState(random);
      const { state: parsed, dropped } = viaUrl(state);
      expect(dropped).toEqual([]);
      expect(parsed).toEqual(state);
    }
  });

  it('turns any accepted query into its one canonical form', () => {
    const messy =
      'theme=3,1,3&kind=Exercise,%20patrol,exercise&country=rus&undated=1&from=2021-01-01&q=%20navy%20';
    const canonical = serializeViewState(parseUrl(messy).state, context);
    expect(canonical).toEqual({ theme: '1,3', kind: 'exercise,patrol', q: 'navy', country: 'RUS' });
    expect(serializeViewState(parseUrl(new URLSearchParams(canonical).toString()).state, context)).toEqual(
      canonical,
    );
  });

  it('keeps the valid values of a partly valid list', () => {
    const { state, dropped } = parseUrl('kind=exercise,party&theme=2,99');
    expect(state.kind).toEqual(['exercise']);
    expect(state.theme).toEqual([2]);
    expect(dropped).toEqual([
      { param: 'kind', value: 'party', reason: expect.any(String) },
      { param: 'theme', value: '99', reason: expect.any(String) },
    ]);
  });

  it('ignores parameters it does not know, without a notice', () => {
    expect(parseUrl('utm_source=mail&zoom=3')).toEqual({ state: defaults, dropped: [] });
  });
});

describe('the known event ids', () => {
  it("may be the dataset's positions by id, which the view keeps anyway", () => {
    const events = EVENT_IDS.map((id) => ({ id }) as AtlasEvent);
    const byPosition: ViewContext = { ...context, eventIds: positionsById(events) };
    expect(parseViewState(new URLSearchParams('event=peace-mission-2021'), byPosition).state.event).toBe(
      'peace-mission-2021',
    );
    const unknown = parseViewState(new URLSearchParams('event=no-such-event'), byPosition);
    expect(unknown.state.event).toBeNull();
    expect(unknown.dropped.map((d) => d.param)).toEqual(['event']);
  });
});

describe('parameters that do not parse', () => {
  const longText = 'n'.repeat(MAX_QUERY_LENGTH * 3);
  const garbage: [string, string][] = [
    ['from', '2021-13-45'],
    ['from', '2021-02-30'],
    ['to', 'yesterday'],
    ['undated', 'maybe'],
    ['lines', 'yes'],
    ['theme', '99,abc'],
    ['kind', 'party'],
    ['format', 'x'],
    ['basis', 'everyone'],
    ['country', 'XX1'],
    ['country', 'ZZZ'],
    ['event', '<script>alert(1)</script>'],
    ['event', 'no-such-event'],
    ['map', '1/2'],
    ['map', 'NaN/0/0'],
    ['map', '3/95/0'],
    ['map', '3/0/181'],
    ['map', '23/0/0'],
  ];

  it.each(garbage)('drops %s=%s with a notice and keeps the default', (param, value) => {
    const query = new URLSearchParams({ [param]: value }).toString();
    const { state, dropped } = parseUrl(query);
    expect(state).toEqual(defaults);
    expect(dropped.length).toBeGreaterThan(0);
    for (const entry of dropped)
      expect(entry).toEqual({ param, value: expect.any(String), reason: expect.any(String) });
  });

  it('drops every bad parameter of one query, reporting each', () => {
    const query = new URLSearchParams(garbage).toString();
    const { state, dropped } = parseUrl(query);
    expect(state).toEqual(defaults);
    const reported = new Set(dropped.map((d) => d.param));
    expect([...reported].sort()).toEqual([...new Set(garbage.map(([param]) => param))].sort());
  });

  it('keeps the first characters of a very long search, with a notice', () => {
    const { state, dropped } = parseUrl(`q=${longText}`);
    expect(state.q).toBe(longText.slice(0, MAX_QUERY_LENGTH));
    expect(dropped).toEqual([{ param: 'q', value: longText, reason: expect.stringContaining('longer') }]);
  });

  it('reads an empty list as "no filter", not as an error', () => {
    expect(parseUrl('basis=&kind=')).toEqual({ state: defaults, dropped: [] });
  });

  it('drops a window that ends before it starts', () => {
    const { state, dropped } = parseUrl('from=2021-09-01&to=2021-03-01');
    expect(state.from).toBe(defaults.from);
    expect(state.to).toBe(defaults.to);
    expect(dropped).toEqual([{ param: 'from', value: expect.any(String), reason: expect.any(String) }]);
  });

  it('accepts a one-day window', () => {
    const { state, dropped } = parseUrl('from=2021-06-24&to=2021-06-24');
    expect(dropped).toEqual([]);
    expect([state.from, state.to]).toEqual(['2021-06-24', '2021-06-24']);
  });

  it('accepts any well-formed country code when no list of countries is given', () => {
    const { state } = parseViewState({ country: 'zzz' }, { ...context, countries: undefined });
    expect(state.country).toBe('ZZZ');
  });

  it('never throws, and always gives a usable state, whatever the input', () => {
    const random = mulberry32(7);
    const alphabet = [
      '',
      ',',
      '/',
      '-',
      '0',
      '1',
      '9',
      'NaN',
      'a',
      'Z',
      ' ',
      '%',
      '\u0000',
      '2021-',
      'exercise',
      '∞',
    ];
    const noise = () =>
      Array.from(
        { length: Math.floor(random() * 8) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
    for (let i = 0; i < 500; i++) {
      const params = new URLSearchParams(VIEW_PARAMS.map((param) => [param, noise()]));
      const { state } = parseViewState(params, context);
      expect(state.from <= state.to).toBe(true);
      expect(state.q.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
      expect(state.kind.every((k) => EVENT_KINDS.includes(k))).toBe(true);
      expect(state.country === null || context.countries?.has(state.country)).toBe(true);
    }
  });
});

describe('applyViewParams', () => {
  const base: ViewState = {
    ...defaults,
    from: '2021-04-01',
    to: '2021-09-30',
    undated: false,
    theme: [2],
    kind: ['exercise', 'patrol'],
    basis: ['named'],
    q: 'peace',
    country: 'RUS',
    map: { zoom: 3, lat: 40, lon: 100 },
  };

  it('keeps the keys not given', () => {
    const { state, dropped } = applyViewParams(
      base,
      new URLSearchParams('country=KAZ&format=online'),
      context,
    );
    expect(dropped).toEqual([]);
    expect(state).toEqual({ ...base, country: 'KAZ', format: ['online'] });
  });

  it('keeps the base value of a parameter that does not parse', () => {
    const { state, dropped } = applyViewParams(
      base,
      new URLSearchParams('from=soon&kind=party&map=1/2&undated=maybe'),
      context,
    );
    expect(state).toEqual(base);
    expect(dropped.map((d) => d.param)).toEqual(['from', 'kind', 'map', 'undated']);
  });

  it('clears a value given empty', () => {
    const { state } = applyViewParams(base, new URLSearchParams('country=&kind=&map=&q='), context);
    expect(state).toEqual({ ...base, country: null, kind: [], map: null, q: '' });
  });

  it('keeps the base window when a new start falls after its end', () => {
    const { state, dropped } = applyViewParams(base, new URLSearchParams('from=2021-10-15'), context);
    expect([state.from, state.to]).toEqual([base.from, base.to]);
    expect(dropped).toHaveLength(1);
  });

  it('validates a plain object (an embed host’s message) the same way, ignoring unknown keys', () => {
    const message = { kind: ['exercise'], from: '2021-05-01', country: 'rus', extra: 1, q: { x: 1 } };
    const { state, dropped } = parseViewState(message, context);
    expect(state).toEqual({ ...defaults, kind: ['exercise'], from: '2021-05-01', country: 'RUS' });
    expect(dropped).toEqual([{ param: 'q', value: expect.any(String), reason: expect.any(String) }]);
  });

  it('reads numbers, nulls and lists of a plain object', () => {
    const { state, dropped } = applyViewParams(
      base,
      { theme: [5, 3], undated: 1, country: null, basis: [], map: undefined },
      context,
    );
    expect(dropped).toEqual([]);
    expect(state).toEqual({ ...base, theme: [5, 3], undated: true, country: null, basis: [] });
  });

  it('drops an object or a bad list in a plain object', () => {
    const { state, dropped } = applyViewParams(
      base,
      { map: { zoom: 3, lat: 0, lon: 0 }, kind: ['party', 7], event: ['zapad-2021', 'x'] },
      context,
    );
    expect(state).toEqual(base);
    expect(new Set(dropped.map((d) => d.param))).toEqual(new Set(['map', 'kind', 'event']));
  });
});
