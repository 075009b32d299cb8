import { describe, expect, it } from 'vitest';
import type { AtlasEvent } from './event-schema.ts';
import { alternativeDateText, citedSource, numberedSources, placeText, sourceName } from './fact-sources.ts';

const sources: AtlasEvent['sources'] = [
  { id: 'article', title: 'Highlights', url: 'https://example.org/a' },
  { id: 'tass', title: 'TASS', url: 'https://example.org/t' },
];

describe('fact sources', () => {
  it('numbers sources in the event’s order and finds the one a value cites', () => {
    const numbered = numberedSources({ sources });
    expect(numbered.map((s) => [s.id, s.number])).toEqual([
      ['article', 1],
      ['tass', 2],
    ]);
    expect(citedSource(numbered, 'tass')?.number).toBe(2);
    expect(citedSource(numbered, 'nowhere')).toBeUndefined();
  });

  it('names the article as such for a screen reader', () => {
    expect(sourceName({ id: 'article', title: 'Highlights' })).toBe('the article, Highlights');
    expect(sourceName({ id: 'tass', title: 'TASS' })).toBe('TASS');
  });

  it('says what kind of place an event has, or why it has none', () => {
    const partners: AtlasEvent['partners'] = [
      { iso3: 'PAK', name: 'Pakistan', basis: 'named', source: 'article' },
    ];
    expect(
      placeText({ location: { name: 'Seoul', kind: 'venue', lon: 0, lat: 0, source: 'tass' }, partners }),
    ).toBe('Seoul');
    expect(
      placeText({ location: { name: 'Beijing', kind: 'host', lon: 0, lat: 0, source: 'tass' }, partners }),
    ).toBe("Beijing (held online; the host's city)");
    expect(placeText({ partners })).toBe('No single place: shown at each partner country');
    expect(placeText({ partners: [] })).toBe('No place given: not drawn on the map');
  });

  it('reads out an alternative date with whose it is', () => {
    expect(
      alternativeDateText({
        start: '2021-09-20',
        end: '2021-09-24',
        precision: 'day',
        source: 'tass',
        note: "Russia's defence ministry, the host",
      }),
    ).toBe("20–24 September 2021, per Russia's defence ministry, the host");
  });
});
