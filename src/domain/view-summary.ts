import type { Words } from '../i18n/words.ts';
import { ENGLISH_WORDS } from '../i18n/words.ts';
import type { Theme } from './event-schema.ts';
import { activeFilterChips, countSentence, windowLabel } from './filter-labels.ts';
import type { ViewState } from './view-state.ts';

// What a view shows, in words, for the subtitle of an exported image, a citation and a printout:
// the same wording as the live region and the filter chips.

export interface ViewSummary {
  /** "12 of 34 events" */
  count: string;
  /** The filters in force, as their chips read ("Exercise", "Search: \"navy\""), window aside. */
  filters: string[];
  /** The time window: "1 Aug – 30 Sep 2021"; the whole extent when it is not narrowed. */
  window: string;
  /** All of it on one line: "12 of 34 events · Exercise · 1 Aug – 30 Sep 2021". */
  text: string;
}

export function viewSummary(
  state: ViewState,
  themes: readonly Theme[],
  defaults: Pick<ViewState, 'from' | 'to'>,
  shown: number,
  total: number,
  words: Words = ENGLISH_WORDS,
): ViewSummary {
  const chips = activeFilterChips(state, themes, defaults, words);
  const filters = chips.filter((chip) => chip.key !== 'window').map((chip) => chip.label);
  const narrowed = chips.some((chip) => chip.key === 'window');
  const window = narrowed
    ? windowLabel(state.from, state.to, words)
    : windowLabel(defaults.from, defaults.to, words);
  const count = countSentence(shown, total, words);
  return { count, filters, window, text: [count, ...filters, window].join(' · ') };
}

/** The years a dataset covers, from its extent: "2021", or "2021–2022". */
export function extentYears(defaults: Pick<ViewState, 'from' | 'to'>): string {
  const from = defaults.from.slice(0, 4);
  const to = defaults.to.slice(0, 4);
  return from === to ? from : `${from}–${to}`;
}
