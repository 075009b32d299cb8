import { useEffect, useState } from 'react';
import type { StoryDocument } from '../../domain/story-document.ts';
import { readStoryText } from '../../domain/story-document.ts';
import { decodeStory, StoryLinkError, storyFromHash } from '../../domain/story-share.ts';
import type { StoryStep } from '../../domain/story-steps.ts';
import type { ViewContext } from '../../domain/view-state.ts';
import { loadShelf } from './story-storage.ts';

// Which story the presenter plays: a shared one carried in the link's fragment (`#story=`), one
// saved in this browser (`?story=ID`), or, with neither, the built-in story.

export type PresentedStory =
  | { status: 'built-in' }
  | { status: 'pending' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      title: string;
      steps: StoryStep[];
      /** Set when the story came with the link, so the audience can keep a copy. */
      shared: { document: StoryDocument; notices: string[] } | null;
    };

export function stepsOf(doc: Pick<StoryDocument, 'steps'>): StoryStep[] {
  return doc.steps.map((s, i) => ({
    key: `step-${i + 1}`,
    title: s.title,
    caption: s.caption,
    notes: s.notes,
    params: s.view,
  }));
}

export function usePresentedStory(
  context: ViewContext,
  defaults: Parameters<typeof readStoryText>[2],
): PresentedStory {
  const [hash] = useState(() => storyFromHash(window.location.hash));
  const [savedId] = useState(() => new URLSearchParams(window.location.search).get('story'));
  const [result, setResult] = useState<PresentedStory>(() => {
    if (hash !== null) return { status: 'pending' };
    if (savedId === null) return { status: 'built-in' };
    const { shelf, problem } = loadShelf();
    const story = shelf.stories.find((s) => s.id === savedId);
    if (story) return { status: 'ready', title: story.title, steps: stepsOf(story), shared: null };
    return {
      status: 'error',
      message:
        problem === 'unavailable'
          ? 'This browser is not letting the Atlas read its saved stories, so the story cannot be shown.'
          : 'This story is not saved in this browser. It may have been deleted, or saved in another browser: open it there, or ask for its share link or file.',
    };
  });

  // The link is read once, as the page opens; the context is fixed for the page's life.
  // biome-ignore lint/correctness/useExhaustiveDependencies: read once on open.
  useEffect(() => {
    if (hash === null) return;
    let cancelled = false;
    decodeStory(hash)
      .then((text) => {
        const read = readStoryText(text, context, defaults);
        if (cancelled) return;
        if (!read.ok) setResult({ status: 'error', message: read.error });
        else
          setResult({
            status: 'ready',
            title: read.story.title,
            steps: stepsOf(read.story),
            shared: { document: read.story, notices: read.notices },
          });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        setResult({
          status: 'error',
          message: error instanceof StoryLinkError ? error.message : 'This story link could not be read.',
        });
      });
    return () => {
      cancelled = true;
    };
  }, [hash]);

  return result;
}
