import { describe, expect, it } from 'vitest';
import type { SavedStep, StoryShelf } from './story-edit.ts';
import {
  addStory,
  duplicateStep,
  moveStep,
  removeStep,
  removeStory,
  restoreStep,
  updateStep,
} from './story-edit.ts';

const step = (id: string): SavedStep => ({
  id,
  view: { kind: 'exercise' },
  title: id,
  caption: '',
  notes: '',
});
const ids = (steps: SavedStep[]) => steps.map((s) => s.id);
const abc = [step('a'), step('b'), step('c')];

describe('editing steps', () => {
  it('moves a step up, down and to any place, staying in bounds', () => {
    expect(ids(moveStep(abc, 0, 1))).toEqual(['b', 'a', 'c']);
    expect(ids(moveStep(abc, 2, 1))).toEqual(['a', 'c', 'b']);
    expect(ids(moveStep(abc, 0, 2))).toEqual(['b', 'c', 'a']);
    expect(ids(moveStep(abc, 0, -1))).toEqual(['a', 'b', 'c']);
    expect(ids(moveStep(abc, 2, 3))).toEqual(['a', 'b', 'c']);
    expect(ids(abc)).toEqual(['a', 'b', 'c']);
  });

  it('duplicates a step just after itself, with its own id and view', () => {
    const next = duplicateStep(abc, 1, 'b2');
    expect(ids(next)).toEqual(['a', 'b', 'b2', 'c']);
    expect(next[2]?.view).toEqual(next[1]?.view);
    expect(next[2]?.view).not.toBe(next[1]?.view);
  });

  it('deletes a step and puts it back where it was', () => {
    const { steps, removed } = removeStep(abc, 'b');
    expect(ids(steps)).toEqual(['a', 'c']);
    expect(removed).toEqual({ step: abc[1], index: 1 });
    if (!removed) return;
    expect(ids(restoreStep(steps, removed))).toEqual(['a', 'b', 'c']);
    expect(ids(restoreStep([], removed))).toEqual(['b']);
    expect(ids(restoreStep(abc, removed))).toEqual(['a', 'b', 'c']);
    expect(removeStep(abc, 'zz').removed).toBeNull();
  });

  it('edits one step only', () => {
    const next = updateStep(abc, 'c', { notes: 'line 1\nline 2' });
    expect(next[2]?.notes).toBe('line 1\nline 2');
    expect(next[0]).toBe(abc[0]);
  });
});

describe('the shelf of stories', () => {
  it('opens a story added, gives it an unused title, and closes it when deleted', () => {
    const story = { id: 's1', title: 'Talk', dataset: { id: 'events', version: 1 }, steps: [], updated: '' };
    let shelf: StoryShelf = addStory({ open: null, stories: [] }, story);
    expect(shelf.open).toBe('s1');
    shelf = addStory(shelf, { ...story, id: 's2' });
    expect(shelf.stories.map((s) => s.title)).toEqual(['Talk', 'Talk (2)']);
    shelf = removeStory(shelf, 's2');
    expect(shelf).toEqual({ open: null, stories: [{ ...story }] });
  });
});
