import type { Words } from '../i18n/words.ts';
import { ENGLISH_WORDS } from '../i18n/words.ts';
import type { Theme } from './event-schema.ts';
import { formatLabel, KIND_PLURALS, kindLabel, themeName, windowWords } from './filter-labels.ts';
import type { ViewContext } from './view-state.ts';
import { parseViewState } from './view-state.ts';

// A new step's default title: the view in a few words, "Exercises, Aug–Sep 2021", from the same
// labels the filter panel and the chips use.

export interface ViewVocabulary {
  themes: readonly Theme[];
  countryName: (iso3: string) => string | undefined;
  eventTitle: (id: string) => string | undefined;
}

export function describeView(
  params: Readonly<Record<string, string>>,
  context: ViewContext,
  vocabulary: ViewVocabulary,
  words: Words = ENGLISH_WORDS,
): string {
  const { state } = parseViewState(params, context);
  const parts: string[] = [];
  if (state.event) parts.push(vocabulary.eventTitle(state.event) ?? state.event);
  else if (state.country) parts.push(vocabulary.countryName(state.country) ?? state.country);
  const titled = new Map(vocabulary.themes.map((t) => [t.id, themeName(t, words)]));
  for (const id of [...state.theme].sort((a, b) => a - b))
    parts.push(titled.get(id) ?? words.t('theme.unknown', { id: String(id) }));
  // Chinese nouns have no plural: the kind's label serves.
  for (const kind of state.kind)
    parts.push(words.language === 'en' ? KIND_PLURALS[kind] : kindLabel(kind, words));
  for (const format of state.format) parts.push(formatLabel(format, words));
  if (state.q) parts.push(words.t('storyTitle.query', { q: state.q }));
  const narrowed = state.from > context.defaults.from || state.to < context.defaults.to;
  if (narrowed) parts.push(windowWords(state.from, state.to, words));
  if (parts.length === 0) return words.t('storyTitle.all');
  return parts.join(words.t('list.separator'));
}
