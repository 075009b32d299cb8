import { describe, expect, it } from 'vitest';
import { addMonths, dayNumber } from './dates.ts';
import { indexEvents } from './event-filter.ts';
import type { AtlasEvent, DatePrecision } from './event-schema.ts';
import type { Bin, TimeWindow } from './time-window.ts';
import {
  extentMonths,
  formatDay,
  handleBoundary,
  handleRange,
  histogram,
  impreciseLane,
  isFullExtent,
  isHandleKey,
  moveHandle,
  placeHandle,
  playStart,
  shiftWindow,
  sweepProgress,
  sweepWindow,
} from './time-window.ts';

const extent: TimeWindow = { from: '2021-01-01', to: '2021-12-31' };
const d = dayNumber;

function event(id: string, start: string, end = start, precision: DatePrecision = 'day'): AtlasEvent {
  return {
    id,
    theme: 1,
    title: id,
    summary: 'A summary.',
    kind: 'exercise',
    format: 'in-person',
    date: { start, end, precision, source: 's' },
    location: { name: 'Moscow', kind: 'venue', lon: 37.6, lat: 55.7, source: 's' },
    partners: [{ iso3: 'RUS', name: 'Russia', basis: 'named', source: 's' }],
    sources: [{ id: 's', title: 'Source', url: 'https://example.org/' }],
  };
}

const countsOf = (bins: readonly Bin[]) => bins.map((b) => b.count);

describe('histogram', () => {
  it('cuts the extent into week bins from its first day, the last one short', () => {
    const bins = histogram([], extent);
    expect(bins).toHaveLength(53);
    expect(bins[0]).toEqual({ start: d('2021-01-01'), end: d('2021-01-07'), count: 0 });
    expect(bins[52]).toEqual({ start: d('2021-12-31'), end: d('2021-12-31'), count: 0 });
  });

  it('counts a day event in the bin holding its day, with the bins edges inclusive', () => {
    const items = indexEvents([
      event('first-day', '2021-01-01'),
      event('last-day-of-bin', '2021-01-07'),
      event('first-day-of-next-bin', '2021-01-08'),
    ]);
    expect(countsOf(histogram(items, extent)).slice(0, 3)).toEqual([2, 1, 0]);
  });

  it('counts a span once in every bin it overlaps, even by a single day', () => {
    const items = indexEvents([event('across-edge', '2021-01-07', '2021-01-08')]);
    expect(countsOf(histogram(items, extent)).slice(0, 3)).toEqual([1, 1, 0]);
    const long = indexEvents([event('three-weeks', '2021-01-05', '2021-01-20')]);
    expect(countsOf(histogram(long, extent)).slice(0, 4)).toEqual([1, 1, 1, 0]);
  });

  it('leaves out month- and year-only events and clips spans to the extent', () => {
    const items = indexEvents([
      event('month', '2021-03-01', '2021-03-31', 'month'),
      event('year', '2021-01-01', '2021-12-31', 'year'),
      event('from-last-year', '2020-12-20', '2021-01-02'),
      event('before', '2020-06-01'),
      event('after', '2022-01-01'),
    ]);
    const bins = histogram(items, extent);
    expect(countsOf(bins).reduce((a, b) => a + b, 0)).toBe(1);
    expect(bins[0]?.count).toBe(1);
  });

  it('takes other bin widths, and refuses one that is not a whole number of days', () => {
    const items = indexEvents([event('a', '2021-01-02'), event('b', '2021-01-03')]);
    expect(countsOf(histogram(items, { from: '2021-01-01', to: '2021-01-04' }, 2))).toEqual([1, 1]);
    expect(() => histogram(items, extent, 0)).toThrow(RangeError);
    expect(() => histogram(items, extent, 1.5)).toThrow(RangeError);
  });

  it('agrees with a per-bin count over 50,000 events', () => {
    // A deterministic mix of one-day and multi-day spans, some reaching past the extent.
    const events: AtlasEvent[] = [];
    for (let i = 0; i < 50_000; i++) {
      const start = d('2020-12-25') + ((i * 37) % 380);
      const length = i % 5 === 0 ? (i * 13) % 30 : 0;
      const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
      events.push(event(`e${i}`, iso(start), iso(start + length), i % 97 === 0 ? 'month' : 'day'));
    }
    const items = indexEvents(events);
    const bins = histogram(items, extent);
    const naive = bins.map(
      (bin) =>
        items.filter((it) => it.event.date.precision === 'day' && it.end >= bin.start && it.start <= bin.end)
          .length,
    );
    expect(countsOf(bins)).toEqual(naive);
    expect(countsOf(bins).reduce((a, b) => a + b, 0)).toBeGreaterThan(40_000);

    // Picked by index, the counts are those of the picked events alone.
    const among = Int32Array.from({ length: 5_000 }, (_, k) => k * 10 + (k % 7));
    const picked = indexEvents(Array.from(among, (i) => events[i] as AtlasEvent));
    expect(countsOf(histogram(items, extent, 7, among))).toEqual(countsOf(histogram(picked, extent)));
    expect(countsOf(histogram(items, extent, 7, among))).not.toEqual(countsOf(bins));
  });
});

