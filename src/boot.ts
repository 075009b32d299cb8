import type { AppMode } from './app/app-mode.ts';
import { appMode } from './app/app-mode.ts';
import { removeLoadingShell, showLoadingShell } from './app/loading-shell.ts';
import { dataFiles, requestedDataName } from './features/dataset/data-name.ts';
import { startDownload } from './features/dataset/early-download.ts';
import { startMapWorkerEarly } from './map/early-worker.ts';
import { webglSupported } from './map/webgl.ts';

// What the page does before the app proper is even loaded (see main.tsx): it starts what a first
// view waits on, side by side instead of one after the other: the data's download, MapLibre's
// worker, and in the explorer the map itself, drawn into the static loading layout of index.html
// and adopted later by the view (see map-host.ts).

let earlyMapTried: () => void = () => undefined;

/**
 * Resolves once the map made in the loading layout exists, or will not be made. The app renders
 * its view after this, so the view adopts that map instead of racing it with a map of its own.
 */
export const earlyMapMade = new Promise<void>((resolve) => {
  earlyMapTried = resolve;
});

export function boot(): void {
  const mode = appMode();
  if (mode !== 'explore') removeLoadingShell();
  bootMap(mode);
}

function bootMap(mode: AppMode): void {
  if (mode === 'speaker') {
    earlyMapTried();
    return;
  }
  const base = import.meta.env.BASE_URL;
  const files = dataFiles(requestedDataName());
  startDownload(`${base}${files.events}`);
  startDownload(`${base}${files.countryPoints}`);
  const slot = mode === 'explore' ? showLoadingShell() : undefined;
  if (!slot) earlyMapTried();
  if (!webglSupported()) {
    earlyMapTried();
    return;
  }
  startMapWorkerEarly();
  // MapLibre is most of the page's code: imported here rather than by this module, it downloads
  // alongside the data and the app instead of holding back the requests for both until it has
  // been fetched and evaluated.
  import('./map/early-map.ts').then(
    ({ prewarmMapWorkers, startEarlyMap }) => {
      prewarmMapWorkers();
      if (!slot) return;
      // After the first frame: before it, the browser is still setting up its compositor, and
      // MapLibre's WebGL context waits on that (measured: 300 ms and more where WebGL is drawn
      // by the CPU, against tens once the page has painted).
      setTimeout(() => {
        startEarlyMap(slot, base);
        earlyMapTried();
      }, 0);
    },
    () => earlyMapTried(),
  );
}
