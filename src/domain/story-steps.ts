import { z } from 'zod';
import type { Dataset } from './event-schema.ts';
import type { ViewContext } from './view-state.ts';
import { parseViewState, serializeViewState } from './view-state.ts';

// "A slide is just a query string": each step of the story is a view state in the explorer's
// URL parameters, derived from the dataset, with captions from a small curated file.

const wordsSchema = z.object({
  title: z.string().min(1).optional(),
  caption: z.string().min(1).optional(),
  notes: z.string().min(1).optional(),
  params: z.record(z.string(), z.string()).optional(),
});

export const storyCaptionsSchema = z.object({
  opening: wordsSchema.optional(),
  themes: z.record(z.string(), wordsSchema).optional(),
  closing: wordsSchema.optional(),
});

export type StoryCaptions = z.infer<typeof storyCaptionsSchema>;

export interface StoryStep {
  key: string;
  title: string;
  caption: string;
  notes: string;
  /** The view, as the explorer's URL parameters (only non-defaults). */
  params: Record<string, string>;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function deriveStorySteps(
  dataset: Dataset,
  captions: StoryCaptions,
  context: ViewContext,
): StoryStep[] {
  const canonical = (params: Record<string, string>) =>
    serializeViewState(parseViewState(params, context).state, context);
  const partners = new Set(dataset.events.flatMap((e) => e.partners.map((p) => p.iso3)));
  const steps: StoryStep[] = [];
  steps.push({
    key: 'opening',
    title: captions.opening?.title ?? dataset.source.title,
    caption:
      captions.opening?.caption ??
      `${plural(dataset.events.length, 'event')} with ${plural(partners.size, 'partner country')}.`,
    notes: captions.opening?.notes ?? '',
    params: canonical(captions.opening?.params ?? {}),
  });
  for (const theme of [...dataset.themes].sort((a, b) => a.id - b.id)) {
    const words = captions.themes?.[String(theme.id)];
    const events = dataset.events.filter((e) => e.theme === theme.id);
    if (events.length === 0) continue;
    steps.push({
      key: `theme-${theme.id}`,
      title: words?.title ?? `${theme.id}. ${theme.title}`,
      caption: words?.caption ?? `${plural(events.length, 'event')}.`,
      notes: words?.notes ?? '',
      params: canonical({ theme: String(theme.id), ...words?.params }),
    });
  }
  steps.push({
    key: 'closing',
    title: captions.closing?.title ?? 'The whole year',
    caption: captions.closing?.caption ?? `${plural(dataset.events.length, 'event')} in all.`,
    notes: captions.closing?.notes ?? '',
    params: canonical(captions.closing?.params ?? {}),
  });
  return steps;
}

/** A 1-based step number from the URL, landing on the nearest real step when out of range. */
export function clampStep(raw: string | null, count: number): number {
  const parsed = Number.parseInt(raw ?? '', 10);
  if (!Number.isFinite(parsed)) return 1;
  return Math.min(Math.max(parsed, 1), Math.max(count, 1));
}

export type StepMove =
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'goto'; step: number };

/** The step a move lands on, from `step`, within 1..count. */
export function stepAfter(step: number, move: StepMove, count: number): number {
  const target =
    move.type === 'next'
      ? step + 1
      : move.type === 'previous'
        ? step - 1
        : move.type === 'first'
          ? 1
          : move.type === 'last'
            ? count
            : move.step;
  return Math.min(Math.max(target, 1), Math.max(count, 1));
}
