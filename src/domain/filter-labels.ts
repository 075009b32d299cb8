import type { MessageKey } from '../i18n/catalogues.ts';
import { ENGLISH_MESSAGES } from '../i18n/catalogues.ts';
import type { Words } from '../i18n/words.ts';
import { ENGLISH_WORDS, localized } from '../i18n/words.ts';
import { datePiece, dayNumber, isoFromDayNumber, localDate, SHORT_MONTH_NAMES } from './dates.ts';
import type { FacetCounts, FacetKey } from './event-filter.ts';
import type { EventFormat, EventKind, PartnerBasis, Theme } from './event-schema.ts';
import { EVENT_FORMATS, EVENT_KINDS, PARTNER_BASES } from './event-schema.ts';
import type { ViewState } from './view-state.ts';

// What the filter panel and the active-filter chips say, and the patches they send. Kept out of
// the components so the wording and the toggling rules are tested without a browser. The one table
// of each vocabulary's labels: filters, chips, the table (and its sort by kind) and the details
// panel all read these.

// The English wording lives in the English catalogue (src/i18n/en.json), the one source that
// the other languages translate; these records keep the filter's API as it was.
const english = <K extends string>(prefix: string, keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, ENGLISH_MESSAGES[`${prefix}.${key}` as MessageKey]])) as Record<
    K,
    string
  >;

export const KIND_LABELS: Record<EventKind, string> = english('kind', EVENT_KINDS);
/** The same kinds, counted: a story step's default title says "Exercises, Aug–Sep 2021". */
export const KIND_PLURALS: Record<EventKind, string> = {
  exercise: 'Exercises',
  patrol: 'Patrols',
  meeting: 'Meetings',
  visit: 'Visits',
  call: 'Video calls',
  aid: 'Vaccine aid',
  competition: 'Competitions',
  forum: 'Forums',
  rescue: 'Rescues',
  exchange: 'Exchanges',
};

export const FORMAT_LABELS: Record<EventFormat, string> = english('format', EVENT_FORMATS);
export const BASIS_LABELS: Record<PartnerBasis, string> = english('basis', PARTNER_BASES);
export const FACET_LEGENDS: Record<FacetKey, string> = english('facet', [
  'theme',
  'kind',
  'format',
  'basis',
] as const);

/** A kind, format, basis or facet in the reader's language. */
export const kindLabel = (kind: EventKind, words: Words = ENGLISH_WORDS) => words.t(`kind.${kind}`);
export const formatLabel = (format: EventFormat, words: Words = ENGLISH_WORDS) => words.t(`format.${format}`);
export const basisLabel = (basis: PartnerBasis, words: Words = ENGLISH_WORDS) => words.t(`basis.${basis}`);
export const facetLegend = (facet: FacetKey, words: Words = ENGLISH_WORDS) => words.t(`facet.${facet}`);

/** A theme's title in the reader's language (the article's heading), English where none is given. */
export function themeName(theme: Theme, words: Words = ENGLISH_WORDS): string {
  return localized(theme, 'title', words.language).text;
}

/** "2. China–Russia military ties": the article numbers its highlights, so the label does too. */
export function themeLabel(theme: Theme, words: Words = ENGLISH_WORDS): string {
  return words.t('theme.label', { id: String(theme.id), title: themeName(theme, words) });
}

/**
 * The public wording of the live region and of tests that read it: "1 of 34 events" ("共 34 项中的
 * 1 项"). The noun follows the total, so only a dataset of one event says "1 of 1 event".
 */
export function countSentence(shown: number, total: number, words: Words = ENGLISH_WORDS): string {
  return words.t('count.sentence', { shown, total });
}

function dayMonth(iso: string): string {
  const [, month, day] = iso.split('-').map(Number) as [number, number, number];
  return `${day} ${SHORT_MONTH_NAMES[month - 1]}`;
}

