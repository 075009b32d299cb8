import { isRealIsoDate, MONTH_NAMES } from '../../src/domain/dates.ts';
import type { DraftDate, Finding } from './findings.ts';
import type { Span } from './source-text.ts';

// Dates as news text writes them, resolved against the article's year: "from August 23 to
// September 4" (day), "on November 4" (day), "in early June" (month), "Since the beginning of this
// year" (year). A range whose end falls before its start runs into the next year ("December 28
// to January 3"). Relative dates ("last week") are reported, never resolved.

// a full name never takes the dot after it: that one ends the sentence
const MONTH = `\\b(?:(?:${MONTH_NAMES.join('|')})(?![a-z])|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![a-z])\\.?)`;
const DAY = '(?<!\\d)\\d{1,2}(?:st|nd|rd|th)?(?![\\d:])';
const YEAR = '(?:,?\\s+(?:19|20)\\d{2}(?!\\d))?';
const OF = '(?:of\\s+)?';
// "from X to Y", "X-Y", "between X and Y"; a bare "and" is not a range ("on May 4 and 19 countries")
const range = (from: string, to: string, after = '') =>
  `(?:[Bb]etween\\s+${from}\\s+and\\s+${to}${after}|(?:[Ff]rom\\s+)?${from}\\s*(?:-|to|until|till|through)\\s*${to}${after})`;

type Shape = 'md-md' | 'dm-dm' | 'md-d' | 'd-dm' | 'md' | 'dm' | 'm-m' | 'm' | 'iso';

// Most specific first: a later pattern never takes words an earlier one matched.
const DAY_AND_MONTH: Array<[RegExp, Shape]> = [
  [new RegExp(range(`${MONTH}\\s+${DAY}${YEAR}`, `${MONTH}\\s+${DAY}${YEAR}`), 'g'), 'md-md'],
  [new RegExp(range(`${DAY}\\s+${OF}${MONTH}${YEAR}`, `${DAY}\\s+${OF}${MONTH}${YEAR}`), 'g'), 'dm-dm'],
  [new RegExp(range(`${MONTH}\\s+${DAY}`, DAY, `(?!\\s+${MONTH})${YEAR}`), 'g'), 'md-d'],
  [new RegExp(range(DAY, `${DAY}\\s+${OF}${MONTH}${YEAR}`), 'g'), 'd-dm'],
  [new RegExp(`(?:[Oo]n\\s+)?${MONTH}\\s+${DAY}${YEAR}`, 'g'), 'md'],
  [new RegExp(`(?:[Oo]n\\s+)?(?:the\\s+)?${DAY}\\s+${OF}${MONTH}${YEAR}`, 'g'), 'dm'],
  [new RegExp(range(`${MONTH}(?:\\s+(?:19|20)\\d{2})?`, `${MONTH}(?:,?\\s+(?:19|20)\\d{2})?`), 'g'), 'm-m'],
  [
    new RegExp(
      `(?:(?:[Ii]n|[Ss]ince|[Ff]rom|[Bb]y|[Uu]ntil|[Dd]uring|[Tt]hroughout|[Bb]efore|[Aa]fter)\\s+(?:(?:early|mid|late)[\\s-]+)?|(?:[Ee]arly|[Mm]id|[Ll]ate)[\\s-]+|(?:[Tt]he\\s+)?(?:beginning|start|end|middle)\\s+of\\s+)${MONTH}(?:,?\\s+(?:19|20)\\d{2})?|${MONTH}\\s+(?:19|20)\\d{2}`,
      'g',
    ),
    'm',
  ],
  [/\b\d{4}-\d{2}-\d{2}\b/g, 'iso'],
];

// Most sentences hold no date: each group of patterns runs only where its words appear.
const MAYBE_DAY_OR_MONTH = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|\d{4}-\d{2}-\d{2}/;
const MAYBE_YEAR = /year|\b(?:19|20)\d{2}\b/i;
const MAYBE_RELATIVE = /week|month|day|yesterday|tomorrow|recently/i;

type YearShape = 'this-year' | 'last-year' | 'in-year';
const YEARS: Array<[RegExp, YearShape]> = [
  [/\b(?:(?:since|from)\s+)?the\s+(?:beginning|start)\s+of\s+(?:this|the)\s+year\b/gi, 'this-year'],
  [/\b(?:this|the\s+current)\s+year\b/gi, 'this-year'],
  [/\blast\s+year\b/gi, 'last-year'],
  [/\b(?:in|during|throughout|since|early|mid|late)[\s-]+(?:19|20)\d{2}\b(?!-\d)/gi, 'in-year'],
];

const RELATIVE =
  /\b(?:(?:last|next|this|earlier\s+this|later\s+this|that)\s+(?:week|month|weekend)|yesterday|today|tomorrow|recently|the\s+other\s+day|the\s+same\s+day)\b/gi;

const pad = (value: number) => String(value).padStart(2, '0');

