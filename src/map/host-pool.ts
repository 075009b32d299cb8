// Where a map waits between owners. A map made before React (boot.ts) waits here for the view;
// a view that unmounts hands its map back here. React's StrictMode mounts, unmounts and mounts
// again in development, so a map handed back is kept until the next task and taken again by the
// remount, never destroyed in between (react-map-gl's `reuseMaps` does the same). One slot: the
// app shows one map at a time. No maplibre-gl here, so the rules are tested in Node.

export interface HostPool<T> {
  /**
   * Keeps a host until it is claimed (a map made before its view exists); destroys it at once if
   * a view has already asked (and made its own map): nothing would ever claim it.
   */
  hold(host: T): void;
  /** Takes a host back from a view that unmounted: kept until the next task, then destroyed. */
  release(host: T): void;
  /** The waiting host, if there is one and it fits; one that does not fit is destroyed. */
  claim(fits: (host: T) => boolean): T | null;
  /** The waiting host, left waiting; null if there is none. */
  peek(): T | null;
  /** Destroys the waiting host (the page will not show a map after all). */
  discard(): void;
}

export function createHostPool<T>(
  destroy: (host: T) => void,
  later: (task: () => void) => void = (task) => setTimeout(task, 0),
): HostPool<T> {
  let waiting: T | null = null;
  // Bumped on every change, so a release's deferred destroy knows whether it still applies.
  let generation = 0;

  const put = (host: T) => {
    if (waiting !== null && waiting !== host) destroy(waiting);
    waiting = host;
    generation += 1;
  };

  // A view has asked for a host.
  let claimed = false;

  return {
    hold(host) {
      if (claimed) destroy(host);
      else put(host);
    },
    release(host) {
      put(host);
      const mine = generation;
      later(() => {
        if (generation !== mine || waiting !== host) return;
        waiting = null;
        destroy(host);
      });
    },
    claim(fits) {
      claimed = true;
      const host = waiting;
      waiting = null;
      generation += 1;
      if (host === null) return null;
      if (fits(host)) return host;
      destroy(host);
      return null;
    },
    peek: () => waiting,
    discard() {
      if (waiting !== null) destroy(waiting);
      waiting = null;
      generation += 1;
    },
  };
}
