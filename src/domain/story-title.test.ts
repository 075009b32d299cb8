import { describe, expect, it } from 'vitest';
import { windowWords } from './filter-labels.ts';
import { describeView } from './story-title.ts';
import type { ViewContext } from './view-state.ts';

const context: ViewContext = {
  defaults: { from: '2021-01-01', to: '2021-12-31' },
  themes: [1, 2],
  countries: new Set(['RUS']),
  eventIds: new Set(['zapad-2021']),
};
const vocabulary = {
  themes: [
    { id: 1, title: 'Head-of-state diplomacy' },
    { id: 2, title: 'China–Russia military ties' },
  ],
  countryName: (iso3: string) => (iso3 === 'RUS' ? 'Russia' : undefined),
  eventTitle: (id: string) => (id === 'zapad-2021' ? 'Zapad/Interaction-2021' : undefined),
};
const say = (params: Record<string, string>) => describeView(params, context, vocabulary);

describe('default step titles', () => {
  it('say the view in words', () => {
    expect(say({ kind: 'exercise', from: '2021-08-01', to: '2021-09-30' })).toBe('Exercises, Aug–Sep 2021');
    expect(say({ country: 'RUS' })).toBe('Russia');
    expect(say({ event: 'zapad-2021', country: 'RUS' })).toBe('Zapad/Interaction-2021');
    expect(say({ theme: '2', format: 'online' })).toBe('China–Russia military ties, Online');
    expect(say({ q: 'navy', from: '2021-10-14' })).toBe('“navy”, 14 Oct – 31 Dec 2021');
    expect(say({})).toBe('All events');
    expect(say({ map: '3/40/100' })).toBe('All events');
  });

  it('name whole months and years without days', () => {
    expect(windowWords('2021-05-01', '2021-05-31')).toBe('May 2021');
    expect(windowWords('2021-01-01', '2021-12-31')).toBe('2021');
    expect(windowWords('2020-11-01', '2021-02-28')).toBe('Nov 2020 – Feb 2021');
    expect(windowWords('2021-05-02', '2021-05-31')).toBe('2 May – 31 May 2021');
  });
});
