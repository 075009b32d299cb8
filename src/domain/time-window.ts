import type { Words } from '../i18n/words.ts';
import { ENGLISH_WORDS } from '../i18n/words.ts';
import {
  addMonths,
  datePiece,
  dayNumber,
  formatEventDate,
  isoFromDayNumber,
  MONTH_NAMES,
  shortMonthName,
} from './dates.ts';
import type { IndexedEvent } from './event-filter.ts';
import { daySpans } from './event-filter.ts';

/** What the histogram and the imprecise lane read of an indexed event. */
export type DatedItem = Pick<IndexedEvent, 'event' | 'start' | 'end'>;

// The timeline's controller: binning, the imprecise lane, and every way the window can move
// (keys, drag, play). Pure, so the Timeline component stays glue and this is tested without a
// browser. Windows and extents are inclusive ISO dates; the arithmetic runs on day numbers.

/** Inclusive ISO dates (YYYY-MM-DD). An extent has the same shape: the dataset's first and last day. */
export interface TimeWindow {
  from: string;
  to: string;
}

/** A run of days: `start` and `end` are day numbers, both inclusive (like `IndexedEvent`). */
export interface DaySpan {
  start: number;
  end: number;
}

export interface Bin extends DaySpan {
  count: number;
}

export interface MonthSpan extends DaySpan {
  /** "Jan" */
  label: string;
  /** "January 2021" */
  name: string;
}

export interface ImpreciseLane {
  /** Month-precision events by their month: one entry per calendar month of the extent. */
  month: Bin[];
  /** Year-precision events that overlap the extent. */
  year: number;
}

export type Handle = 'from' | 'to';

export const HANDLE_KEYS = [
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'PageUp',
  'PageDown',
  'Home',
  'End',
] as const;
export type HandleKey = (typeof HANDLE_KEYS)[number];

export function isHandleKey(key: string): key is HandleKey {
  return (HANDLE_KEYS as readonly string[]).includes(key);
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

/** The window as day numbers, both inclusive. */
export function windowDays(window: TimeWindow): DaySpan {
  return { start: dayNumber(window.from), end: dayNumber(window.to) };
}

export function windowFromDays(span: DaySpan): TimeWindow {
  return { from: isoFromDayNumber(span.start), to: isoFromDayNumber(span.end) };
}

export function sameWindow(a: TimeWindow, b: TimeWindow): boolean {
  return a.from === b.from && a.to === b.to;
}

export function isFullExtent(window: TimeWindow, extent: TimeWindow): boolean {
  return sameWindow(clampWindow(window, extent), extent);
}

/** Whether a span (a bin, an event) shares at least one day with the window. */
export function overlapsWindow(span: DaySpan, window: TimeWindow): boolean {
  const w = windowDays(window);
  return span.end >= w.start && span.start <= w.end;
}

/** Inside the extent, `from` never after `to`; a window wholly outside collapses onto the nearest end. */
export function clampWindow(window: TimeWindow, extent: TimeWindow): TimeWindow {
  const e = windowDays(extent);
  const start = clamp(dayNumber(window.from), e.start, e.end);
  const end = clamp(dayNumber(window.to), start, e.end);
  return windowFromDays({ start, end });
}

/**
 * One handle moved by a key, as a WAI-ARIA slider does: arrows a day (Right/Up later), Page keys a
 * calendar month (PageUp later), Home/End to the extent's ends. Each handle stops at the other, so
 * `from` is never after `to`: the start handle's range is extent.from..to, the end's from..extent.to.
 */
export function moveHandle(
  window: TimeWindow,
  which: Handle,
  key: HandleKey,
  extent: TimeWindow,
): TimeWindow {
  const current = clampWindow(window, extent);
  const iso = current[which];
  let next: string;
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      next = isoFromDayNumber(dayNumber(iso) - 1);
      break;
    case 'ArrowRight':
    case 'ArrowUp':
      next = isoFromDayNumber(dayNumber(iso) + 1);
      break;
    case 'PageUp':
      next = addMonths(iso, 1);
      break;
    case 'PageDown':
      next = addMonths(iso, -1);
      break;
    case 'Home':
      next = extent.from;
      break;
    case 'End':
      next = extent.to;
      break;
  }
  return setHandle(current, which, dayNumber(next), extent);
}

