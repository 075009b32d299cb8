import { describe, expect, it } from 'vitest';
import { storyCommandFor } from './story-keys.ts';

const key = (k: string, shiftKey = false) =>
  storyCommandFor({ key: k, shiftKey, ctrlKey: false, metaKey: false, altKey: false });

describe('story keys', () => {
  it('map a clicker and the keyboard to story commands', () => {
    for (const k of ['ArrowRight', 'PageDown', ' ', 'n', 'N']) expect(key(k)).toEqual({ type: 'next' });
    for (const k of ['ArrowLeft', 'PageUp', 'p', 'P']) expect(key(k)).toEqual({ type: 'previous' });
    expect(key(' ', true)).toEqual({ type: 'previous' });
    expect(key('Home')).toEqual({ type: 'first' });
    expect(key('End')).toEqual({ type: 'last' });
    expect(key('4')).toEqual({ type: 'goto', step: 4 });
    expect(key('f')).toEqual({ type: 'fullscreen' });
    expect(key('b')).toEqual({ type: 'blackout' });
    expect(key('.')).toEqual({ type: 'blackout' });
    expect(key('Escape')).toEqual({ type: 'exit' });
    expect(key('x')).toBeNull();
    expect(
      storyCommandFor({ key: 'ArrowRight', shiftKey: false, ctrlKey: true, metaKey: false, altKey: false }),
    ).toBeNull();
  });
});
