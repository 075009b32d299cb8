import { describe, expect, it } from 'vitest';
import {
  compactPartnersText,
  countryEventsText,
  countryShownText,
  eventUnnamedPartnersText,
  formatCompactDate,
  isImpreciseDate,
  partnersByBasis,
  partnerText,
  safeHref,
  sortEvents,
  sortedPositions,
  themeTitle,
  unnamedPartnersText,
} from './event-description.ts';
import type { AtlasEvent, EventDate, Partner } from './event-schema.ts';
import { EVENT_FORMATS, EVENT_KINDS } from './event-schema.ts';
import { FORMAT_LABELS, KIND_LABELS } from './filter-labels.ts';

const day = (start: string, end = start): EventDate => ({ start, end, precision: 'day', source: 's' });

function event(overrides: Partial<AtlasEvent> & Pick<AtlasEvent, 'id'>): AtlasEvent {
  return {
    theme: 1,
    title: overrides.id,
    summary: 'A summary.',
    kind: 'meeting',
    format: 'in-person',
    date: day('2021-06-01'),
    location: { name: 'Beijing', kind: 'venue', lon: 116.4, lat: 39.9, source: 's' },
    partners: [],
    sources: [{ id: 's', title: 'Source', url: 'https://example.org/' }],
    ...overrides,
  };
}

const partner = (name: string, basis: Partner['basis'], via?: string): Partner => ({
  iso3: name.slice(0, 3).toUpperCase(),
  name,
  basis,
  ...(via ? { via } : {}),
  source: 's',
});

describe('labels', () => {
  it('labels every kind and format', () => {
    for (const kind of EVENT_KINDS) expect(KIND_LABELS[kind]).toMatch(/^[A-Z]/);
    for (const format of EVENT_FORMATS) expect(FORMAT_LABELS[format]).toMatch(/^[A-Z]/);
  });

  it('finds a theme title by id', () => {
    const themes = [{ id: 2, title: 'China–Russia military ties' }];
    expect(themeTitle(themes, 2)).toBe('China–Russia military ties');
    expect(themeTitle(themes, 9)).toBeUndefined();
  });
});

describe('formatCompactDate', () => {
  it('shows a single day and a span within a month', () => {
    expect(formatCompactDate(day('2021-11-19'))).toBe('19 Nov');
    expect(formatCompactDate(day('2021-10-14', '2021-10-17'))).toBe('14–17 Oct');
  });

  it('names both months of a span across months', () => {
    expect(formatCompactDate(day('2021-05-02', '2021-06-02'))).toBe('2 May – 2 Jun');
  });

  it('never shows a day the sources do not give', () => {
    expect(formatCompactDate({ start: '2021-05-01', end: '2021-05-31', precision: 'month' })).toBe('May');
    expect(formatCompactDate({ start: '2021-05-01', end: '2021-06-30', precision: 'month' })).toBe('May–Jun');
    expect(formatCompactDate({ start: '2021-01-01', end: '2021-12-31', precision: 'year' })).toBe(
      '2021 (date not reported)',
    );
  });

  it('names the years of a span across years', () => {
    expect(formatCompactDate(day('2021-12-30', '2022-01-02'))).toBe('30 Dec 2021 – 2 Jan 2022');
    expect(formatCompactDate({ start: '2021-12-01', end: '2022-01-31', precision: 'month' })).toBe(
      'Dec 2021 – Jan 2022',
    );
  });

  it('tells imprecise dates apart', () => {
    expect(isImpreciseDate(day('2021-01-01'))).toBe(false);
    expect(isImpreciseDate({ start: '2021-05-01', end: '2021-05-31', precision: 'month' })).toBe(true);
  });
});

describe('partnersByBasis', () => {
  it('groups named, then members per organisation, then reported', () => {
    const groups = partnersByBasis({
      partners: [
        partner('Belarus', 'reported'),
        partner('India', 'member', 'SCO'),
        partner('Russia', 'named'),
        partner('Brunei', 'member', 'ASEAN'),
        partner('Pakistan', 'member', 'SCO'),
      ],
    });
    expect(groups.map((g) => [g.label, g.partners.map((p) => p.name)])).toEqual([
      ['Named in the article', ['Russia']],
      ['Members of the SCO', ['India', 'Pakistan']],
      ['Members of ASEAN', ['Brunei']],
      ['Reported by other sources', ['Belarus']],
    ]);
    expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length);
  });

  it('gives no groups when no partner is named', () => {
    expect(partnersByBasis({ partners: [] })).toEqual([]);
  });

  it('shows how the source spells a partner when it differs', () => {
    expect(partnerText({ name: 'North Macedonia', mention: 'Northern Macedonia' })).toBe(
      'North Macedonia (written “Northern Macedonia”)',
    );
    expect(partnerText({ name: 'Russia' })).toBe('Russia');
    expect(partnerText({ name: 'Russia', mention: 'Russia' })).toBe('Russia');
  });
});

