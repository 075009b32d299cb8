import type { Theme } from './event-schema.ts';
import { FORMAT_LABELS, KIND_PLURALS, windowWords } from './filter-labels.ts';
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
): string {
  const { state } = parseViewState(params, context);
  const parts: string[] = [];
  if (state.event) parts.push(vocabulary.eventTitle(state.event) ?? state.event);
  else if (state.country) parts.push(vocabulary.countryName(state.country) ?? state.country);
  const titled = new Map(vocabulary.themes.map((t) => [t.id, t.title]));
  for (const id of [...state.theme].sort((a, b) => a - b)) parts.push(titled.get(id) ?? `Highlight ${id}`);
  for (const kind of state.kind) parts.push(KIND_PLURALS[kind]);
  for (const format of state.format) parts.push(FORMAT_LABELS[format]);
  if (state.q) parts.push(`“${state.q}”`);
  const narrowed = state.from > context.defaults.from || state.to < context.defaults.to;
  if (narrowed) parts.push(windowWords(state.from, state.to));
  if (parts.length === 0) return 'All events';
  return parts.join(', ');
}
