import { useCallback, useEffect, useState } from 'react';
import type { StepMove } from '../../domain/story-steps.ts';
import { clampStep, stepAfter } from '../../domain/story-steps.ts';
import { useStorySync } from './story-sync.ts';

/** The current step (1-based), kept in the URL as `step=N` and in step with the other window. */
export function useStoryStep(count: number) {
  const [step, setStepState] = useState(() =>
    clampStep(new URLSearchParams(window.location.search).get('step'), count),
  );

  // Moves are functional updates: a key pressed just after the other window moved acts on the
  // step React holds now, not on the one a handler saw at its last render.
  const move = useCallback(
    (to: StepMove) => setStepState((current) => stepAfter(current, to, count)),
    [count],
  );
  const goTo = useCallback((step: number) => move({ type: 'goto', step }), [move]);

  useEffect(() => {
    const url = new URL(window.location.href);
    if (url.searchParams.get('step') === String(step)) return;
    url.searchParams.set('step', String(step));
    window.history.replaceState(window.history.state, '', url);
  }, [step]);

  useStorySync(step, goTo);
  return { step, move };
}