describe('impreciseLane', () => {
  it('puts month-only events in their month and counts year-only events apart', () => {
    const items = indexEvents([
      event('jan', '2021-01-01', '2021-01-31', 'month'),
      event('feb', '2021-02-01', '2021-02-28', 'month'),
      event('feb-2', '2021-02-01', '2021-02-28', 'month'),
      event('dec', '2021-12-01', '2021-12-31', 'month'),
      event('year', '2021-01-01', '2021-12-31', 'year'),
      event('day', '2021-02-10'),
      event('other-year', '2020-01-01', '2020-12-31', 'year'),
      event('other-month', '2020-12-01', '2020-12-31', 'month'),
    ]);
    const lane = impreciseLane(items, extent);
    expect(lane.year).toBe(1);
    expect(lane.month).toHaveLength(12);
    expect(lane.month.map((m) => m.count)).toEqual([1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(lane.month[1]).toMatchObject({ start: d('2021-02-01'), end: d('2021-02-28') });
  });

  it('cuts the months to an extent that starts or ends mid-month', () => {
    const part = { from: '2021-01-15', to: '2021-03-10' };
    const months = extentMonths(part);
    expect(months.map((m) => m.label)).toEqual(['Jan', 'Feb', 'Mar']);
    expect(months[0]).toMatchObject({ start: d('2021-01-15'), end: d('2021-01-31'), name: 'January 2021' });
    expect(months[2]).toMatchObject({ start: d('2021-03-01'), end: d('2021-03-10') });
    const lane = impreciseLane(indexEvents([event('jan', '2021-01-01', '2021-01-31', 'month')]), part);
    expect(lane.month.map((m) => m.count)).toEqual([1, 0, 0]);
  });
});

describe('moveHandle', () => {
  const w = (from: string, to: string): TimeWindow => ({ from, to });

  it('moves a handle a day with the arrows, Right and Up later, Left and Down earlier', () => {
    expect(moveHandle(w('2021-03-10', '2021-04-10'), 'from', 'ArrowRight', extent).from).toBe('2021-03-11');
    expect(moveHandle(w('2021-03-10', '2021-04-10'), 'from', 'ArrowUp', extent).from).toBe('2021-03-11');
    expect(moveHandle(w('2021-03-10', '2021-04-10'), 'to', 'ArrowLeft', extent).to).toBe('2021-04-09');
    expect(moveHandle(w('2021-03-01', '2021-04-10'), 'from', 'ArrowDown', extent).from).toBe('2021-02-28');
  });

  it('moves a calendar month with the Page keys, keeping to the end of a shorter month', () => {
    expect(moveHandle(w('2021-01-31', '2021-06-30'), 'from', 'PageUp', extent).from).toBe('2021-02-28');
    expect(moveHandle(w('2021-01-01', '2021-03-31'), 'to', 'PageDown', extent).to).toBe('2021-02-28');
    expect(moveHandle(w('2021-01-15', '2021-06-30'), 'from', 'PageUp', extent).from).toBe('2021-02-15');
    expect(addMonths('2021-12-31', 2)).toBe('2022-02-28');
    expect(addMonths('2021-03-31', -1)).toBe('2021-02-28');
  });

  it('goes to the extent ends with Home and End', () => {
    expect(moveHandle(w('2021-03-10', '2021-04-10'), 'from', 'Home', extent).from).toBe('2021-01-01');
    expect(moveHandle(w('2021-03-10', '2021-04-10'), 'to', 'End', extent).to).toBe('2021-12-31');
  });

  it('stays inside the extent', () => {
    expect(moveHandle(w('2021-01-01', '2021-04-10'), 'from', 'ArrowLeft', extent).from).toBe('2021-01-01');
    expect(moveHandle(w('2021-01-10', '2021-04-10'), 'from', 'PageDown', extent).from).toBe('2021-01-01');
    expect(moveHandle(w('2021-03-10', '2021-12-20'), 'to', 'PageUp', extent).to).toBe('2021-12-31');
  });

  it('never lets the start pass the end, nor the end the start', () => {
    expect(moveHandle(w('2021-05-05', '2021-05-05'), 'from', 'ArrowRight', extent)).toEqual(
      w('2021-05-05', '2021-05-05'),
    );
    expect(moveHandle(w('2021-05-01', '2021-05-20'), 'from', 'End', extent).from).toBe('2021-05-20');
    expect(moveHandle(w('2021-05-01', '2021-05-20'), 'from', 'PageUp', extent).from).toBe('2021-05-20');
    expect(moveHandle(w('2021-05-01', '2021-05-20'), 'to', 'Home', extent).to).toBe('2021-05-01');
    expect(handleRange(w('2021-05-01', '2021-05-20'), 'to', extent)).toEqual({
      start: d('2021-05-01'),
      end: d('2021-12-31'),
    });
  });

  it('knows which keys it handles', () => {
    expect(isHandleKey('PageUp')).toBe(true);
    expect(isHandleKey('Enter')).toBe(false);
  });
});

describe('pointer placement', () => {
  it('draws the end handle after its day and reads a drop back to the same day', () => {
    const win = { from: '2021-03-01', to: '2021-03-31' };
    expect(handleBoundary(win, 'from')).toBe(d('2021-03-01'));
    expect(handleBoundary(win, 'to')).toBe(d('2021-04-01'));
    expect(placeHandle(win, 'to', d('2021-04-11') + 0.3, extent).to).toBe('2021-04-10');
    expect(placeHandle(win, 'from', d('2021-02-01') - 0.4, extent).from).toBe('2021-02-01');
    expect(placeHandle(win, 'from', d('2021-05-01'), extent).from).toBe('2021-03-31');
  });
});

describe('shiftWindow and play', () => {
  const march = { from: '2021-03-01', to: '2021-03-31' };

  it('moves the whole window, keeping its length, and stops at the extent ends', () => {
    expect(shiftWindow(march, 7, extent)).toEqual({ from: '2021-03-08', to: '2021-04-07' });
    expect(shiftWindow(march, -365, extent)).toEqual({ from: '2021-01-01', to: '2021-01-31' });
    expect(shiftWindow(march, 365, extent)).toEqual({ from: '2021-12-01', to: '2021-12-31' });
  });

  it('sweeps from the extent start at 0 to the extent end at 1', () => {
    expect(sweepWindow(march, 0, extent)).toEqual({ from: '2021-01-01', to: '2021-01-31' });
    expect(sweepWindow(march, 1, extent)).toEqual({ from: '2021-12-01', to: '2021-12-31' });
    expect(sweepWindow(march, 2, extent)).toEqual({ from: '2021-12-01', to: '2021-12-31' });
    expect(sweepProgress(sweepWindow(march, 0.5, extent), extent)).toBeCloseTo(0.5, 2);
    expect(sweepProgress(extent, extent)).toBe(1);
  });

  it('starts play from one month when the window is the whole year, from the start when at the end', () => {
    expect(isFullExtent(extent, extent)).toBe(true);
    expect(playStart(extent, extent)).toEqual({ from: '2021-01-01', to: '2021-01-31' });
    expect(playStart({ from: '2021-12-25', to: '2021-12-31' }, extent)).toEqual({
      from: '2021-01-01',
      to: '2021-01-07',
    });
    expect(playStart(march, extent)).toEqual(march);
  });
});

describe('formatDay', () => {
  it('writes the day out for screen readers', () => {
    expect(formatDay('2021-10-14')).toBe('14 October 2021');
  });
});
