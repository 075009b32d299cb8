// The names under which the map's style keeps the time window (its global state). A module of
// its own, with no imports: the map made before the app (src/map/early-map.ts) needs the names,
// and importing them from map-filter.ts pulled the search, the dataset schema (zod) and the
// interface's messages into that early chunk, all evaluated before the map could even be made.

/** The window's first day, as a day number (dates.ts). */
export const WINDOW_FROM = 'windowFrom';
/** The window's last day, as a day number. */
export const WINDOW_TO = 'windowTo';