/** "14 Oct – 31 Dec 2021", the year said once when both ends share it ("2021年10月14日–12月31日"). */
export function windowLabel(from: string, to: string, words: Words = ENGLISH_WORDS): string {
  if (words.language !== 'en') return localDate({ start: from, end: to, precision: 'day' }, words, false);
  const fromYear = from.slice(0, 4);
  const toYear = to.slice(0, 4);
  if (from === to) return `${dayMonth(from)} ${fromYear}`;
  if (fromYear === toYear) return `${dayMonth(from)} – ${dayMonth(to)} ${toYear}`;
  return `${dayMonth(from)} ${fromYear} – ${dayMonth(to)} ${toYear}`;
}

/**
 * A window in words for a title: whole months as "Aug–Sep 2021" or "May 2021", a whole year as
 * "2021", any other window as `windowLabel` says it.
 */
export function windowWords(from: string, to: string, words: Words = ENGLISH_WORDS): string {
  const startsMonth = from.endsWith('-01');
  const endsMonth = isoFromDayNumber(dayNumber(to) + 1).endsWith('-01');
  if (!startsMonth || !endsMonth) return windowLabel(from, to, words);
  if (words.language !== 'en') {
    const wholeYear = from.endsWith('-01-01') && to.endsWith('-12-31') && from.slice(0, 4) === to.slice(0, 4);
    if (wholeYear) return datePiece(from, 'y', words.locale);
    return localDate({ start: from, end: to, precision: 'month' }, words, false);
  }
  const [fromYear, fromMonth] = from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = to.split('-').map(Number) as [number, number];
  const month = (m: number) => SHORT_MONTH_NAMES[m - 1] as string;
  if (fromYear === toYear && fromMonth === 1 && toMonth === 12) return String(fromYear);
  if (fromYear === toYear && fromMonth === toMonth) return `${month(fromMonth)} ${fromYear}`;
  if (fromYear === toYear) return `${month(fromMonth)}–${month(toMonth)} ${fromYear}`;
  return `${month(fromMonth)} ${fromYear} – ${month(toMonth)} ${toYear}`;
}

/** Adds the value if absent, removes it if present; the order of the others is kept. */
export function toggleValue<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}

export interface FilterChip {
  /** Stable and unique: `theme:2`, `kind:exercise`, `q`, `window`, `undated`. */
  key: string;
  label: string;
  /** What removing this one filter sends to `onChange`. */
  clear: Partial<ViewState>;
}

type Window = Pick<ViewState, 'from' | 'to'>;

/** In canonical order (as the panel lists them), whatever order they were picked in. */
const inOrder = <T>(selected: readonly T[], order: readonly T[]) =>
  order.filter((value) => selected.includes(value));

/**
 * Every filter that narrows the view, one chip each. The country and event selections are not
 * filters (they pick, they do not hide), so they get no chip.
 */
export function activeFilterChips(
  state: ViewState,
  themes: readonly Theme[],
  defaults: Window,
  words: Words = ENGLISH_WORDS,
): FilterChip[] {
  const chips: FilterChip[] = [];
  const q = state.q.trim();
  if (q) chips.push({ key: 'q', label: words.t('chip.search', { q }), clear: { q: '' } });

  const titled = new Map(themes.map((theme) => [theme.id, theme]));
  for (const id of [...new Set(state.theme)].sort((a, b) => a - b)) {
    const theme = titled.get(id);
    chips.push({
      key: `theme:${id}`,
      label: theme ? themeLabel(theme, words) : words.t('theme.unknown', { id: String(id) }),
      clear: { theme: state.theme.filter((t) => t !== id) },
    });
  }
  for (const kind of inOrder(state.kind, EVENT_KINDS)) {
    chips.push({
      key: `kind:${kind}`,
      label: kindLabel(kind, words),
      clear: { kind: state.kind.filter((k) => k !== kind) },
    });
  }
  for (const format of inOrder(state.format, EVENT_FORMATS)) {
    chips.push({
      key: `format:${format}`,
      label: formatLabel(format, words),
      clear: { format: state.format.filter((f) => f !== format) },
    });
  }
  for (const basis of inOrder(state.basis, PARTNER_BASES)) {
    chips.push({
      key: `basis:${basis}`,
      label: basisLabel(basis, words),
      clear: { basis: state.basis.filter((b) => b !== basis) },
    });
  }
  // ISO dates compare as strings. A window wider than the dataset hides nothing: no chip.
  if (state.from > defaults.from || state.to < defaults.to) {
    chips.push({
      key: 'window',
      label: windowLabel(state.from, state.to, words),
      clear: { from: defaults.from, to: defaults.to },
    });
  }
  if (!state.undated)
    chips.push({ key: 'undated', label: words.t('chip.exactDatesOnly'), clear: { undated: true } });
  return chips;
}

