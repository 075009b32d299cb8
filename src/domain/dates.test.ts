import { describe, expect, it } from 'vitest';
import {
  dayNumber,
  formatEventDate,
  isoFromDayNumber,
  isRealIsoDate,
  lastDayOfMonth,
  SHORT_MONTH_NAMES,
  yearsLabel,
} from './dates.ts';

describe('formatEventDate', () => {
  it('writes a single day', () => {
    expect(formatEventDate({ start: '2021-06-24', end: '2021-06-24', precision: 'day' })).toBe(
      '24 June 2021',
    );
  });

  it('writes a range within one month once with the month', () => {
    expect(formatEventDate({ start: '2021-10-14', end: '2021-10-17', precision: 'day' })).toBe(
      '14–17 October 2021',
    );
  });

  it('writes both months of a range across months', () => {
    expect(formatEventDate({ start: '2021-08-23', end: '2021-09-04', precision: 'day' })).toBe(
      '23 August – 4 September 2021',
    );
  });

  it('writes both years of a range across years', () => {
    expect(formatEventDate({ start: '2021-12-30', end: '2022-01-02', precision: 'day' })).toBe(
      '30 December 2021 – 2 January 2022',
    );
  });

  it('never shows a day for a month-precision date', () => {
    expect(formatEventDate({ start: '2021-05-01', end: '2021-05-31', precision: 'month' })).toBe('May 2021');
    expect(formatEventDate({ start: '2021-05-01', end: '2021-06-30', precision: 'month' })).toBe(
      'May–June 2021',
    );
    expect(formatEventDate({ start: '2021-12-01', end: '2022-01-31', precision: 'month' })).toBe(
      'December 2021 – January 2022',
    );
  });

  it('says when only the year is known', () => {
    expect(formatEventDate({ start: '2021-01-01', end: '2021-12-31', precision: 'year' })).toBe(
      '2021, date not reported',
    );
    expect(formatEventDate({ start: '2020-01-01', end: '2021-12-31', precision: 'year' })).toBe(
      '2020–2021, dates not reported',
    );
  });
});

describe('day numbers', () => {
  it('counts whole days since 1970-01-01', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2021-01-01')).toBe(18628);
  });

  it('round-trips every calendar day from 2019 to 2022, leap day included, one apart', () => {
    const lengths = (year: number) => [31, year % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let previous = dayNumber('2018-12-31');
    for (const year of [2019, 2020, 2021, 2022]) {
      lengths(year).forEach((days, month) => {
        for (let day = 1; day <= days; day++) {
          const iso = `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const n = dayNumber(iso);
          expect(n - previous).toBe(1);
          expect(isoFromDayNumber(n)).toBe(iso);
          previous = n;
        }
      });
    }
  });
});

describe('calendar rules', () => {
  it('knows the last day of each month, leap years included', () => {
    expect(lastDayOfMonth(2021, 2)).toBe(28);
    expect(lastDayOfMonth(2024, 2)).toBe(29);
    expect(lastDayOfMonth(1900, 2)).toBe(28);
    expect(lastDayOfMonth(2021, 4)).toBe(30);
    expect(lastDayOfMonth(2021, 12)).toBe(31);
  });

  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isRealIsoDate('2024-02-29')).toBe(true);
    expect(isRealIsoDate('2021-02-29')).toBe(false);
    expect(isRealIsoDate('2021-04-31')).toBe(false);
    expect(isRealIsoDate('2021-4-1')).toBe(false);
    expect(isRealIsoDate('2021-13-01')).toBe(false);
  });

  it('abbreviates September as Sep, whatever the ICU version', () => {
    expect(SHORT_MONTH_NAMES[8]).toBe('Sep');
    expect(SHORT_MONTH_NAMES).toHaveLength(12);
  });

  it('names the years a span covers', () => {
    expect(yearsLabel({ from: '2021-01-01', to: '2021-12-31' })).toBe('2021');
    expect(yearsLabel({ from: '2021-01-01', to: '2022-12-31' })).toBe('2021–2022');
  });
});
