import type { ExpressionSpecification } from 'maplibre-gl';

// The name under which the map's style keeps the time window (its global state), and the
// expressions that read it. A module of its own, importing only types: the map made before the
// app (src/map/early-map.ts) needs them, and importing them from map-filter.ts pulled the search,
// the dataset schema (zod) and the interface's messages into that early chunk, all evaluated
// before the map could even be made.
//
// One property holds both days: MapLibre reloads every source a changed property's filters read
// as that property is set, so a window kept as two properties had its events tiled twice for a
// change of both ends (the bench's windows, a pan of the whole window).

/** The window as [first day, last day], day numbers (dates.ts), both inclusive. */
export const WINDOW = 'window';

/** The window's first day, read from the global state. */
export const WINDOW_FROM_DAY: ExpressionSpecification = ['number', ['at', 0, ['global-state', WINDOW]]];
/** The window's last day, read from the global state. */
export const WINDOW_TO_DAY: ExpressionSpecification = ['number', ['at', 1, ['global-state', WINDOW]]];

/** The global state for a window of day numbers. */
export function windowState(fromDay: number, toDay: number): Record<string, [number, number]> {
  return { [WINDOW]: [fromDay, toDay] };
}
