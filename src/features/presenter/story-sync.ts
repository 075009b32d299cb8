import { useEffect, useRef } from 'react';

// The audience window and the speaker window move together: whichever moves tells the other.
const CHANNEL = 'cooperation-atlas-story';

export type StoryMessage = { type: 'step'; step: number } | { type: 'hello' };

export function useStorySync(step: number, onRemoteStep: (step: number) => void) {
  const channelRef = useRef<BroadcastChannel | null>(null);
  const remote = useRef(onRemoteStep);
  remote.current = onRemoteStep;
  const stepRef = useRef(step);
  stepRef.current = step;
  const lastHeard = useRef<number | null>(null);

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(CHANNEL);
    channelRef.current = channel;
    channel.onmessage = (event: MessageEvent<StoryMessage>) => {
      const message = event.data;
      if (message?.type === 'hello') {
        channel.postMessage({ type: 'step', step: stepRef.current } satisfies StoryMessage);
      } else if (
        message?.type === 'step' &&
        Number.isInteger(message.step) &&
        message.step !== stepRef.current
      ) {
        lastHeard.current = message.step;
        remote.current(message.step);
      }
    };
    channel.postMessage({ type: 'hello' } satisfies StoryMessage);
    return () => {
      channel.close();
      channelRef.current = null;
    };
  }, []);

  const first = useRef(true);
  useEffect(() => {
    // Opening a window does not move the others (it asks with 'hello' instead), and a step we
    // just heard about is not echoed back.
    if (first.current) {
      first.current = false;
      return;
    }
    if (lastHeard.current === step) {
      lastHeard.current = null;
      return;
    }
    channelRef.current?.postMessage({ type: 'step', step } satisfies StoryMessage);
  }, [step]);
}