/** The patch behind "Clear all": every filter back to its default; selection and camera kept. */
export function clearedFilters(defaults: Window): Partial<ViewState> {
  return {
    from: defaults.from,
    to: defaults.to,
    undated: true,
    theme: [],
    kind: [],
    format: [],
    basis: [],
    q: '',
  };
}

export interface FilterOption {
  /** Unique within the panel, usable as an element id suffix: `kind-exercise`. */
  key: string;
  label: string;
  /** How many events ticking this option would give, the other facets as they are. */
  count: number;
  checked: boolean;
  /** What toggling this option sends to `onChange`. */
  toggle: Partial<ViewState>;
}

export interface FilterGroup {
  facet: FacetKey;
  legend: string;
  /** Highlight and Kind start open; the rest fold away to fit a short sidebar. */
  defaultOpen: boolean;
  /** How many of the options are ticked, for the folded group's summary. */
  selected: number;
  options: FilterOption[];
}

/**
 * The panel's four groups in display order. Every kind is listed, even at zero, so options do
 * not jump around as other filters change; a zero count is shown dimmed, not removed.
 */
export function filterGroups(
  themes: readonly Theme[],
  state: ViewState,
  counts: FacetCounts,
  words: Words = ENGLISH_WORDS,
): FilterGroup[] {
  const countOf = (facet: FacetKey, value: string | number) => counts[facet].get(String(value)) ?? 0;
  const group = (facet: FacetKey, defaultOpen: boolean, options: FilterOption[]): FilterGroup => ({
    facet,
    legend: facetLegend(facet, words),
    defaultOpen,
    selected: options.filter((o) => o.checked).length,
    options,
  });
  return [
    group(
      'theme',
      true,
      [...themes]
        .sort((a, b) => a.id - b.id)
        .map((theme) => ({
          key: `theme-${theme.id}`,
          label: themeLabel(theme, words),
          count: countOf('theme', theme.id),
          checked: state.theme.includes(theme.id),
          toggle: { theme: toggleValue(state.theme, theme.id) },
        })),
    ),
    group(
      'kind',
      true,
      EVENT_KINDS.map((kind) => ({
        key: `kind-${kind}`,
        label: kindLabel(kind, words),
        count: countOf('kind', kind),
        checked: state.kind.includes(kind),
        toggle: { kind: toggleValue(state.kind, kind) },
      })),
    ),
    group(
      'format',
      true,
      EVENT_FORMATS.map((format) => ({
        key: `format-${format}`,
        label: formatLabel(format, words),
        count: countOf('format', format),
        checked: state.format.includes(format),
        toggle: { format: toggleValue(state.format, format) },
      })),
    ),
    group(
      'basis',
      true,
      PARTNER_BASES.map((basis) => ({
        key: `basis-${basis}`,
        label: basisLabel(basis, words),
        count: countOf('basis', basis),
        checked: state.basis.includes(basis),
        toggle: { basis: toggleValue(state.basis, basis) },
      })),
    ),
  ];
}
