import { parseCamera } from '../domain/camera.ts';
import { prewarmMapWorkers } from './atlas-map.ts';
import { createMapHost, holdEarlyMap, showWaitingView, takeOfferedView } from './map-host.ts';

// The part of boot.ts that needs MapLibre, loaded by it as a chunk of its own (see boot.ts).

export { prewarmMapWorkers };

/** Makes the map in the loading layout's slot, for the view to adopt once the data is in. */
export function startEarlyMap(slot: HTMLElement, base: string): void {
  if (!slot.isConnected) return;
  try {
    const camera = parseCamera(new URLSearchParams(window.location.search).get('map') ?? '') ?? null;
    const ignore = () => undefined;
    // The data may be in already: its events are then in the map's first style.
    const view = takeOfferedView();
    const host = createMapHost(slot, {
      baseUrl: base,
      camera,
      events: view?.events,
      onStateChange: ignore,
      onSelectEvent: ignore,
      onSelectCountry: ignore,
      onUserCamera: ignore,
    });
    if (view) showWaitingView(host.atlas, view);
    holdEarlyMap(host);
  } catch {
    // The view tries again when it mounts, and reports why the map cannot be drawn.
  }
}
