import type { RefObject } from 'react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { MapEvents } from '../domain/event-features.ts';
import type { IndexedEvent } from '../domain/event-filter.ts';
import { filterEvents } from '../domain/event-filter.ts';
import type { AtlasEvent } from '../domain/event-schema.ts';
import { regionPoints } from '../domain/partner-regions.ts';
import { HOST_ISO3 } from '../domain/selection.ts';
import type { StoryStep } from '../domain/story-steps.ts';
import type { ViewContext } from '../domain/view-state.ts';
import { parseCamera, parseViewState } from '../domain/view-state.ts';
import type { AtlasMap, MapPadding } from '../map/atlas-map.ts';

/**
 * The events a step shows, from the step's own view: the view on screen follows a step one
 * deferred render later, and a frame made from it would be the last step's.
 */
function stepEvents(items: readonly IndexedEvent[], step: StoryStep | undefined, context: ViewContext) {
  return step ? filterEvents(items, parseViewState(step.params, context).state) : [];
}

/** Where a step's events are and who took part: their places, their partners, China, and the regions of unnamed partners. */
function framePoints(
  events: readonly AtlasEvent[],
  mapEvents: MapEvents,
  countryPoints: ReadonlyMap<string, { lon: number; lat: number }>,
): [number, number][] {
  const ids = new Set(events.map((e) => e.id));
  const places = mapEvents.points.features
    .filter((f) => ids.has(mapEvents.eventIds[Number(f.id)] ?? ''))
    .map((f) => f.geometry.coordinates as [number, number]);
  const partners = [HOST_ISO3, ...new Set(events.flatMap((e) => e.partners.map((p) => p.iso3)))].flatMap(
    (iso3) => {
      const point = countryPoints.get(iso3);
      return point ? [[point.lon, point.lat] as [number, number]] : [];
    },
  );
  return [...places, ...partners, ...regionPoints(events)];
}

/**
 * The part of the map nothing covers: right of a side card (or above a bottom one), below the
 * legend, clear of the tools and zoom buttons at the top right. Measured each time, so a resize
 * or full screen frames into the new free part.
 */
function freePart(root: HTMLElement, map: HTMLElement, card: HTMLElement | null): MapPadding {
  const frame = map.getBoundingClientRect();
  const side = Math.min(60, frame.width * 0.05);
  const gap = side / 2;
  const padding = { top: side, right: side, bottom: side, left: side };
  const box = (selector: string) => {
    const r = root.querySelector(selector)?.getBoundingClientRect();
    return r && r.width > 0 && r.height > 0 ? r : undefined;
  };
  const legend = box('.legend');
  const tools = box('.story-tools');
  const controls = box('.map-controls');
  const caption = card?.getBoundingClientRect();
  if (caption && caption.right < frame.left + frame.width / 2) {
    // A side card at the left: the free part is to its right (the legend sits above it).
    padding.left = Math.max(caption.right, legend?.right ?? 0) - frame.left + gap;
  } else if (caption) {
    padding.bottom = frame.bottom - caption.top + gap;
    if (legend) padding.top = Math.max(padding.top, legend.bottom - frame.top + gap);
  }
  if (tools) padding.top = Math.max(padding.top, tools.bottom - frame.top + gap);
  if (controls) padding.right = Math.max(padding.right, frame.right - controls.left + gap);
  // A small screen still gets a frame: never pad away more than most of either direction.
  padding.left = Math.min(padding.left, frame.width * 0.6);
  padding.bottom = Math.min(padding.bottom, frame.height * 0.6);
  return padding;
}

/**
 * Frames each step (its events, their partners and China, or one world for the opening and
 * closing) inside the part of the screen the caption card and the controls leave free, and
 * says which step the caption shows: the new step's words appear when the camera arrives, so
 * the audience reads about what it sees.
 */
export function useStepFraming(options: {
  atlas: AtlasMap | null;
  steps: readonly StoryStep[];
  step: number;
  items: readonly IndexedEvent[];
  context: ViewContext;
  mapEvents: MapEvents;
  countryPoints: ReadonlyMap<string, { lon: number; lat: number }>;
  captionRef: RefObject<HTMLElement | null>;
}) {
  const { atlas, steps, step, items, context, mapEvents, countryPoints, captionRef } = options;
  const current = steps[step - 1];
  const events = useMemo(() => stepEvents(items, current, context), [items, current, context]);
  // No words until the first frame is reached (at once, without a flight): a caption never
  // describes a map the audience cannot see yet.
  const [arrivedStep, setArrivedStep] = useState(0);
  const flown = useRef(false);

  useEffect(() => {
    if (!atlas || !current) return;
    const map = atlas.map.getContainer();
    const root = (map.closest('.present') as HTMLElement | null) ?? document.body;
    const world = current.key === 'opening' || current.key === 'closing';
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const animate = flown.current && !reduced;
    flown.current = true;
    let live = true;
    // A step saved with the map's framing (a person's own story) shows that framing instead.
    const camera = current.params.map ? parseCamera(current.params.map) : undefined;
    void atlas
      .fitPoints(world || camera ? [] : framePoints(events, mapEvents, countryPoints), {
        camera,
        padding: () => freePart(root, map, captionRef.current),
        animate,
        maxZoom: 4,
        // The padding becomes the map's own, so the single world of the opening sits beside
        // the card instead of filling the screen under it.
        ownPadding: true,
      })
      .then(() => {
        if (live) setArrivedStep(step);
      });
    return () => {
      live = false;
    };
  }, [atlas, current, step, events, mapEvents, countryPoints, captionRef]);

  // Without a map (no WebGL) there is no camera to wait for.
  const captionStep = atlas ? Math.min(arrivedStep, steps.length) : step;
  const caption = steps[captionStep - 1];
  const captionEvents = useMemo(() => stepEvents(items, caption, context), [items, caption, context]);
  return { captionStep, caption, captionCount: captionEvents.length };
}
