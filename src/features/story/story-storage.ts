import { z } from 'zod';
import { storyStepSchema } from '../../domain/story-document.ts';
import type { StoryShelf } from '../../domain/story-edit.ts';
import { EMPTY_SHELF } from '../../domain/story-edit.ts';
import type { Words } from '../../i18n/words.ts';
import { ENGLISH_WORDS } from '../../i18n/words.ts';

// The stories kept in this browser: one localStorage entry, written on every change (a story is
// a few kilobytes, so a synchronous write costs nothing a person would notice, and a crash or a
// closed tab loses at most the keystroke in flight).

export const STORAGE_KEY = 'cooperation-atlas.stories';

const shelfSchema = z.object({
  version: z.literal(1),
  open: z.string().nullable(),
  stories: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      dataset: z.object({ id: z.string(), version: z.number().int() }),
      updated: z.string(),
      steps: z.array(storyStepSchema.extend({ id: z.string() })),
    }),
  ),
});

export type StorageProblem = 'unavailable' | 'full' | 'unreadable';

export function storageProblemText(problem: StorageProblem, words: Words = ENGLISH_WORDS): string {
  return words.t(`storyPanel.storage.${problem}`);
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function loadShelf(): { shelf: StoryShelf; problem: StorageProblem | null } {
  const store = storage();
  if (!store) return { shelf: EMPTY_SHELF, problem: 'unavailable' };
  let text: string | null;
  try {
    text = store.getItem(STORAGE_KEY);
  } catch {
    return { shelf: EMPTY_SHELF, problem: 'unavailable' };
  }
  if (text === null) return { shelf: EMPTY_SHELF, problem: null };
  let parsed: ReturnType<typeof shelfSchema.safeParse>;
  try {
    parsed = shelfSchema.safeParse(JSON.parse(text));
  } catch {
    parsed = shelfSchema.safeParse(undefined);
  }
  if (parsed.success) {
    const { open, stories } = parsed.data;
    return { shelf: { open: stories.some((s) => s.id === open) ? open : null, stories }, problem: null };
  }
  // Never overwrite what we cannot read: it may be a newer app's layout, or recoverable by hand.
  try {
    store.setItem(`${STORAGE_KEY}.unreadable-${Date.now()}`, text);
    store.removeItem(STORAGE_KEY);
  } catch {
    return { shelf: EMPTY_SHELF, problem: 'unavailable' };
  }
  return { shelf: EMPTY_SHELF, problem: 'unreadable' };
}

export function saveShelf(shelf: StoryShelf): StorageProblem | null {
  const store = storage();
  if (!store) return 'unavailable';
  try {
    store.setItem(STORAGE_KEY, JSON.stringify({ version: 1, ...shelf }));
    return null;
  } catch (error) {
    return error instanceof DOMException && /quota/i.test(error.name) ? 'full' : 'unavailable';
  }
}