describe('unnamedPartnersText', () => {
  it('counts more countries after named ones, with the region as an adjective', () => {
    expect(unnamedPartnersText({ count: 19, approximate: false, region: 'Africa', source: 's' }, true)).toBe(
      'and 19 more African countries, not named',
    );
    expect(unnamedPartnersText({ count: 19, approximate: false, region: 'Africa', source: 's' }, false)).toBe(
      '19 African countries, not named',
    );
  });

  it('keeps the source’s qualifier', () => {
    expect(
      unnamedPartnersText({ count: 70, approximate: true, qualifier: 'nearly', source: 's' }, false),
    ).toBe('nearly 70 countries, not named');
    expect(
      unnamedPartnersText({ count: 5, approximate: true, qualifier: 'at least', source: 's' }, true),
    ).toBe('and at least 5 more countries, not named');
    expect(
      unnamedPartnersText({ count: 155, approximate: true, qualifier: 'about', source: 's' }, true),
    ).toBe('and about 155 more countries, not named');
  });

  it('reads an approximate count without a qualifier as "about"', () => {
    expect(unnamedPartnersText({ count: 30, approximate: true, source: 's' }, false)).toBe(
      'about 30 countries, not named',
    );
  });

  it('handles other regions and a single country', () => {
    expect(
      unnamedPartnersText({ count: 3, approximate: false, region: 'Latin America', source: 's' }, false),
    ).toBe('3 Latin American countries, not named');
    expect(unnamedPartnersText({ count: 4, approximate: false, region: 'Oceania', source: 's' }, true)).toBe(
      'and 4 more countries in Oceania, not named',
    );
    expect(unnamedPartnersText({ count: 1, approximate: false, region: 'Asia', source: 's' }, true)).toBe(
      'and 1 more Asian country, not named',
    );
  });

  it('reads an event’s unnamed partners against its listed ones (of any basis)', () => {
    const forum = event({
      id: 'forum',
      partners: [partner('Cameroon', 'reported')],
      unnamedPartners: { count: 19, approximate: false, region: 'Africa', source: 's' },
    });
    expect(eventUnnamedPartnersText(forum)).toBe('and 19 more African countries, not named');
    expect(eventUnnamedPartnersText(event({ id: 'plain' }))).toBeUndefined();
  });
});

describe('compactPartnersText', () => {
  it('names a few partners and counts the rest', () => {
    expect(compactPartnersText({ partners: [partner('Russia', 'named')] })).toBe('Russia');
    expect(
      compactPartnersText({
        partners: ['Brunei', 'Indonesia', 'Cambodia', 'Laos'].map((n) => partner(n, 'member', 'ASEAN')),
      }),
    ).toBe('Brunei, Indonesia +2');
  });

  it('adds unnamed partners, and says when none is known', () => {
    expect(
      compactPartnersText({
        partners: [partner('Cameroon', 'reported')],
        unnamedPartners: { count: 19, approximate: false, region: 'Africa', source: 's' },
      }),
    ).toBe('Cameroon + 19 unnamed');
    expect(
      compactPartnersText({
        partners: [],
        unnamedPartners: { count: 70, approximate: true, qualifier: 'nearly', source: 's' },
      }),
    ).toBe('nearly 70 unnamed');
    expect(compactPartnersText({ partners: [] })).toBe('—');
  });
});

describe('country texts', () => {
  it('counts a country’s events and how many the filters show', () => {
    expect(countryEventsText(1, '2021')).toBe('1 event with China in 2021');
    expect(countryEventsText(12, '2022')).toBe('12 events with China in 2022');
    expect(countryShownText(3, 12)).toBe('3 shown with the current filters');
    expect(countryShownText(12, 12)).toBeUndefined();
  });
});

