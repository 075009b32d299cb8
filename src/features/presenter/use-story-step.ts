import { useCallback, useEffect, useState } from 'react';
import { clampStep } from '../../domain/story-steps.ts';
import { useStorySync } from './story-sync.ts';

/** The current step (1-based), kept in the URL as `step=N` and in step with the other window. */
export function useStoryStep(count: number) {
  const [step, setStepState] = useState(() =>
    clampStep(new URLSearchParams(window.location.search).get('step'), count),
  );

  const setStep = useCallback(
    (next: number) => setStepState(Math.min(Math.max(1, next), Math.max(1, count))),
    [count],
  );

  useEffect(() => {
    const url = new URL(window.location.href);
    if (url.searchParams.get('step') === String(step)) return;
    url.searchParams.set('step', String(step));
    window.history.replaceState(window.history.state, '', url);
  }, [step]);

  useStorySync(step, setStep);
  return { step, setStep };
}
