import type { MapState } from './atlas-map.ts';

// Work the first view does not need (the offline cache's download of the whole app) waits for
// this, so it does not compete with the map for the network and the CPU while the map loads.
let resolveSettled: () => void = () => undefined;

/** Resolves the first time any map on the page is drawn, fails, or is found unsupported. */
export const firstMapSettled = new Promise<void>((resolve) => {
  resolveSettled = resolve;
});

export function noteMapState(state: MapState): void {
  if (state !== 'loading') resolveSettled();
}

/** The longest an idle task takes at once, in ms: well under a long task (50 ms). */
const IDLE_SLICE_MS = 10;

/**
 * Calls `task` in the page's next idle moment, with the time it may still take (in ms, at most
 * IDLE_SLICE_MS); after 5 s without one, it runs anyway with none.
 */
export function whenIdle(task: (timeLeft: () => number) => void): void {
  const slice = (idleLeft: () => number) => {
    const end = performance.now() + IDLE_SLICE_MS;
    task(() => Math.min(idleLeft(), end - performance.now()));
  };
  if ('requestIdleCallback' in window)
    window.requestIdleCallback((deadline) => slice(() => deadline.timeRemaining()), { timeout: 5_000 });
  else setTimeout(() => slice(() => IDLE_SLICE_MS), 0);
}

/**
 * Runs `task` in an idle moment (whenIdle) once the first map has settled, or after `noMapMs` if
 * no map ever does, so work the first view does not need never competes with it.
 */
export function afterFirstMap(task: (timeLeft: () => number) => void, noMapMs = 15_000): void {
  const noMap = new Promise<void>((resolve) => setTimeout(resolve, noMapMs));
  Promise.race([firstMapSettled, noMap]).then(() => whenIdle(task));
}