describe('safeHref', () => {
  it('links only http(s) URLs', () => {
    expect(safeHref('https://tass.com/defense/1349479')).toBe('https://tass.com/defense/1349479');
    expect(safeHref('http://eng.chinamil.com.cn/')).toBe('http://eng.chinamil.com.cn/');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('JaVaScRiPt:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<script>alert(1)</script>')).toBeUndefined();
    expect(safeHref('/relative/path')).toBeUndefined();
    expect(safeHref('')).toBeUndefined();
  });
});

describe('sortEvents', () => {
  const a = event({ id: 'a', title: 'Bravo', kind: 'visit', date: day('2021-04-27') });
  const b = event({ id: 'b', title: 'alpha', kind: 'exercise', date: day('2021-04-27', '2021-04-29') });
  const c = event({ id: 'c', title: 'Charlie', kind: 'aid', date: day('2021-02-07') });
  const d = event({ id: 'd', title: 'Alpha', kind: 'visit', date: day('2021-04-27') });
  const ids = (events: readonly AtlasEvent[]) => events.map((e) => e.id);

  it('sorts by date: start, then end, then title', () => {
    expect(ids(sortEvents([a, b, c, d], 'date', 'asc'))).toEqual(['c', 'd', 'a', 'b']);
    expect(ids(sortEvents([a, b, c, d], 'date', 'desc'))).toEqual(['b', 'a', 'd', 'c']);
  });

  it('sorts by title without regard to case, then by date', () => {
    expect(ids(sortEvents([a, b, c, d], 'title', 'asc'))).toEqual(['d', 'b', 'a', 'c']);
  });

  it('sorts by the kind label the filters show, then by date', () => {
    // "Exercise" < "Vaccine aid" < "Visit": the table sorts by the words it shows.
    expect(ids(sortEvents([a, b, c, d], 'kind', 'asc'))).toEqual(['b', 'c', 'd', 'a']);
    expect(ids(sortEvents([a, b, c, d], 'kind', 'desc'))).toEqual(['a', 'd', 'c', 'b']);
  });

  it('is stable in both directions and does not change its input', () => {
    const twin1 = event({ id: 'twin-1', title: 'Same' });
    const twin2 = event({ id: 'twin-2', title: 'Same' });
    const input = [twin2, twin1];
    expect(ids(sortEvents(input, 'date', 'asc'))).toEqual(['twin-2', 'twin-1']);
    expect(ids(sortEvents(input, 'date', 'desc'))).toEqual(['twin-2', 'twin-1']);
    expect(ids(input)).toEqual(['twin-2', 'twin-1']);
  });

  it('gives positions in the same order as sortEvents over many events sharing days, titles and kinds', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const titles = ['Alpha', 'alpha', 'Bravo 10', 'Bravo 9', 'Échange', 'echange', 'Zulu'];
    const kinds = ['visit', 'exercise', 'aid', 'call'] as const;
    const input = Array.from({ length: 3_000 }, (_, i) => {
      const first = 1 + Math.floor(random() * 20);
      const last = first + (random() < 0.3 ? Math.floor(random() * 5) : 0);
      const iso = (n: number) => `2021-03-${String(n).padStart(2, '0')}`;
      return event({
        id: `e${i}`,
        title: titles[Math.floor(random() * titles.length)] as string,
        kind: kinds[Math.floor(random() * kinds.length)] as (typeof kinds)[number],
        date: day(iso(first), iso(last)),
      });
    });
    for (const key of ['date', 'title', 'kind'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const byPosition = Array.from(sortedPositions(input, key, direction), (i) => input[i] as AtlasEvent);
        expect(ids(byPosition), `${key} ${direction}`).toEqual(ids(sortEvents(input, key, direction)));
      }
    }
  });

  it('gives positions in the same order, for every key and direction, with ties kept in input order', () => {
    const twins = [2, 1, 3].map((n) => event({ id: `twin-${n}`, title: 'Same', date: day('2021-04-27') }));
    const input = [a, twins[0], b, c, twins[1], d, twins[2]] as AtlasEvent[];
    for (const key of ['date', 'title', 'kind'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const byPosition = Array.from(sortedPositions(input, key, direction), (i) => input[i] as AtlasEvent);
        expect(ids(byPosition), `${key} ${direction}`).toEqual(ids(sortEvents(input, key, direction)));
      }
    }
    expect(ids(Array.from(sortedPositions(input, 'date', 'desc'), (i) => input[i] as AtlasEvent))).toEqual([
      'b',
      'twin-2',
      'twin-1',
      'twin-3',
      'a',
      'd',
      'c',
    ]);
  });
});
