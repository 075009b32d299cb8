import { describe, expect, it } from 'vitest';
import type { StoryDocument } from './story-document.ts';
import {
  cleanText,
  readStoryDocument,
  readStoryText,
  STORY_FORMAT,
  storyFileName,
} from './story-document.ts';
import type { ViewContext } from './view-state.ts';

const context: ViewContext = {
  defaults: { from: '2021-01-01', to: '2021-12-31' },
  themes: [1, 2, 3],
  eventIds: new Set(['zapad-2021']),
  countries: new Set(['RUS', 'PAK']),
};
const defaults = { dataset: { id: 'events', version: 1 }, stepTitle: () => 'Default title' };

const good: StoryDocument = {
  format: STORY_FORMAT,
  version: 1,
  title: 'Russia exercises',
  dataset: { id: 'events', version: 1 },
  steps: [
    {
      view: { kind: 'exercise', from: '2021-08-01', to: '2021-09-30' },
      title: 'Summer',
      caption: 'Two\nlines',
      notes: 'Say hello',
    },
    { view: { country: 'RUS' }, title: 'Russia', caption: '', notes: '' },
  ],
};

describe('reading a story', () => {
  it('keeps a good story exactly, with no notices', () => {
    const result = readStoryDocument(good, context, defaults);
    expect(result).toEqual({ ok: true, story: good, notices: [] });
  });

  it('refuses what is not a story, and a newer layout, saying which', () => {
    for (const raw of [null, 42, 'story', [], { steps: [] }, { format: 'other', version: 1 }]) {
      const result = readStoryDocument(raw, context, defaults);
      expect(result).toEqual({ ok: false, error: 'This is not a Cooperation Atlas story.' });
    }
    const newer = readStoryDocument({ ...good, version: 2 }, context, defaults);
    expect(newer.ok).toBe(false);
    if (!newer.ok) expect(newer.error).toMatch(/newer version .*layout 2.*reads layout 1/);
    expect(readStoryText('{"format": "cooperation-', context, defaults)).toEqual({
      ok: false,
      error: 'This is not a Cooperation Atlas story: it is not JSON text.',
    });
    expect(readStoryDocument({ ...good, steps: 'all' }, context, defaults)).toEqual({
      ok: false,
      error: 'This story has no list of steps.',
    });
  });

  it('drops bad parts with a notice and keeps the rest', () => {
    const result = readStoryDocument(
      {
        ...good,
        title: 42,
        steps: [
          {
            view: { country: 'XYZ', kind: 'exercise', colour: 'red', __proto__x: '1', mode: 'embed' },
            title: '',
          },
          'not a step',
          null,
          { view: { theme: '9' }, caption: { html: '<b>' }, notes: 'ok' },
        ],
      },
      context,
      defaults,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.story.title).toBe('Untitled story');
    expect(result.story.steps).toEqual([
      { view: { kind: 'exercise' }, title: 'Default title', caption: '', notes: '' },
      { view: {}, title: 'Default title', caption: '', notes: 'ok' },
    ]);
    const notices = result.notices.join('\n');
    expect(notices).toMatch(/no title/);
    expect(notices).toMatch(/Step 1: country “XYZ” is not a known ISO/);
    expect(notices).toMatch(/Step 1: the setting “colour” does not exist/);
    expect(notices).toMatch(/Step 1: the setting “mode” does not exist/);
    expect(notices).toMatch(/Step 2 is not a step/);
    expect(notices).toMatch(/Step 3 is not a step/);
    expect(notices).toMatch(/Step 4: theme “9” is not a known value/);
    expect(notices).toMatch(/Step 4: the caption is not text/);
  });

  it('keeps markup and right-to-left text as the characters they are, and line breaks', () => {
    const text = '<script>alert(1)</script>\r\nمرحبا <b>bold</b>\u0007';
    expect(cleanText(text, 1000)).toEqual({
      text: '<script>alert(1)</script>\nمرحبا <b>bold</b>',
      cut: false,
    });
    expect(cleanText('abcdef', 3)).toEqual({ text: 'abc', cut: true });
  });

  it('says when the story was made on other data', () => {
    const result = readStoryDocument(
      { ...good, dataset: { id: 'synthetic-50', version: 1 } },
      context,
      defaults,
    );
    expect(result.ok && result.notices).toEqual([
      'The story was made on the data “synthetic-50”; it is shown on “events”, so some views may differ.',
    ]);
  });

  it('names export files after the title', () => {
    expect(storyFileName('China–Africa: ties in 2021!')).toBe('china-africa-ties-in-2021.story.json');
    expect(storyFileName('دراسة')).toBe('story.story.json');
  });
});
