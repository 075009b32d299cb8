// A module of its own so that the map made before the app (src/map/early-map.ts) does not load
// the choropleth's scales with these.

/** The basemap's two colours: the map's layers draw them, the choropleth mixes its classes into land. */
export const BASE_COLORS = { ocean: '#dde6ee', land: '#f6f4ef' } as const;
