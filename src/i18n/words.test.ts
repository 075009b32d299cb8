import { createIntl } from 'react-intl';
import { describe, expect, it, vi } from 'vitest';
import { ENGLISH_MESSAGES } from './catalogues.ts';
import { wordsFromIntl } from './words.ts';

function countingWords() {
  const intl = createIntl({ locale: 'en', defaultLocale: 'en', messages: ENGLISH_MESSAGES });
  const formatMessage = vi.spyOn(intl, 'formatMessage');
  const formatNumber = vi.spyOn(intl, 'formatNumber');
  return { words: wordsFromIntl(intl, 'en'), formatMessage, formatNumber };
}

describe('wordsFromIntl', () => {
  it('formats a text once and gives the remembered text after', () => {
    const { words, formatMessage } = countingWords();
    expect(words.t('timeline.start')).toBe('Start of time window');
    expect(words.t('timeline.start')).toBe('Start of time window');
    expect(words.t('filters.showEvents', { count: 1 })).toBe('Show 1 event');
    expect(words.t('filters.showEvents', { count: 1 })).toBe('Show 1 event');
    expect(formatMessage).toHaveBeenCalledTimes(2);
  });

  it('formats again for other values, and tells a number from its digits', () => {
    const { words, formatMessage } = countingWords();
    expect(words.t('filters.showEvents', { count: 2 })).toBe('Show 2 events');
    expect(words.t('filters.showEvents', { count: 50000 })).toBe('Show 50,000 events');
    expect(words.t('list.toggle', { count: 50000 })).toBe('Event list (50000)');
    expect(words.t('list.toggle', { count: '50000' })).not.toBe(undefined);
    expect(formatMessage).toHaveBeenCalledTimes(4);
  });

  it('remembers numbers too', () => {
    const { words, formatNumber } = countingWords();
    expect(words.number(50000)).toBe('50,000');
    expect(words.number(50000)).toBe('50,000');
    expect(words.number(5)).toBe('5');
    expect(formatNumber).toHaveBeenCalledTimes(2);
  });
});
