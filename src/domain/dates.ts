import type { DateSpan } from './event-schema.ts';

const DAY_MS = 86_400_000;

/** Whole days since 1970-01-01 (UTC): a number the map's filter expressions can compare. */
export function dayNumber(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

export function isoFromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const parts = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day, monthName: MONTH_NAMES[month - 1] as string };
};

/**
 * The date as honestly as it is known: "14–17 October 2021", "May 2021", "2021, date not
 * reported". A month- or year-precision date never shows a day.
 */
export function formatEventDate(date: DateSpan): string {
  const s = parts(date.start);
  const e = parts(date.end);
  if (date.precision === 'year') {
    return s.year === e.year ? `${s.year}, date not reported` : `${s.year}–${e.year}, dates not reported`;
  }
  if (date.precision === 'month') {
    if (s.year === e.year && s.month === e.month) return `${s.monthName} ${s.year}`;
    if (s.year === e.year) return `${s.monthName}–${e.monthName} ${s.year}`;
    return `${s.monthName} ${s.year} – ${e.monthName} ${e.year}`;
  }
  if (date.start === date.end) return `${s.day} ${s.monthName} ${s.year}`;
  if (s.year === e.year && s.month === e.month) return `${s.day}–${e.day} ${s.monthName} ${s.year}`;
  if (s.year === e.year) return `${s.day} ${s.monthName} – ${e.day} ${e.monthName} ${s.year}`;
  return `${s.day} ${s.monthName} ${s.year} – ${e.day} ${e.monthName} ${e.year}`;
}

/** A short form for tables and chips: "14 Oct", "May", "2021". */
export function formatShortDate(iso: string): string {
  const { day, monthName, year } = parts(iso);
  return `${day} ${monthName.slice(0, 3)} ${year}`;
}
