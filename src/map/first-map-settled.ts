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
