import { z } from 'zod';
import type { ViewContext } from './view-state.ts';
import { applyViewParams, defaultViewState, serializeViewState, VIEW_PARAMS } from './view-state.ts';

// A person's own story: a list of views (the explorer's URL parameters) with their words. The
// same layout is exported as a `.story.json` file, carried in a share link and kept in the
// browser's storage; README "Stories" documents it. Everything read from outside goes through
// `readStoryDocument`, which keeps what it can and says what it dropped.

export const STORY_FORMAT = 'cooperation-atlas-story';
/** Bump when the layout changes in a way an older reader would misread. */
export const STORY_VERSION = 1;

export const MAX_STEPS = 200;
export const MAX_TITLE_LENGTH = 200;
export const MAX_CAPTION_LENGTH = 2_000;
export const MAX_NOTES_LENGTH = 10_000;
/** A story file bigger than this is not one we wrote (200 steps of full notes is about 2 MB). */
export const MAX_STORY_BYTES = 3_000_000;

export const storyStepSchema = z.object({
  /** The view as the explorer's URL parameters, only the non-default ones. */
  view: z.record(z.string(), z.string()),
  title: z.string(),
  caption: z.string(),
  notes: z.string(),
});

export const storyDocumentSchema = z.object({
  format: z.literal(STORY_FORMAT),
  version: z.literal(STORY_VERSION),
  title: z.string(),
  /** The data the views were made on: `events` (the article) or a file under `public/data/`. */
  dataset: z.object({ id: z.string(), version: z.number().int() }),
  steps: z.array(storyStepSchema),
});

export type StoryDocument = z.infer<typeof storyDocumentSchema>;
export type StoryStepContent = z.infer<typeof storyStepSchema>;

export type StoryReadResult =
  | { ok: true; story: StoryDocument; notices: string[] }
  | { ok: false; error: string };

const headerSchema = z.object({ format: z.literal(STORY_FORMAT), version: z.number().int().min(1) });
const looseStepSchema = z.object({
  view: z.record(z.string(), z.unknown()).optional(),
  title: z.unknown().optional(),
  caption: z.unknown().optional(),
  notes: z.unknown().optional(),
});

const VIEW_PARAM_SET = new Set<string>(VIEW_PARAMS);

/**
 * Plain text as typed: line breaks kept (as \n), other control characters removed, so nothing in
 * it can act as anything but text. Returns the cleaned text and whether it had to be cut.
 */
export function cleanText(value: string, max: number): { text: string; cut: boolean } {
  const text = value
    .replace(/\r\n?/g, '\n')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
  return text.length > max ? { text: text.slice(0, max), cut: true } : { text, cut: false };
}

/** The view parameters that exist and parse, in canonical form; the rest reported. */
export function cleanView(
  view: Readonly<Record<string, unknown>>,
  context: ViewContext,
): { view: Record<string, string>; problems: string[] } {
  const problems: string[] = [];
  const known: Record<string, string> = {};
  for (const [param, value] of Object.entries(view)) {
    if (!VIEW_PARAM_SET.has(param)) problems.push(`the setting “${param}” does not exist`);
    else if (typeof value !== 'string') problems.push(`the setting “${param}” is not text`);
    else known[param] = value;
  }
  const { state, dropped } = applyViewParams(defaultViewState(context), known, context);
  for (const d of dropped) problems.push(`${d.param} “${d.value}” is ${d.reason}`);
  return { view: serializeViewState(state, context), problems };
}

const describeStep = (index: number) => `Step ${index + 1}`;

/**
 * Reads a story from parsed JSON. Not a story, or a newer layout: an error saying so. Otherwise
 * every readable step is kept and each part that was dropped or changed gets a notice.
 */
