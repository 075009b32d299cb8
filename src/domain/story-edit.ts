import type { StoryDocument, StoryStepContent } from './story-document.ts';
import { STORY_FORMAT, STORY_VERSION } from './story-document.ts';

// The editing rules of the Story panel, kept pure so they are tested without a browser: every
// operation returns a new list and never changes the one it was given.

export interface SavedStep extends StoryStepContent {
  /** Stable while the step lives, so React keeps focus on it as it moves. */
  id: string;
}

export interface SavedStory {
  id: string;
  title: string;
  dataset: StoryDocument['dataset'];
  steps: SavedStep[];
  /** ISO time of the last change. */
  updated: string;
}

/** Every story kept in this browser, and which one is open. */
export interface StoryShelf {
  open: string | null;
  stories: SavedStory[];
}

export const EMPTY_SHELF: StoryShelf = { open: null, stories: [] };

export function newId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function moveStep<T>(steps: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= steps.length) return [...steps];
  const target = Math.min(Math.max(to, 0), steps.length - 1);
  const next = [...steps];
  const [moved] = next.splice(from, 1);
  next.splice(target, 0, moved as T);
  return next;
}

export function duplicateStep(steps: readonly SavedStep[], index: number, id = newId()): SavedStep[] {
  const step = steps[index];
  if (!step) return [...steps];
  const copy: SavedStep = { ...step, view: { ...step.view }, id };
  return [...steps.slice(0, index + 1), copy, ...steps.slice(index + 1)];
}

export interface RemovedStep {
  step: SavedStep;
  index: number;
}

export function removeStep(
  steps: readonly SavedStep[],
  id: string,
): { steps: SavedStep[]; removed: RemovedStep | null } {
  const index = steps.findIndex((s) => s.id === id);
  const step = steps[index];
  if (!step) return { steps: [...steps], removed: null };
  return { steps: steps.filter((s) => s.id !== id), removed: { step, index } };
}

/** Puts a deleted step back where it was (or at the end, if the list has since shrunk). */
export function restoreStep(steps: readonly SavedStep[], removed: RemovedStep): SavedStep[] {
  if (steps.some((s) => s.id === removed.step.id)) return [...steps];
  const at = Math.min(removed.index, steps.length);
  return [...steps.slice(0, at), removed.step, ...steps.slice(at)];
}

export function updateStep(
  steps: readonly SavedStep[],
  id: string,
  patch: Partial<StoryStepContent>,
): SavedStep[] {
  return steps.map((s) => (s.id === id ? { ...s, ...patch } : s));
}

export function toDocument(story: Pick<SavedStory, 'title' | 'dataset' | 'steps'>): StoryDocument {
  return {
    format: STORY_FORMAT,
    version: STORY_VERSION,
    title: story.title,
    dataset: story.dataset,
    steps: story.steps.map(({ view, title, caption, notes }) => ({ view, title, caption, notes })),
  };
}

export function fromDocument(doc: StoryDocument, now: Date, id = newId()): SavedStory {
  return {
    id,
    title: doc.title,
    dataset: doc.dataset,
    steps: doc.steps.map((s) => ({ ...s, id: newId() })),
    updated: now.toISOString(),
  };
}

/** A title not yet used on the shelf: "Copy of X", then "Copy of X (2)". */
export function unusedTitle(shelf: StoryShelf, wanted: string): string {
  const used = new Set(shelf.stories.map((s) => s.title));
  if (!used.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!used.has(`${wanted} (${n})`)) return `${wanted} (${n})`;
}

/** Adds a story to the shelf and opens it. */
export function addStory(shelf: StoryShelf, story: SavedStory): StoryShelf {
  return {
    open: story.id,
    stories: [...shelf.stories, { ...story, title: unusedTitle(shelf, story.title) }],
  };
}

export function replaceStory(shelf: StoryShelf, story: SavedStory): StoryShelf {
  return { ...shelf, stories: shelf.stories.map((s) => (s.id === story.id ? story : s)) };
}

export function removeStory(shelf: StoryShelf, id: string): StoryShelf {
  const stories = shelf.stories.filter((s) => s.id !== id);
  return { open: shelf.open === id ? null : shelf.open, stories };
}
