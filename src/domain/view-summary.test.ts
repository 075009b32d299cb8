import { describe, expect, it } from 'vitest';
import { defaultViewState, type ViewState } from './view-state.ts';
import { extentYears, viewSummary } from './view-summary.ts';

const defaults = { from: '2021-01-01', to: '2021-12-31' };
// The app's own defaults, so a new view parameter reaches these tests without a copy to update.
const state = (patch: Partial<ViewState> = {}): ViewState => ({
  ...defaultViewState({ defaults }),
  ...patch,
});
const themes = [{ id: 2, title: 'China–Russia military ties' }];

describe('viewSummary', () => {
  it('says the count, the filters as their chips read, and the window', () => {
    const summary = viewSummary(
      state({ kind: ['exercise'], theme: [2], q: 'navy', from: '2021-08-01', to: '2021-09-30' }),
      themes,
      defaults,
      3,
      36,
    );
    expect(summary.text).toBe(
      '3 of 36 events · Search: "navy" · 2. China–Russia military ties · Exercise · 1 Aug – 30 Sep 2021',
    );
  });

  it('names the whole extent when the window is not narrowed', () => {
    expect(viewSummary(state(), themes, defaults, 36, 36).text).toBe('36 of 36 events · 1 Jan – 31 Dec 2021');
  });

  it('says the years of the extent', () => {
    expect(extentYears(defaults)).toBe('2021');
    expect(extentYears({ from: '2021-01-01', to: '2022-12-31' })).toBe('2021–2022');
  });
});
