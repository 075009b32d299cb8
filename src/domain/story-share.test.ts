import { describe, expect, it } from 'vitest';
import type { StoryDocument } from './story-document.ts';
import { STORY_FORMAT } from './story-document.ts';
import { decodeStory, encodeStory, StoryLinkError, shareUrl, storyFromHash } from './story-share.ts';

const story: StoryDocument = {
  format: STORY_FORMAT,
  version: 1,
  title: 'Ties — مرحبا',
  dataset: { id: 'events', version: 1 },
  steps: Array.from({ length: 12 }, (_, i) => ({
    view: { kind: 'exercise', country: 'RUS' },
    title: `Step ${i}`,
    caption: 'A caption\nwith two lines',
    notes: 'Notes that repeat. '.repeat(10),
  })),
};

describe('share links', () => {
  it('round-trip a story through the URL fragment, smaller than its JSON', async () => {
    const encoded = await encodeStory(story);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encoded.length).toBeLessThan(JSON.stringify(story).length / 3);
    const url = shareUrl(new URL('https://example.org/atlas/?kind=patrol#x'), encoded, 'events');
    expect(url).toBe(`https://example.org/atlas/?mode=present#story=${encoded}`);
    const hash = new URL(url).hash;
    expect(JSON.parse(await decodeStory(storyFromHash(hash) ?? ''))).toEqual(story);
  });

  it('say a cut or altered link is incomplete, whatever the cut', async () => {
    const encoded = await encodeStory(story);
    for (const cut of [1, 2, 3, 5, Math.floor(encoded.length / 2), encoded.length - 3]) {
      await expect(decodeStory(encoded.slice(0, cut))).rejects.toThrow(StoryLinkError);
    }
    await expect(decodeStory(`${encoded}!`)).rejects.toThrow(/incomplete or damaged/);
    await expect(decodeStory('')).rejects.toThrow(/empty/);
    expect(storyFromHash('')).toBeNull();
  });
});
