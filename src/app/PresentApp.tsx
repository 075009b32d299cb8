import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { filterEvents } from '../domain/event-filter.ts';
import { countSentence } from '../domain/filter-labels.ts';
import { regionPoints } from '../domain/partner-regions.ts';
import { HOST_ISO3 } from '../domain/selection.ts';
import type { StoryStep } from '../domain/story-steps.ts';
import { deriveStorySteps } from '../domain/story-steps.ts';
import { parseCamera, parseViewState } from '../domain/view-state.ts';
import type { AtlasData } from '../features/dataset/dataset-query.ts';
import { Legend } from '../features/legend/Legend.tsx';
import type { StoryCommand } from '../features/presenter/story-keys.ts';
import { useStoryCaptions } from '../features/presenter/story-query.ts';
import { isStepMove, useStepKeys } from '../features/presenter/use-step-keys.ts';
import { useStoryStep } from '../features/presenter/use-story-step.ts';
import '../features/presenter/presenter.css';
import type { AtlasMap } from '../map/atlas-map.ts';
import { MapView } from '../map/MapView.tsx';
import { useAtlasView } from './use-atlas-view.ts';
import { urlForView } from './use-view-state.ts';

const dataNameOf = (search: string) => new URLSearchParams(search).get('data') ?? 'events';

function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** The audience view: one step of the story at a time, full screen, driven by keys or a clicker. */
export function PresentApp({ data, story }: { data: AtlasData; story?: StoryStep[] }) {
  const view = useAtlasView(data);
  const { dataset, context, applyParams, features } = view;
  const captions = useStoryCaptions(dataNameOf(window.location.search));
  const steps = useMemo(
    () => story ?? deriveStorySteps(dataset, captions.data ?? {}, context),
    [story, dataset, captions.data, context],
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

  // The step's own events, worked out in the render that shows its title: the view above reaches
  // the state only after this render, and its count a deferred render later, so the caption's
  // count and the framing read the step itself, never the step before it.
  const stepShown = useMemo(
    () => (current ? filterEvents(view.items, parseViewState(current.params, context).state) : view.shown),
    [current, context, view.items, view.shown],
  );

  // One world on screen, and labels that read from the back of a room.
  useEffect(() => {
    atlas?.setPresentation(true);
  }, [atlas]);

  // Frame what the caption is about: the step's events, their partner countries and China,
  // inside the part of the screen the caption card (and the legend) leave free.
  useEffect(() => {
    if (!atlas || !current) return;
    const frame = atlas.map.getContainer().getBoundingClientRect();
    const side = Math.min(60, frame.width * 0.05);
    const padding = { top: side, right: side, bottom: side, left: side };
    const card = captionRef.current?.getBoundingClientRect();
    const legend = atlas.map.getContainer().parentElement?.querySelector('.legend')?.getBoundingClientRect();
    if (card && card.right < frame.left + frame.width / 2) {
      // A side card: the map's free part is to its right.
      padding.left = Math.max(card.right, legend?.right ?? 0) - frame.left + side / 2;
    } else if (card) {
      padding.bottom = Math.min(frame.bottom - card.top + side / 2, frame.height * 0.6);
      if (legend) padding.top = Math.max(padding.top, legend.bottom - frame.top + 12);
    }
    padding.left = Math.min(padding.left, frame.width * 0.6);
    // A step saved with the map's framing (a person's own story) shows that framing, centred in
    // the part of the screen the caption card leaves free (as far as one world on this screen allows).
    const camera = current.params.map ? parseCamera(current.params.map) : undefined;
    if (camera) {
      const offset: [number, number] = [
        (padding.left - padding.right) / 2,
        (padding.top - padding.bottom) / 2,
      ];
      const target = { center: [camera.lon, camera.lat] as [number, number], zoom: camera.zoom, offset };
      if (prefersReducedMotion()) atlas.map.easeTo({ ...target, duration: 0 });
      else atlas.map.flyTo(target);
      return;
    }
    const shownIds = new Set(stepShown.map((e) => e.id));
    const places = features.features
      .filter((f) => shownIds.has(f.properties.eventId))
      .map((f) => f.geometry.coordinates as [number, number]);
    const partners = [HOST_ISO3, ...new Set(stepShown.flatMap((e) => e.partners.map((p) => p.iso3)))].flatMap(
      (iso3) => {
        const point = view.countryPoints.get(iso3);
        return point ? [[point.lon, point.lat] as [number, number]] : [];
      },
    );
    const everything = current.key === 'opening' || current.key === 'closing';
    atlas.fitPoints(everything ? [] : [...places, ...partners, ...regionPoints(stepShown)], {
      padding,
      animate: !prefersReducedMotion(),
      maxZoom: 4,
    });
  }, [atlas, current, stepShown, view.countryPoints, features]);

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
      <h1 className="visually-hidden">Cooperation Atlas: presenter mode</h1>
      <MapView
        label="Map of the story's events"
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
          <p className="story-count" aria-live="polite">
            Step {step} of {steps.length}
          </p>
          <h2 className="story-title" dir="auto">
            {current.title}
          </h2>
          <p className="story-text" dir="auto">
            {current.caption}
          </p>
          <p className="story-meta">
            {countSentence(stepShown.length, dataset.events.length)}
            {stepShown.length === 0 &&
              ': this step shows no events (the data may have changed since it was made)'}
          </p>
          <div className="story-nav">
            <button
              type="button"
              onClick={() => run({ type: 'previous' })}
              disabled={step <= 1}
              aria-label="Previous step"
            >
              ‹ Previous
            </button>
            <button
              type="button"
              onClick={() => run({ type: 'next' })}
              disabled={step >= steps.length}
              aria-label="Next step"
            >
              Next ›
            </button>
          </div>
        </div>
      )}
      <div className="story-tools">
        <button type="button" onClick={() => run({ type: 'fullscreen' })}>
          Full screen (F)
        </button>
        <button type="button" onClick={openSpeaker}>
          Speaker view
        </button>
        <button type="button" onClick={exit}>
          Explore (Esc)
        </button>
      </div>
      {blackout && (
        <button type="button" className="blackout" data-testid="blackout" onClick={() => setBlackout(false)}>
          <span className="visually-hidden">Screen blacked out; press B to bring it back</span>
        </button>
      )}
    </div>
  );
}
