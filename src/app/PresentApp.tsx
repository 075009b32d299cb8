import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { countSentence } from '../domain/filter-labels.ts';
import type { StoryStep } from '../domain/story-steps.ts';
import { deriveStorySteps } from '../domain/story-steps.ts';
import type { AtlasData } from '../features/dataset/dataset-query.ts';
import { Legend } from '../features/legend/Legend.tsx';
import type { StoryCommand } from '../features/presenter/story-keys.ts';
import { useStoryCaptions } from '../features/presenter/story-query.ts';
import { isStepMove, useStepKeys } from '../features/presenter/use-step-keys.ts';
import { useStoryStep } from '../features/presenter/use-story-step.ts';
import '../features/presenter/presenter.css';
import { useWords } from '../i18n/use-words.ts';
import type { AtlasMap } from '../map/atlas-map.ts';
import { MapView } from '../map/MapView.tsx';
import { useAtlasView } from './use-atlas-view.ts';
import { useStepFraming } from './use-step-framing.ts';
import { urlForView } from './use-view-state.ts';

const dataNameOf = (search: string) => new URLSearchParams(search).get('data') ?? 'events';

/** The audience view: one step of the story at a time, full screen, driven by keys or a clicker. */
export function PresentApp({ data, story }: { data: AtlasData; story?: StoryStep[] }) {
  const view = useAtlasView(data);
  const words = useWords();
  const { t } = words;
  const { dataset, context, applyParams, mapEvents } = view;
  const captions = useStoryCaptions(dataNameOf(window.location.search));
  const steps = useMemo(
    () => story ?? deriveStorySteps(dataset, captions.data ?? {}, context, words),
    [story, dataset, captions.data, context, words],
  );
  const { step, move } = useStoryStep(steps.length);
  const current = steps[step - 1];
  const [blackout, setBlackout] = useState(false);
  const [atlas, setAtlas] = useState<AtlasMap | null>(null);
  const captionRef = useRef<HTMLDivElement>(null);

  // A step is a view: apply it whole (replacing, not merging, so nothing leaks from the last step).
  useEffect(() => {
    if (current) applyParams(current.params, true);
  }, [current, applyParams]);

  // One world on screen, and labels that read from the back of a room.
  useEffect(() => {
    atlas?.setPresentation(true);
  }, [atlas]);

  // Frame what the caption is about; the caption's words change when the camera arrives.
  const { captionStep, caption, captionCount } = useStepFraming({
    atlas,
    steps,
    step,
    items: view.items,
    context,
    mapEvents,
    countryPoints: view.countryPoints,
    captionRef,
  });

  const exit = useCallback(() => {
    const url = urlForView(view.state, context, new URL(window.location.href));
    url.searchParams.delete('mode');
    url.searchParams.delete('step');
    url.searchParams.delete('story');
    url.hash = '';
    window.location.assign(url.href);
  }, [view.state, context]);

  const run = useCallback(
    (command: StoryCommand) => {
      if (isStepMove(command)) {
        move(command);
        return;
      }
      switch (command.type) {
        case 'blackout':
          setBlackout((on) => !on);
          break;
        case 'fullscreen':
          if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
          else void document.documentElement.requestFullscreen?.().catch(() => undefined);
          break;
        case 'exit':
          if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
          else exit();
          break;
      }
    },
    [move, exit],
  );

  useStepKeys((command) => {
    // While blacked out only the blackout key itself (and leaving) acts.
    if (blackout && command.type !== 'blackout' && command.type !== 'exit') return false;
    run(command);
    return true;
  });

  const touchStart = useRef<{ x: number; y: number } | null>(null);
  const openSpeaker = () => {
    const url = new URL(window.location.href);
    url.searchParams.set('mode', 'speaker');
    url.searchParams.set('step', String(step));
    window.open(url.href, 'cooperation-atlas-speaker', 'popup,width=960,height=720');
  };

  return (
    <div className="present">
      <h1 className="visually-hidden">{t('present.heading')}</h1>
      <MapView
        label={t('present.mapLabel')}
        {...view.mapProps}
        // The story moves the camera itself; a step's view is not a stored camera.
        camera={null}
        focusPoints={undefined}
        onUserCamera={() => undefined}
        onAtlas={setAtlas}
      >
        <Legend classes={view.scale.classes} />
      </MapView>
      {current && (
        <div
          ref={captionRef}
          className="story-caption"
          onTouchStart={(e) => {
            const t = e.touches[0];
            touchStart.current = t ? { x: t.clientX, y: t.clientY } : null;
          }}
          onTouchEnd={(e) => {
            const start = touchStart.current;
            const t = e.changedTouches[0];
            touchStart.current = null;
            if (!start || !t) return;
            const dx = t.clientX - start.x;
            if (Math.abs(dx) > 50 && Math.abs(dx) > Math.abs(t.clientY - start.y))
              run({ type: dx < 0 ? 'next' : 'previous' });
          }}
        >
          {/* One announcement a step, made when its words appear, not while the camera flies. */}
          <p className="visually-hidden" aria-live="polite">
            {caption && t('story.announce', { step: captionStep, total: steps.length, title: caption.title })}
          </p>
          {/* The step's words and its own count, together, from the step the camera has reached. */}
          <div className="story-words" aria-busy={captionStep !== step}>
            {caption && (
              <>
                <p className="story-count">{t('story.step', { step: captionStep, total: steps.length })}</p>
                <h2 className="story-title" dir="auto">
                  {caption.title}
                </h2>
                <p className="story-text" dir="auto">
                  {caption.caption}
                </p>
                <p className="story-meta">
                  {countSentence(captionCount, dataset.events.length, words)}
                  {captionCount === 0 && t('story.emptyStep')}
                </p>
              </>
            )}
          </div>
          <div className="story-nav">
            <button
              type="button"
              onClick={() => run({ type: 'previous' })}
              disabled={step <= 1}
              aria-label={t('story.previousLabel')}
            >
              {t('story.previous')}
            </button>
            <button
              type="button"
              onClick={() => run({ type: 'next' })}
              disabled={step >= steps.length}
              aria-label={t('story.nextLabel')}
            >
              {t('story.next')}
            </button>
          </div>
        </div>
      )}
      <div className="story-tools">
        <button type="button" onClick={() => run({ type: 'fullscreen' })}>
          {t('present.fullscreen')}
        </button>
        <button type="button" onClick={openSpeaker}>
          {t('present.speaker')}
        </button>
        <button type="button" onClick={exit}>
          {t('present.explore')}
        </button>
      </div>
      {blackout && (
        <button type="button" className="blackout" data-testid="blackout" onClick={() => setBlackout(false)}>
          <span className="visually-hidden">{t('present.blackout')}</span>
        </button>
      )}
    </div>
  );
}
