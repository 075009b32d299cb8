import type { AtlasMapOptions } from './atlas-map.ts';
import { AtlasMap } from './atlas-map.ts';

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

let early: MapHost | null = null;

/** Keeps a map made before the data arrived for the view that will show the data. */
export function holdEarlyMap(host: MapHost): void {
  if (early && early !== host) destroyMapHost(early);
  early = host;
}

/** The map made early, if one was and it fits the asking view; at most once. */
export function claimEarlyMap(wanted: { cooperativeGestures: boolean }): MapHost | null {
  const host = early;
  early = null;
  if (host && host.atlas.cooperativeGestures !== wanted.cooperativeGestures) {
    destroyMapHost(host);
    return null;
  }
  return host;
}

/** For a page that will not show a map after all (the data failed to load). */
export function discardEarlyMap(): void {
  if (early) destroyMapHost(early);
  early = null;
}

export function destroyMapHost(host: MapHost): void {
  host.atlas.destroy();
  host.element.remove();
}
