import { useEffect, useEffectEvent, useRef } from 'react';

// The audience window and the speaker window move together: whichever moves tells the other.
const CHANNEL = 'cooperation-atlas-story';

export type StoryMessage = { type: 'step'; step: number } | { type: 'hello' };

export function useStorySync(step: number, onRemoteStep: (step: number) => void) {
  const channelRef = useRef<BroadcastChannel | null>(null);
  const lastHeard = useRef<number | null>(null);

  // Read through an effect event, so a message always meets the step on screen now.
  const onMessage = useEffectEvent((channel: BroadcastChannel, message: StoryMessage | undefined) => {
    if (message?.type === 'hello') {
      channel.postMessage({ type: 'step', step } satisfies StoryMessage);
    } else if (message?.type === 'step' && Number.isInteger(message.step) && message.step !== step) {
      lastHeard.current = message.step;
      onRemoteStep(message.step);
    }
  });

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(CHANNEL);
    channelRef.current = channel;
    channel.onmessage = (event: MessageEvent<StoryMessage>) => onMessage(channel, event.data);
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