/** A handle's allowed range in day numbers (for `aria-valuemin`/`aria-valuemax`). */
export function handleRange(window: TimeWindow, which: Handle, extent: TimeWindow): DaySpan {
  const w = windowDays(clampWindow(window, extent));
  const e = windowDays(extent);
  return which === 'from' ? { start: e.start, end: w.end } : { start: w.start, end: e.end };
}

/** Puts one handle on a day, clamped to its range. */
export function setHandle(window: TimeWindow, which: Handle, day: number, extent: TimeWindow): TimeWindow {
  const current = clampWindow(window, extent);
  const range = handleRange(current, which, extent);
  return { ...current, [which]: isoFromDayNumber(clamp(Math.round(day), range.start, range.end)) };
}

/**
 * Where a handle is drawn, as a day boundary: the start handle sits at the start of its day, the
 * end handle at the end of its (inclusive) day, so a one-day window still has width.
 */
export function handleBoundary(window: TimeWindow, which: Handle): number {
  const w = windowDays(window);
  return which === 'from' ? w.start : w.end + 1;
}

/** The inverse of `handleBoundary`, for pointer drags: a handle dropped at a day boundary. */
export function placeHandle(
  window: TimeWindow,
  which: Handle,
  boundary: number,
  extent: TimeWindow,
): TimeWindow {
  const day = Math.round(boundary);
  return setHandle(window, which, which === 'from' ? day : day - 1, extent);
}

/** The whole window moved by whole days, keeping its length, stopped at the extent's ends. */
export function shiftWindow(window: TimeWindow, days: number, extent: TimeWindow): TimeWindow {
  const w = windowDays(clampWindow(window, extent));
  const e = windowDays(extent);
  const length = w.end - w.start;
  const start = clamp(w.start + Math.round(days), e.start, e.end - length);
  return windowFromDays({ start, end: start + length });
}

/**
 * For play: a window of the same length at `progress` of its sweep, 0 with its start on the
 * extent's start, 1 with its end on the extent's end.
 */
export function sweepWindow(window: TimeWindow, progress: number, extent: TimeWindow): TimeWindow {
  const w = windowDays(clampWindow(window, extent));
  const e = windowDays(extent);
  const length = w.end - w.start;
  const start = e.start + Math.round(clamp(progress, 0, 1) * (e.end - length - e.start));
  return windowFromDays({ start, end: start + length });
}

/** The inverse of `sweepWindow`: how far along its sweep a window is (1 when it cannot move). */
export function sweepProgress(window: TimeWindow, extent: TimeWindow): number {
  const w = windowDays(clampWindow(window, extent));
  const e = windowDays(extent);
  const travel = e.end - (w.end - w.start) - e.start;
  return travel <= 0 ? 1 : (w.start - e.start) / travel;
}

export function atExtentEnd(window: TimeWindow, extent: TimeWindow): boolean {
  return clampWindow(window, extent).to === extent.to;
}

/**
 * The window play starts from: the whole extent would have nowhere to go, so it narrows to the
 * first month; a window already at the end starts over from the beginning; any other window
 * plays on from where it is.
 */
export function playStart(window: TimeWindow, extent: TimeWindow): TimeWindow {
  if (isFullExtent(window, extent)) {
    const monthEnd = dayNumber(addMonths(extent.from, 1)) - 1;
    return windowFromDays({ start: dayNumber(extent.from), end: Math.min(monthEnd, dayNumber(extent.to)) });
  }
  if (atExtentEnd(window, extent)) return sweepWindow(window, 0, extent);
  return clampWindow(window, extent);
}