function monthOf(word: string): number {
  const stem = word.replace(/\.$/, '').slice(0, 3).toLowerCase();
  return MONTH_NAMES.findIndex((name) => name.slice(0, 3).toLowerCase() === stem) + 1;
}

interface Parts {
  months: number[];
  days: number[];
  years: number[];
}

const MONTHS_IN = new RegExp(MONTH, 'g');

function partsOf(words: string): Parts {
  const months = [...words.matchAll(MONTHS_IN)].map((m) => monthOf(m[0]));
  const years = [...words.matchAll(/(?<!\d)(?:19|20)\d{2}(?!\d)/g)].map((m) => Number(m[0]));
  const days = [...words.matchAll(/(?<!\d)\d{1,2}(?!\d)/g)].map((m) => Number(m[0]));
  return { months, days, years };
}

type Resolved = { date: DraftDate; note?: string } | { reason: string };

function resolveShape(shape: Shape, words: string, year: number): Resolved {
  if (shape === 'iso') {
    return isRealIsoDate(words)
      ? { date: { start: words, precision: 'day' } }
      : { reason: `"${words}" is not a real date` };
  }
  const { months, days, years } = partsOf(words);
  const startYear = years.length === 2 ? (years[0] as number) : (years[0] ?? year);
  let endYear = years.length === 2 ? (years[1] as number) : (years[0] ?? year);
  const [m1 = 1, m2 = m1] = months;
  const [d1 = 1, d2 = d1] = days;
  if (shape === 'm' || shape === 'm-m') {
    const start = `${startYear}-${pad(m1)}`;
    if (shape === 'm-m' && years.length === 0 && m2 < m1) endYear = startYear + 1;
    const end = shape === 'm-m' ? `${endYear}-${pad(m2)}` : undefined;
    const note =
      shape === 'm-m'
        ? undefined
        : /\b(?:early|mid|late|beginning|start|end|middle)\b/i.test(words)
          ? `"${words}" is part of the month`
          : /\b(?:since|from|after)\b/i.test(words)
            ? `"${words}" gives only the start`
            : /\b(?:by|until|before)\b/i.test(words)
              ? `"${words}" gives only a limit`
              : undefined;
    const date: DraftDate =
      end && end !== start ? { start, end, precision: 'month' } : { start, precision: 'month' };
    return note ? { date, note } : { date };
  }
  const single = shape === 'md' || shape === 'dm';
  const [startMonth, endMonth] = shape === 'md-d' || shape === 'd-dm' ? [m1, m1] : [m1, m2];
  const start = `${startYear}-${pad(startMonth)}-${pad(d1)}`;
  let end = single ? start : `${endYear}-${pad(endMonth)}-${pad(d2)}`;
  if (!single && years.length === 0 && end < start) end = `${endYear + 1}-${pad(endMonth)}-${pad(d2)}`;
  for (const value of [start, end]) {
    if (!isRealIsoDate(value)) return { reason: `"${words}" is not a real date (${value})` };
  }
  if (end < start) return { reason: `"${words}" ends before it starts` };
  return { date: end === start ? { start, precision: 'day' } : { start, end, precision: 'day' } };
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

export function findDates(text: string, sentence: Span, year: number): Finding[] {
  const words = text.slice(sentence.start, sentence.end);
  const found: Finding[] = [];
  const taken: Span[] = [];
  const take = (match: RegExpMatchArray): Span | undefined => {
    const start = sentence.start + (match.index ?? 0);
    const span = { start, end: start + match[0].length };
    if (taken.some((other) => overlaps(span, other))) return undefined;
    taken.push(span);
    return span;
  };
  for (const [pattern, shape] of MAYBE_DAY_OR_MONTH.test(words) ? DAY_AND_MONTH : []) {
    for (const match of words.matchAll(pattern)) {
      const span = take(match);
      if (!span) continue;
      const resolved = resolveShape(shape, match[0].trim(), year);
      if ('reason' in resolved) found.push({ type: 'unresolved-date', span, reason: resolved.reason });
      else found.push({ type: 'date', span, ...resolved });
    }
  }
  for (const [pattern, shape] of MAYBE_YEAR.test(words) ? YEARS : []) {
    for (const match of words.matchAll(pattern)) {
      const span = take(match);
      if (!span) continue;
      const written = /(?:19|20)\d{2}/.exec(match[0])?.[0];
      const value =
        shape === 'in-year' && written ? Number(written) : shape === 'last-year' ? year - 1 : year;
      const note = /\b(?:since|from)\b/i.test(match[0]) ? `"${match[0]}" gives only the start` : undefined;
      const date: DraftDate = { start: String(value), precision: 'year' };
      found.push(note ? { type: 'date', span, date, note } : { type: 'date', span, date });
    }
  }
  for (const match of MAYBE_RELATIVE.test(words) ? words.matchAll(RELATIVE) : []) {
    const span = take(match);
    if (span)
      found.push({
        type: 'unresolved-date',
        span,
        reason: `"${match[0]}" is relative to a date the text does not give`,
      });
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}
