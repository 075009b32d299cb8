import { describe, expect, it } from 'vitest';
import { findDates } from './find-dates.ts';
import { normaliseSource } from './source-text.ts';

function dates(original: string, year = 2021) {
  const { text } = normaliseSource(original);
  return findDates(text, { start: 0, end: text.length }, year).map((found) => {
    const words = text.slice(found.span.start, found.span.end);
    return found.type === 'date'
      ? { words, ...found.date, ...(found.note ? { note: found.note } : {}) }
      : { words, unresolved: 'reason' in found ? found.reason : undefined };
  });
}

describe('findDates', () => {
  it.each([
    [
      'The Games were held from August 23 to September 4.',
      'from August 23 to September 4',
      '2021-08-23',
      '2021-09-04',
    ],
    ['It ran from 30 April to 2 May.', 'from 30 April to 2 May', '2021-04-30', '2021-05-02'],
    ['Talks took place between May 30 and June 2.', 'between May 30 and June 2', '2021-05-30', '2021-06-02'],
    [
      'The drill ran from December 28 to January 3.',
      'from December 28 to January 3',
      '2021-12-28',
      '2022-01-03',
    ],
    ['It ran from February 27 to March 1.', 'from February 27 to March 1', '2021-02-27', '2021-03-01'],
    ['Teams met on 6–12 December.', '6-12 December', '2021-12-06', '2021-12-12'],
    ['Teams met on May 3-5, 2020.', 'May 3-5, 2020', '2020-05-03', '2020-05-05'],
  ])('reads a day range across a month or year boundary: %s', (text, words, start, end) => {
    expect(dates(text)).toEqual([{ words, start, end, precision: 'day' }]);
  });

  it('reads a single day, written either way round, with or without its year', () => {
    expect(dates('It kicked off in Beijing on November 4.')).toEqual([
      { words: 'on November 4', start: '2021-11-04', precision: 'day' },
    ]);
    expect(dates('Ships arrived on 2 May 2020 and left on June 2nd.')).toEqual([
      { words: 'on 2 May 2020', start: '2020-05-02', precision: 'day' },
      { words: 'on June 2nd', start: '2021-06-02', precision: 'day' },
    ]);
  });

  it('reads months and years with the precision the text gives', () => {
    expect(dates('In early June the first batch left.')).toEqual([
      {
        words: 'In early June',
        start: '2021-06',
        precision: 'month',
        note: '"In early June" is part of the month',
      },
    ]);
    expect(dates('The patrols ran from May to July.')).toEqual([
      { words: 'from May to July', start: '2021-05', end: '2021-07', precision: 'month' },
    ]);
    expect(dates('Since the beginning of this year, the PLA has donated vaccines.')).toEqual([
      {
        words: 'Since the beginning of this year',
        start: '2021',
        precision: 'year',
        note: '"Since the beginning of this year" gives only the start',
      },
    ]);
    expect(dates('Unlike last year, the forum met online.')).toEqual([
      { words: 'last year', start: '2020', precision: 'year' },
    ]);
  });

  it('reports dates it cannot resolve instead of inventing them', () => {
    expect(dates('It opened on February 29 and closed last week.')).toEqual([
      { words: 'on February 29', unresolved: '"on February 29" is not a real date (2021-02-29)' },
      { words: 'last week', unresolved: '"last week" is relative to a date the text does not give' },
    ]);
    expect(dates('It opened on February 29.', 2024)).toEqual([
      { words: 'on February 29', start: '2024-02-29', precision: 'day' },
    ]);
  });

  it('does not read a count or a named exercise as a date', () => {
    expect(
      dates('It opened on May 4 and 19 countries joined Peace Mission-2021 and COVID-19 talks.'),
    ).toEqual([{ words: 'on May 4', start: '2021-05-04', precision: 'day' }]);
  });
});
