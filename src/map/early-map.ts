import { parseCamera } from '../domain/camera.ts';
import { prewarmMapWorkers } from './atlas-map.ts';
import { createMapHost, holdEarlyMap } from './map-host.ts';

// The part of boot.ts that needs MapLibre, loaded by it as a chunk of its own (see boot.ts).

export { prewarmMapWorkers };

/** Makes the map in the loading layout's slot, for the view to adopt once the data is in. */
export function startEarlyMap(slot: HTMLElement, base: string): void {
  if (!slot.isConnected) return;
  try {
    const camera = parseCamera(new URLSearchParams(window.location.search).get('map') ?? '') ?? null;
    const ignore = () => undefined;
    holdEarlyMap(
      createMapHost(slot, {
        baseUrl: base,
        camera,
        onStateChange: ignore,
        onSelectEvent: ignore,
        onSelectCountry: ignore,
        onUserCamera: ignore,
      }),
    );
  } catch {
    // The view tries again when it mounts, and reports why the map cannot be drawn.
  }
}
