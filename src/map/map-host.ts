import type { ExpressionSpecification } from 'maplibre-gl';
import type { MapEvents } from '../domain/event-features.ts';
import type { AtlasMapOptions } from './atlas-map.ts';
import { AtlasMap } from './atlas-map.ts';
import { createHostPool } from './host-pool.ts';

/**
 * A map and the element MapLibre draws into. The element is ours, not React's, so a map made
 * while the data loads (in the loading screen's map slot) can be moved into the view that shows
 * the data without being made again: the basemap download and the WebGL set-up, most of the
 * time to a first map, overlap the data's download and the first render instead of following them.
 */
export interface MapHost {
  element: HTMLDivElement;
  atlas: AtlasMap;
}

export function createMapHost(slot: HTMLElement, options: Omit<AtlasMapOptions, 'container'>): MapHost {
  const element = document.createElement('div');
  element.className = 'map-canvas-host';
  slot.append(element);
  try {
    return { element, atlas: new AtlasMap({ ...options, container: element }) };
  } catch (error) {
    element.remove();
    throw error;
  }
}

const pool = createHostPool<MapHost>(destroyMapHost);

/** Keeps a map made before the data arrived for the view that will show the data. */
export function holdEarlyMap(host: MapHost): void {
  pool.hold(host);
}

/**
 * The waiting map (made early, or handed back by a view that unmounted), if there is one and it
 * fits the asking view; else null and the view makes its own.
 */
export function claimMapHost(wanted: { cooperativeGestures: boolean }): MapHost | null {
  offered = null;
  return pool.claim((host) => host.atlas.cooperativeGestures === wanted.cooperativeGestures);
}

/** A view's map, handed back on unmount: a remount right after (StrictMode) takes it again. */
export function releaseMapHost(host: MapHost): void {
  pool.release(host);
}

/** What a first view will show: the events, with their filter and time window. */
export interface WaitingView {
  events: MapEvents;
  filter: ExpressionSpecification;
  globalState: Record<string, unknown>;
}

// The data can be in before the early map is made (its chunk still downloading): the map takes it then.
let offered: WaitingView | null = null;

/**
 * Gives the waiting map the events it will show, with their filter and time window, before the
 * view that adopts it exists: the view's own calls with the same values then change nothing, so
 * the events are tiled once. Without a waiting map yet, the map made early takes them when made.
 */
export function offerToWaitingMap(view: WaitingView): void {
  const atlas = pool.peek()?.atlas;
  if (!atlas) {
    offered = view;
    return;
  }
  offered = null;
  // The loading layout has just been fitted to the data (fitLoadingShellTo), around this map.
  atlas.fitContainer();
  showWaitingView(atlas, view);
}

/** The view offered before the early map was made, taken once. */
export function takeOfferedView(): WaitingView | null {
  const view = offered;
  offered = null;
  return view;
}

export function showWaitingView(atlas: AtlasMap, view: WaitingView): void {
  // Filter and window first: the worker's first tiles of the events are then the right ones.
  atlas.setEventFilter(view.filter);
  atlas.setGlobalState(view.globalState);
  atlas.setEvents(view.events);
}

/** For a page that will not show a map after all (the data failed to load). */
export function discardEarlyMap(): void {
  pool.discard();
}

export function destroyMapHost(host: MapHost): void {
  host.atlas.destroy();
  host.element.remove();
}
