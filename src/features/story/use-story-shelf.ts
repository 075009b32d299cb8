import { useCallback, useEffect, useRef, useState } from 'react';
import type { StoryShelf } from '../../domain/story-edit.ts';
import type { StorageProblem } from './story-storage.ts';
import { loadShelf, STORAGE_KEY, saveShelf } from './story-storage.ts';

/** The shelf of stories, written to the browser's storage after every change. */
export function useStoryShelf() {
  const [initial] = useState(loadShelf);
  const [shelf, setShelf] = useState<StoryShelf>(initial.shelf);
  const [problem, setProblem] = useState<StorageProblem | null>(initial.problem);
  const changed = useRef(false);

  useEffect(() => {
    if (!changed.current) return;
    const result = saveShelf(shelf);
    setProblem((before) => result ?? (before === 'unreadable' ? before : null));
  }, [shelf]);

  // Another tab of the Atlas changed the stories: show its version rather than overwrite it later.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== STORAGE_KEY) return;
      changed.current = false;
      setShelf(loadShelf().shelf);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const update = useCallback((change: (shelf: StoryShelf) => StoryShelf) => {
    changed.current = true;
    setShelf(change);
  }, []);

  return { shelf, update, problem };
}
