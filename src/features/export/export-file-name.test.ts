import { describe, expect, it } from 'vitest';
import { defaultViewState, type ViewState } from '../../domain/view-state.ts';
import { exportFileName, slug } from './export-file-name.ts';

const defaults = { from: '2021-01-01', to: '2021-12-31' };
// The app's own defaults, so a new view parameter reaches these tests without a copy to update.
const state = (patch: Partial<ViewState> = {}): ViewState => ({
  ...defaultViewState({ defaults }),
  ...patch,
});

describe('exportFileName', () => {
  it('names the filters and the window in force', () => {
    expect(
      exportFileName(state({ kind: ['exercise'], from: '2021-08-01', to: '2021-09-30' }), defaults, 'csv'),
    ).toBe('cooperation-atlas-2021-exercise-2021-08-01-2021-09-30.csv');
  });

  it('takes the year from the dataset', () => {
    expect(
      exportFileName(
        state({ from: '2022-01-01', to: '2022-12-31' }),
        { from: '2022-01-01', to: '2022-12-31' },
        'png',
      ),
    ).toBe('cooperation-atlas-2022.png');
    expect(exportFileName(state({ to: '2022-12-31' }), { from: '2021-01-01', to: '2022-12-31' }, 'svg')).toBe(
      'cooperation-atlas-2021-2022.svg',
    );
  });

  it('lists facets in the panel order, whatever order they were picked in', () => {
    expect(
      exportFileName(
        state({
          theme: [3, 1],
          kind: ['visit', 'exercise'],
          format: ['online'],
          basis: ['member'],
          undated: false,
        }),
        defaults,
        'geojson',
      ),
    ).toBe(
      'cooperation-atlas-2021-highlight-1-highlight-3-exercise-visit-online-basis-member-exact-dates.geojson',
    );
  });

  it('turns a search into a safe, short slug', () => {
    expect(exportFileName(state({ q: '../Café "Peace"/<script>' }), defaults, 'json')).toBe(
      'cooperation-atlas-2021-search-cafe-peace-script.json',
    );
    expect(exportFileName(state({ q: 'x'.repeat(100) }), defaults, 'csv')).toBe(
      `cooperation-atlas-2021-search-${'x'.repeat(30)}.csv`,
    );
  });

  it('says "all events" for the whole dataset', () => {
    expect(exportFileName(state({ kind: ['patrol'] }), defaults, 'csv', { all: true })).toBe(
      'cooperation-atlas-2021-all-events.csv',
    );
  });

  it('slugs', () => {
    expect(slug('  Ünïcode — and RTL \u200F ')).toBe('unicode-and-rtl');
  });
});