export function readStoryDocument(
  raw: unknown,
  context: ViewContext,
  defaults: { dataset: StoryDocument['dataset']; stepTitle: (view: Record<string, string>) => string },
): StoryReadResult {
  const header = headerSchema.safeParse(raw);
  if (!header.success) {
    const version = (raw as { version?: unknown } | null)?.version;
    const format = (raw as { format?: unknown } | null)?.format;
    if (format === STORY_FORMAT && typeof version !== 'number')
      return { ok: false, error: 'This story has no layout version, so it cannot be read safely.' };
    return { ok: false, error: 'This is not a Cooperation Atlas story.' };
  }
  if (header.data.version > STORY_VERSION) {
    return {
      ok: false,
      error: `This story was saved by a newer version of the Cooperation Atlas (layout ${header.data.version}); this one reads layout ${STORY_VERSION}. Open it in an up-to-date copy of the Atlas.`,
    };
  }
  const doc = raw as Record<string, unknown>;
  const notices: string[] = [];

  let title = 'Untitled story';
  if (typeof doc.title === 'string' && doc.title.trim()) {
    const cleaned = cleanText(doc.title.trim(), MAX_TITLE_LENGTH);
    title = cleaned.text.replace(/\n/g, ' ');
    if (cleaned.cut) notices.push(`The story's title was cut to ${MAX_TITLE_LENGTH} characters.`);
  } else notices.push('The story had no title; it is called “Untitled story”.');

  const dataset = z
    .object({ id: z.string().min(1).max(200), version: z.number().int() })
    .safeParse(doc.dataset);
  if (!dataset.success) notices.push('The story did not say which data it was made on.');
  else if (dataset.data.id !== defaults.dataset.id)
    notices.push(
      `The story was made on the data “${dataset.data.id}”; it is shown on “${defaults.dataset.id}”, so some views may differ.`,
    );
  else if (dataset.data.version !== defaults.dataset.version)
    notices.push('The story was made on another version of this data; some views may differ.');

  if (!Array.isArray(doc.steps)) return { ok: false, error: 'This story has no list of steps.' };
  let rawSteps: unknown[] = doc.steps;
  if (rawSteps.length > MAX_STEPS) {
    notices.push(`Only the first ${MAX_STEPS} of ${rawSteps.length} steps were kept.`);
    rawSteps = rawSteps.slice(0, MAX_STEPS);
  }

  const steps: StoryStepContent[] = [];
  rawSteps.forEach((rawStep, index) => {
    const name = describeStep(index);
    const parsed = looseStepSchema.safeParse(rawStep);
    if (!parsed.success || rawStep === null || Array.isArray(rawStep)) {
      notices.push(`${name} is not a step and was left out.`);
      return;
    }
    const { view, problems } = cleanView(parsed.data.view ?? {}, context);
    if (parsed.data.view === undefined) notices.push(`${name} had no view; it shows all events.`);
    for (const problem of problems) notices.push(`${name}: ${problem}, so it was dropped.`);
    const text = (field: 'title' | 'caption' | 'notes', max: number): string => {
      const value = parsed.data[field];
      if (value === undefined) return '';
      if (typeof value !== 'string') {
        notices.push(`${name}: the ${field} is not text and was dropped.`);
        return '';
      }
      const cleaned = cleanText(value, max);
      if (cleaned.cut) notices.push(`${name}: the ${field} was cut to ${max} characters.`);
      return cleaned.text;
    };
    const stepTitle = text('title', MAX_TITLE_LENGTH).replace(/\n/g, ' ').trim();
    steps.push({
      view,
      title: stepTitle || defaults.stepTitle(view),
      caption: text('caption', MAX_CAPTION_LENGTH),
      notes: text('notes', MAX_NOTES_LENGTH),
    });
  });
  if (rawSteps.length > 0 && steps.length === 0) notices.push('No step of the story could be read.');

  return {
    ok: true,
    story: {
      format: STORY_FORMAT,
      version: STORY_VERSION,
      title,
      dataset: dataset.success ? dataset.data : defaults.dataset,
      steps,
    },
    notices,
  };
}

/** Reads a story from the text of a file or a link: JSON first, then the layout. */
export function readStoryText(
  text: string,
  context: ViewContext,
  defaults: Parameters<typeof readStoryDocument>[2],
): StoryReadResult {
  if (text.length > MAX_STORY_BYTES) return { ok: false, error: 'This file is too large to be a story.' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This is not a Cooperation Atlas story: it is not JSON text.' };
  }
  return readStoryDocument(raw, context, defaults);
}

/** The file name for an export: the title in lower-case words, `.story.json`. */
export function storyFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'story'}.story.json`;
}
