import type { Words } from '../i18n/words.ts';
import { ENGLISH_WORDS } from '../i18n/words.ts';
import type { DateSpan } from './event-schema.ts';

const DAY_MS = 86_400_000;

/** Whole days since 1970-01-01 (UTC): a number the map's filter expressions can compare. */
export function dayNumber(isoDate: string): number {
  let day = dayNumbers.get(isoDate);
  if (day === undefined) {
    day = Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
    // A dataset has a few hundred distinct dates, asked for four times an event (index and map
    // features): at 50,000 events the parsing alone held the first view for about 80 ms.
    if (dayNumbers.size < 100_000) dayNumbers.set(isoDate, day);
  }
  return day;
}

const dayNumbers = new Map<string, number>();

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

/** "Jan" … "Dec": own names rather than Intl, since some ICU versions abbreviate September "Sept". */
export const SHORT_MONTH_NAMES = MONTH_NAMES.map((name) => name.slice(0, 3));

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (no 31 April, no 29 February outside leap years). */
export function isRealIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** The last day of a month, `month` counted from 1: lastDayOfMonth(2024, 2) is 29. */
export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The same day `months` calendar months later (or earlier), kept within the target month. */
export function addMonths(iso: string, months: number): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const targetDay = Math.min(day, lastDayOfMonth(targetYear, targetMonth));
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}

/** "2021", or "2021–2022" when a span crosses years: how the UI names the years a dataset covers. */
export function yearsLabel(span: { from: string; to: string }): string {
  const from = span.from.slice(0, 4);
  const to = span.to.slice(0, 4);
  return from === to ? from : `${from}–${to}`;
}

const parts = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day, monthName: MONTH_NAMES[month - 1] as string };
};

/**
 * The date as honestly as it is known: "14–17 October 2021", "May 2021", "2021, date not
 * reported" ("2021年10月14日–17日", "2021年5月", "2021年（日期未报道）" in Chinese). A month- or
 * year-precision date never shows a day.
 */
export function formatEventDate(date: DateSpan, words: Words = ENGLISH_WORDS): string {
  if (words.language !== 'en') return localDate(date, words, false);
  const s = parts(date.start);
  const e = parts(date.end);
  if (date.precision === 'year') {
    return s.year === e.year
      ? words.t('date.yearOnly', { years: String(s.year) })
      : words.t('date.yearsOnly', { years: `${s.year}–${e.year}` });
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

// ---- Other languages: the pieces from Intl, joined by one rule -------------------------------
// Intl's own formatRange is not used: its range patterns differ between ICU versions ("2021/10/14
// – 2021/10/17" in some), while a reader of Chinese expects "2021年10月14日–17日" everywhere.

type Piece = 'ymd' | 'md' | 'd' | 'ym' | 'm' | 'y';
const PIECES: Record<Piece, Intl.DateTimeFormatOptions> = {
  ymd: { year: 'numeric', month: 'long', day: 'numeric' },
  md: { month: 'long', day: 'numeric' },
  d: { day: 'numeric' },
  ym: { year: 'numeric', month: 'long' },
  // 'long' alone is "十月" in Chinese; numeric is "10月", as the month reads inside a full date.
  m: { month: 'numeric' },
  y: { year: 'numeric' },
};
const formats = new Map<string, Intl.DateTimeFormat>();

/** One piece of a date in a locale: "2021年10月14日" (ymd), "10月" (m), "17日" (d). */
export function datePiece(iso: string, piece: Piece, locale: string): string {
  const key = `${locale} ${piece}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...PIECES[piece], timeZone: 'UTC' });
    formats.set(key, format);
  }
  return format.format(new Date(`${iso}T00:00:00Z`));
}

/**
 * A span in a language other than English, the shared part said once: "2021年10月14日–17日",
 * "2021年8月–9月"; `compact` (the table, the chips) leaves out a year the span does not cross.
 */
export function localDate(date: DateSpan, words: Words, compact: boolean): string {
  const { locale } = words;
  const piece = (iso: string, p: Piece) => datePiece(iso, p, locale);
  const s = parts(date.start);
  const e = parts(date.end);
  const sameYear = s.year === e.year;
  if (date.precision === 'year') {
    return sameYear
      ? words.t('date.yearOnly', { years: piece(date.start, 'y') })
      : words.t('date.yearsOnly', { years: `${piece(date.start, 'y')}–${piece(date.end, 'y')}` });
  }
  const full = !compact || !sameYear;
  if (date.precision === 'month') {
    if (!sameYear) return `${piece(date.start, 'ym')}–${piece(date.end, 'ym')}`;
    const first = piece(date.start, full ? 'ym' : 'm');
    return s.month === e.month ? first : `${first}–${piece(date.end, 'm')}`;
  }
  if (!sameYear) return `${piece(date.start, 'ymd')}–${piece(date.end, 'ymd')}`;
  const first = piece(date.start, full ? 'ymd' : 'md');
  if (date.start === date.end) return first;
  return `${first}–${piece(date.end, s.month === e.month ? 'd' : 'md')}`;
}

/** A month's name for an axis: "Jan", "1月". */
export function shortMonthName(month: number, words: Words = ENGLISH_WORDS): string {
  if (words.language === 'en') return SHORT_MONTH_NAMES[month - 1] as string;
  return datePiece(`2021-${String(month).padStart(2, '0')}-01`, 'm', words.locale);
}