/** The calendar months the extent touches, each cut to the extent. */
export function extentMonths(extent: TimeWindow, words: Words = ENGLISH_WORDS): MonthSpan[] {
  const e = windowDays(extent);
  const months: MonthSpan[] = [];
  let first = `${extent.from.slice(0, 8)}01`;
  while (dayNumber(first) <= e.end) {
    const next = addMonths(first, 1);
    const [year, month] = first.split('-').map(Number) as [number, number];
    const name = MONTH_NAMES[month - 1] as string;
    const english = words.language === 'en';
    months.push({
      start: Math.max(dayNumber(first), e.start),
      end: Math.min(dayNumber(next) - 1, e.end),
      label: english ? name.slice(0, 3) : shortMonthName(month, words),
      name: english ? `${name} ${year}` : datePiece(first, 'ym', words.locale),
    });
    first = next;
  }
  return months;
}

/**
 * Events' days as columns, item i in row i: its first and last day numbers, and 1 in `imprecise`
 * when only its month or year is known.
 */
export interface DaySpans {
  start: ArrayLike<number>;
  end: ArrayLike<number>;
  imprecise: ArrayLike<number>;
}

/**
 * Day-precision events per bin of `binDays` days from the extent's start (the last bin may be
 * shorter). An event counts once in every bin its span overlaps. One pass over the events marks
 * where each span enters and leaves the bins (a difference array), one pass over the bins sums:
 * O(events + bins), never a scan of the events per bin. `among` picks items by their index in
 * `items` (filterIndexes); without it every item counts.
 */
export function histogram(
  items: readonly IndexedEvent[],
  extent: TimeWindow,
  binDays = 7,
  among?: ArrayLike<number>,
): Bin[] {
  if (!Number.isInteger(binDays) || binDays < 1) throw new RangeError(`binDays must be a whole number ≥ 1`);
  const e = windowDays(extent);
  const size = Math.max(0, Math.ceil((e.end - e.start + 1) / binDays));
  const delta = new Int32Array(size + 1);
  const { start: starts, end: ends, imprecise } = daySpans(items);
  const n = among ? among.length : items.length;
  for (let k = 0; k < n; k++) {
    const i = among ? (among[k] as number) : k;
    const first = starts[i] as number;
    const last = ends[i] as number;
    if (imprecise[i] === 1 || last < e.start || first > e.end) continue;
    delta[Math.floor((Math.max(first, e.start) - e.start) / binDays)] += 1;
    delta[Math.floor((Math.min(last, e.end) - e.start) / binDays) + 1] -= 1;
  }
  const bins: Bin[] = [];
  let count = 0;
  for (let i = 0; i < size; i++) {
    count += delta[i] as number;
    const start = e.start + i * binDays;
    bins.push({ start, end: Math.min(start + binDays - 1, e.end), count });
  }
  return bins;
}

const monthKey = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;

/**
 * The events kept apart from the histogram because no day is known: month-precision ones counted
 * in each month of the extent their span covers (normally exactly one), and the year-precision
 * ones as a single count.
 */
export function impreciseLane(items: readonly DatedItem[], extent: TimeWindow): ImpreciseLane {
  const e = windowDays(extent);
  const months = extentMonths(extent);
  const firstKey = monthKey(extent.from);
  const delta = new Int32Array(months.length + 1);
  let year = 0;
  for (const item of items) {
    const { precision } = item.event.date;
    if (precision === 'day' || item.end < e.start || item.start > e.end) continue;
    if (precision === 'year') {
      year += 1;
      continue;
    }
    const first = Math.max(monthKey(item.event.date.start) - firstKey, 0);
    const last = Math.min(monthKey(item.event.date.end) - firstKey, months.length - 1);
    delta[first] += 1;
    delta[last + 1] -= 1;
  }
  let count = 0;
  const month = months.map(({ start, end }, i) => {
    count += delta[i];
    return { start, end, count };
  });
  return { month, year };
}

/**
 * Whether the timeline draws its row of month marks: some event is dated only to a month (the
 * extent holds every event, so each one has a mark). Read before the timeline exists too, to give
 * the loading layout the timeline's height (see fitLoadingShellTo).
 */
export function hasMonthMarks(events: readonly { date: { precision: string } }[]): boolean {
  return events.some((event) => event.date.precision === 'month');
}

/** "14 October 2021", for `aria-valuetext`. */
export function formatDay(iso: string, words: Words = ENGLISH_WORDS): string {
  return formatEventDate({ start: iso, end: iso, precision: 'day' }, words);
}
