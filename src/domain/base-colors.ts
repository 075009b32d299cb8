// The basemap's two colours, read by the map's layers and mixed by the choropleth. A module of
// its own so that the map made before the app (src/map/early-map.ts) does not load the
// choropleth's scales with them.
/** The basemap under the choropleth's classes. */
export const BASE_COLORS = { ocean: '#dde6ee', land: '#f6f4ef' } as const;
