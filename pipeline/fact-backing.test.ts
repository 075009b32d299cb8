import { describe, expect, it } from 'vitest';
import type { AtlasEvent, Dataset } from '../src/domain/event-schema.ts';
import { factBacking, formatFactBacking } from './fact-backing.ts';

const event = (overrides: Partial<AtlasEvent>): AtlasEvent => ({
  id: 'e',
  theme: 1,
  title: 'E',
  summary: 'S.',
  kind: 'meeting',
  format: 'online',
  date: { start: '2021-06-15', end: '2021-06-15', precision: 'day', source: 'cmo' },
  location: { name: 'Beijing', kind: 'host', lon: 116.4, lat: 39.9, source: 'cmo' },
  partners: [{ iso3: 'RUS', name: 'Russia', basis: 'named', source: 'article' }],
  sources: [
    { id: 'article', title: 'The article', url: 'https://example.org/a' },
    { id: 'cmo', title: 'CMO', url: 'https://example.org/c' },
  ],
  ...overrides,
});

const dataset = (events: AtlasEvent[]): Dataset => ({
  version: 1,
  source: { title: 'The article', url: 'https://example.org/a', published: '2021-12-23' },
  themes: [{ id: 1, title: 'One' }],
  events,
});

describe('factBacking', () => {
  it('counts partners by basis and cited values by source', () => {
    const backing = factBacking(
      dataset([
        event({}),
        event({
          id: 'f',
          date: {
            start: '2021-01-01',
            end: '2021-12-31',
            precision: 'year',
            source: 'article',
            alternatives: [
              { start: '2021-07-01', end: '2021-07-31', precision: 'month', source: 'cmo', note: 'n' },
            ],
          },
          location: undefined,
          partners: [{ iso3: 'KAZ', name: 'Kazakhstan', basis: 'reported', source: 'cmo' }],
        }),
      ]),
    );
    expect(backing.partnersByBasis).toEqual({ named: 1, member: 0, reported: 1 });
    // e: date cmo, place cmo, partner article; f: date article, alternative cmo, partner cmo.
    expect(backing.citations).toEqual({ article: 2, other: 4 });
    expect(backing.topSources).toEqual([{ title: 'CMO', count: 4 }]);
    expect(backing.datesByPrecision).toEqual({ day: 1, month: 0, year: 1 });
    expect(backing.alternatives).toBe(1);
    expect(backing.unplaced).toBe(1);
    expect(formatFactBacking(backing)[0]).toBe(
      'facts: 6 cited values, 2 from the article, 4 from other reports',
    );
  });
});
