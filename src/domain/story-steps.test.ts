import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Dataset } from './event-schema.ts';
import { clampStep, deriveStorySteps, stepAfter, storyCaptionsSchema } from './story-steps.ts';
import type { ViewContext } from './view-state.ts';
import { parseViewState, serializeViewState } from './view-state.ts';

const event = (id: string, theme: number) => ({
  id,
  theme,
  title: id,
  summary: 's',
  kind: 'exercise' as const,
  format: 'in-person' as const,
  date: { start: '2021-05-01', end: '2021-05-02', precision: 'day' as const, source: 's' },
  location: { name: 'x', kind: 'venue' as const, lon: 0, lat: 0, source: 's' },
  partners: [{ iso3: 'RUS', name: 'Russia', basis: 'named' as const, source: 's' }],
  sources: [{ id: 's', title: 't', url: 'https://example.org' }],
});

const dataset: Dataset = {
  version: 1,
  source: { title: 'Highlights', url: 'https://example.org', published: '2021-12-23' },
  themes: [
    { id: 1, title: 'One' },
    { id: 2, title: 'Two' },
    { id: 3, title: 'Empty' },
  ],
  events: [event('a', 1), event('b', 2), event('c', 2)],
};
const context: ViewContext = {
  defaults: { from: '2021-01-01', to: '2021-12-31' },
  themes: [1, 2, 3],
  eventIds: new Set(['a', 'b', 'c']),
  countries: new Set(['RUS']),
};

describe('story steps', () => {
  it('are derived from the dataset: an opening, one per theme with events, a closing', () => {
    const steps = deriveStorySteps(dataset, {}, context);
    expect(steps.map((s) => s.key)).toEqual(['opening', 'theme-1', 'theme-2', 'closing']);
    expect(steps[2]?.params).toEqual({ theme: '2' });
    expect(steps[2]?.caption).toBe('2 events.');
    expect(steps[0]?.params).toEqual({});
  });

  it('take captions, notes and view overrides from the curated file', () => {
    const steps = deriveStorySteps(
      dataset,
      {
        opening: { title: 'Hello', caption: 'The year', notes: 'Start wide' },
        themes: { '2': { caption: 'Russia', params: { kind: 'exercise', from: '2021-05-01' } } },
      },
      context,
    );
    expect(steps[0]).toMatchObject({ title: 'Hello', caption: 'The year', notes: 'Start wide' });
    expect(steps[2]?.params).toEqual({ from: '2021-05-01', theme: '2', kind: 'exercise' });
    expect(steps[2]?.caption).toBe('Russia');
  });

  it('drop an override that does not parse, like the URL does', () => {
    const steps = deriveStorySteps(dataset, { themes: { '1': { params: { kind: 'party' } } } }, context);
    expect(steps[1]?.params).toEqual({ theme: '1' });
  });

  it('are each a URL state that parses back to itself', () => {
    const captions = storyCaptionsSchema.parse(parse(readFileSync('data/story.yaml', 'utf8')));
    for (const step of deriveStorySteps(dataset, captions, context)) {
      const { state, dropped } = parseViewState(step.params, context);
      expect(dropped).toEqual([]);
      expect(serializeViewState(state, context)).toEqual(step.params);
    }
  });

  it('land an out-of-range step on the nearest real one', () => {
    expect(clampStep('0', 9)).toBe(1);
    expect(clampStep('42', 9)).toBe(9);
    expect(clampStep('abc', 9)).toBe(1);
    expect(clampStep(null, 9)).toBe(1);
    expect(clampStep('4', 9)).toBe(4);
  });
});

describe('stepAfter', () => {
  it('moves by one, jumps to the ends and to a digit, and stays within the story', () => {
    expect(stepAfter(2, { type: 'next' }, 5)).toBe(3);
    expect(stepAfter(5, { type: 'next' }, 5)).toBe(5);
    expect(stepAfter(1, { type: 'previous' }, 5)).toBe(1);
    expect(stepAfter(3, { type: 'previous' }, 5)).toBe(2);
    expect(stepAfter(3, { type: 'first' }, 5)).toBe(1);
    expect(stepAfter(3, { type: 'last' }, 5)).toBe(5);
    expect(stepAfter(1, { type: 'goto', step: 4 }, 5)).toBe(4);
    expect(stepAfter(1, { type: 'goto', step: 9 }, 5)).toBe(5);
  });
});
