// d3-geo-projection ships no types; we use only geoProject.
declare module 'd3-geo-projection' {
  import type { GeoProjection } from 'd3-geo';
  export function geoProject<T extends GeoJSON.GeoJSON>(object: T, projection: GeoProjection): T;
}
