import { describe, expect, it } from 'vitest';
import { formatEventDate } from '../domain/dates.ts';
import { formatCompactDate, unnamedPartnersText } from '../domain/event-description.ts';
import { countSentence, windowLabel, windowWords } from '../domain/filter-labels.ts';
import type { Messages } from './catalogues.ts';
import { createWords } from './words.ts';
import zh from './zh.json';

// The one date module and the wording modules, in Chinese: pieces from Intl, joined by one rule.

const words = createWords('zh', zh as Messages);
const day = (start: string, end = start) => ({ start, end, precision: 'day' as const });

describe('dates in Chinese', () => {
  it('say a day, a range within a month, across months and across years', () => {
    expect(formatEventDate(day('2021-10-14'), words)).toBe('2021年10月14日');
    expect(formatEventDate(day('2021-10-14', '2021-10-17'), words)).toBe('2021年10月14日–17日');
    expect(formatEventDate(day('2021-04-27', '2021-05-02'), words)).toBe('2021年4月27日–5月2日');
    expect(formatEventDate(day('2021-12-30', '2022-01-02'), words)).toBe('2021年12月30日–2022年1月2日');
  });

  it('never show a day the sources do not give', () => {
    expect(formatEventDate({ start: '2021-10-01', end: '2021-10-31', precision: 'month' }, words)).toBe(
      '2021年10月',
    );
    expect(formatEventDate({ start: '2021-08-01', end: '2021-09-30', precision: 'month' }, words)).toBe(
      '2021年8月–9月',
    );
    expect(formatEventDate({ start: '2021-01-01', end: '2021-12-31', precision: 'year' }, words)).toBe(
      '2021年（日期未报道）',
    );
  });

  it('leave the year out of the table within one year, as English does', () => {
    expect(formatCompactDate(day('2021-10-14', '2021-10-17'), words)).toBe('10月14日–17日');
    expect(formatCompactDate({ start: '2021-05-01', end: '2021-05-31', precision: 'month' }, words)).toBe(
      '5月',
    );
  });

  it('say windows as the timeline and titles do', () => {
    expect(windowLabel('2021-01-01', '2021-12-31', words)).toBe('2021年1月1日–12月31日');
    expect(windowWords('2021-08-01', '2021-09-30', words)).toBe('2021年8月–9月');
    expect(windowWords('2021-01-01', '2021-12-31', words)).toBe('2021年');
  });
});

describe('counts in Chinese and English', () => {
  it('keep the English live region exactly, grouping no digits', () => {
    expect(countSentence(12, 34)).toBe('12 of 34 events');
    expect(countSentence(50000, 50000)).toBe('50000 of 50000 events');
    expect(countSentence(12, 34, words)).toBe('共 34 项中的 12 项');
  });

  it('count unnamed partners the way the source words them', () => {
    const unnamed = { count: 18, approximate: false, region: 'Africa', source: 'article' };
    expect(unnamedPartnersText(unnamed, true, words)).toBe('另有 18 个非洲国家（未具名）');
    expect(
      unnamedPartnersText({ ...unnamed, count: 70, qualifier: 'nearly', region: undefined }, false, words),
    ).toBe('近 70 个国家（未具名）');
  });
});
