import { describe, expect, it } from 'vitest';
import { findCounts } from './find-counts.ts';
import { normaliseSource } from './source-text.ts';

function counts(original: string) {
  const { text } = normaliseSource(original);
  return findCounts(text, { start: 0, end: text.length }).map(({ span, type: _type, ...count }) => ({
    words: text.slice(span.start, span.end),
    ...count,
  }));
}

describe('findCounts', () => {
  it.each([
    ['attachés from nearly 70 countries', 'nearly 70 countries', 70, true, 'nearly'],
    ['armed forces of over 30 countries', 'over 30 countries', 30, true, 'over'],
    ['more than 30 countries', 'more than 30 countries', 30, true, 'over'],
    ['about 155 countries took part', 'about 155 countries', 155, true, 'about'],
    ['at least five nations', 'at least five nations', 5, true, 'at least'],
    ['students from 14 countries', '14 countries', 14, false, undefined],
    ['17 competitions in four countries', 'four countries', 4, false, undefined],
    ['twenty-three militaries', 'twenty-three militaries', 23, false, undefined],
  ])('reads "%s"', (text, words, count, approximate, qualifier) => {
    expect(counts(text)).toEqual([
      { words, count, approximate, qualifier, region: undefined, wording: undefined },
    ]);
  });

  it('keeps a region and an approximation the schema has no qualifier for', () => {
    expect(counts('the militaries of 19 African countries and up to 12 Latin American nations')).toEqual([
      {
        words: '19 African countries',
        count: 19,
        approximate: false,
        qualifier: undefined,
        region: 'Africa',
        wording: undefined,
      },
      {
        words: 'up to 12 Latin American nations',
        count: 12,
        approximate: true,
        qualifier: undefined,
        region: 'Latin America',
        wording: 'up to',
      },
    ]);
  });

  it('does not count "the two countries" or "both countries", which refer to partners named before', () => {
    expect(counts('The two countries and both nations, and all three militaries, agreed.')).toEqual([]);
  });
});
