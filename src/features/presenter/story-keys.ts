// What each key does in the story: a clicker sends PageDown/PageUp, and its blank button "B" or ".".

export type StoryCommand =
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'goto'; step: number }
  | { type: 'fullscreen' }
  | { type: 'blackout' }
  | { type: 'exit' };

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range'].includes(type);
}

export function storyCommandFor(
  event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>,
): StoryCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  switch (event.key) {
    case 'ArrowRight':
    case 'PageDown':
    case 'n':
    case 'N':
      return { type: 'next' };
    case ' ':
    case 'Spacebar':
      return event.shiftKey ? { type: 'previous' } : { type: 'next' };
    case 'ArrowLeft':
    case 'PageUp':
    case 'p':
    case 'P':
      return { type: 'previous' };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
    case 'f':
    case 'F':
      return { type: 'fullscreen' };
    case 'b':
    case 'B':
    case '.':
      return { type: 'blackout' };
    case 'Escape':
      return { type: 'exit' };
    default:
      return /^[1-9]$/.test(event.key) ? { type: 'goto', step: Number(event.key) } : null;
  }
}
