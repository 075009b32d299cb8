import { useEffect, useEffectEvent } from 'react';
import type { StoryCommand } from './story-keys.ts';
import { isTypingTarget, storyCommandFor } from './story-keys.ts';

/**
 * The story's keys, shared by the audience and the speaker windows. `onCommand` returns whether it
 * acted (so the key's default, such as scrolling on Space, is prevented only then). It is read
 * through an effect event: the listener is attached once and always calls the latest `onCommand`.
 */
export function useStepKeys(onCommand: (command: StoryCommand) => boolean) {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (isTypingTarget(event.target)) return;
    const command = storyCommandFor(event);
    if (command && onCommand(command)) event.preventDefault();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}

/** Whether a command moves through the story (the rest are the audience window's own). */
export function isStepMove(
  command: StoryCommand,
): command is Extract<StoryCommand, { type: 'next' | 'previous' | 'first' | 'last' | 'goto' }> {
  return ['next', 'previous', 'first', 'last', 'goto'].includes(command.type);
}
