import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

// MapLibre starts its worker only once its own code (most of the page's) has been downloaded and
// evaluated, and a worker's start-up needs the page's main thread, which is then busy making the
// map, evaluating the app and reading the data: the worker was measured taking 700 ms from its
// request to its first message. Started here, from the page's entry, it is up while the main
// thread still waits for the network, and MapLibre's first request for a worker gets this one.
// MapLibre has no way to be handed a worker, so that request is caught at the constructor.

/** MapLibre's worker script; atlas-map.ts gives MapLibre the same URL. */
export const mapWorkerUrl = workerUrl;

export function startMapWorkerEarly(): void {
  if (typeof Worker === 'undefined') return;
  const NativeWorker = window.Worker;
  let early: Worker | undefined;
  try {
    early = new NativeWorker(workerUrl, { type: 'module' });
  } catch {
    return;
  }
  const target = new URL(workerUrl, document.baseURI).href;
  // Called with `new`, a function that returns an object gives that object.
  function EarlyStartedWorker(url: string | URL, options?: WorkerOptions): Worker {
    if (early && options?.type === 'module' && new URL(url, document.baseURI).href === target) {
      const worker = early;
      early = undefined;
      window.Worker = NativeWorker;
      return worker;
    }
    return new NativeWorker(url, options);
  }
  EarlyStartedWorker.prototype = NativeWorker.prototype;
  window.Worker = EarlyStartedWorker as unknown as typeof Worker;
}
