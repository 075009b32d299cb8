import { useSyncExternalStore } from 'react';

/**
 * One store per query: the answer is read from the MediaQueryList when it changes, not on every
 * render. Asking `matchMedia(query).matches` in the snapshot made the browser bring style up to
 * date twice per render, which at 50,000 events (a table being rebuilt) cost a long task.
 */
interface QueryStore {
  /** Held so the list (and its change listener) lives as long as the store. */
  list: MediaQueryList;
  matches: boolean;
  subscribe: (onChange: () => void) => () => void;
  snapshot: () => boolean;
}

const stores = new Map<string, QueryStore>();

function storeFor(query: string): QueryStore {
  let store = stores.get(query);
  if (!store) {
    const list = window.matchMedia(query);
    const listeners = new Set<() => void>();
    const created: QueryStore = {
      list,
      matches: list.matches,
      subscribe: (onChange) => {
        listeners.add(onChange);
        return () => listeners.delete(onChange);
      },
      snapshot: () => created.matches,
    };
    list.addEventListener('change', (event) => {
      created.matches = event.matches;
      for (const listener of listeners) listener();
    });
    store = created;
    stores.set(query, store);
  }
  return store;
}

/** Whether a media query matches now, kept current as the frame is resized. */
export function useMediaQuery(query: string): boolean {
  const store = storeFor(query);
  return useSyncExternalStore(store.subscribe, store.snapshot);
}
