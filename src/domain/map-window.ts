import type { ExpressionSpecification } from 'maplibre-gl';

// The name under which the filters read the time window as a global state, and the expressions
// that read it. The map never hands MapLibre that state: it writes the window's days into each
// filter itself (src/map/event-buckets.ts), so the filters are written once, here and in
// map-filter.ts, and tested as MapLibre evaluates them. A module of its own, importing only types:
// the map made before the app (src/map/early-map.ts) needs them, and importing them from
// map-filter.ts pulled the search, the dataset schema (zod) and the interface's messages into that
// early chunk, all evaluated before the map could even be made.

/** The window as [first day, last day], day numbers (dates.ts), both inclusive. */
export const WINDOW = 'window';

/** A window holding every day: the map's, until the app gives one. */
export const ALL_TIME: readonly [number, number] = [-1_000_000, 1_000_000];

/** The window's first day, read from the global state. */
export const WINDOW_FROM_DAY: ExpressionSpecification = ['number', ['at', 0, ['global-state', WINDOW]]];
/** The window's last day, read from the global state. */
export const WINDOW_TO_DAY: ExpressionSpecification = ['number', ['at', 1, ['global-state', WINDOW]]];

/** The global state for a window of day numbers. */
export function windowState(fromDay: number, toDay: number): Record<string, [number, number]> {
  return { [WINDOW]: [fromDay, toDay] };
}
