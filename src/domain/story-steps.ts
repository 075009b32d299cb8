import { z } from 'zod';
import type { Words } from '../i18n/words.ts';
import { ENGLISH_WORDS } from '../i18n/words.ts';
import type { Dataset } from './event-schema.ts';
import { themeLabel } from './filter-labels.ts';
import type { ViewContext } from './view-state.ts';
import { parseViewState, serializeViewState } from './view-state.ts';

// "A slide is just a query string": each step of the story is a view state in the explorer's
// URL parameters, derived from the dataset, with captions from a small curated file.

const textsSchema = z.object({
  title: z.string().min(1).optional(),
  caption: z.string().min(1).optional(),
  notes: z.string().min(1).optional(),
});

const wordsSchema = textsSchema.extend({
  params: z.record(z.string(), z.string()).optional(),
  /** The same texts in other languages, keyed by language tag (`zh`). */
  i18n: z.record(z.string(), textsSchema.strict()).optional(),
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

type StepWords = z.infer<typeof wordsSchema>;

/** A step's texts in the reader's language where the file has them, else its English ones. */
function inLanguage(words: StepWords | undefined, language: string): StepWords | undefined {
  if (!words || language === 'en') return words;
  const translated = words.i18n?.[language];
  // A step whose English is written but not translated falls back to the derived wording in the
  // reader's language, not to English: a Chinese room should not get one English slide.
  return { params: words.params, ...translated };
}

export function deriveStorySteps(
  dataset: Dataset,
  captions: StoryCaptions,
  context: ViewContext,
  words: Words = ENGLISH_WORDS,
): StoryStep[] {
  const { language } = words;
  const opening = inLanguage(captions.opening, language);
  const closing = inLanguage(captions.closing, language);
  const canonical = (params: Record<string, string>) =>
    serializeViewState(parseViewState(params, context).state, context);
  const partners = new Set(dataset.events.flatMap((e) => e.partners.map((p) => p.iso3)));
  const steps: StoryStep[] = [];
  steps.push({
    key: 'opening',
    title: opening?.title ?? (dataset.source.i18n?.[language]?.title || dataset.source.title),
    caption:
      opening?.caption ??
      words.t('story.openingCaption', { events: dataset.events.length, partners: partners.size }),
    notes: opening?.notes ?? '',
    params: canonical(opening?.params ?? {}),
  });
  for (const theme of [...dataset.themes].sort((a, b) => a.id - b.id)) {
    const step = inLanguage(captions.themes?.[String(theme.id)], language);
    const events = dataset.events.filter((e) => e.theme === theme.id);
    if (events.length === 0) continue;
    steps.push({
      key: `theme-${theme.id}`,
      title: step?.title ?? themeLabel(theme, words),
      caption: step?.caption ?? words.t('story.themeCaption', { events: events.length }),
      notes: step?.notes ?? '',
      params: canonical({ theme: String(theme.id), ...step?.params }),
    });
  }
  steps.push({
    key: 'closing',
    title: closing?.title ?? words.t('story.closingTitle'),
    caption: closing?.caption ?? words.t('story.closingCaption', { events: dataset.events.length }),
    notes: closing?.notes ?? '',
    params: canonical(closing?.params ?? {}),
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
