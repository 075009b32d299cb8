import { geoEqualEarthRaw, geoPath, geoTransform } from 'd3-geo';

// The whole-world drawing shared by the static fallback map and the SVG export: Equal Earth, an
// equal-area projection (fair to a choropleth), applied point by point to planar lon/lat. A
// spherical d3 projection would read each ring's winding as inside/outside and fill the whole
// globe for a ring wound "wrongly"; a planar transform cannot, and an even-odd fill makes holes
// holes whichever way they are wound.

const RAD = Math.PI / 180;
export const WORLD_EXTENT = { south: -60, north: 85 } as const;
/** The drawing's own units; an SVG scales to its container through the viewBox. */
export const WORLD_VIEW_WIDTH = 1000;

const [EDGE_X] = geoEqualEarthRaw(Math.PI, 0);
const [, TOP_Y] = geoEqualEarthRaw(0, WORLD_EXTENT.north * RAD);
const [, BOTTOM_Y] = geoEqualEarthRaw(0, WORLD_EXTENT.south * RAD);
const SCALE = WORLD_VIEW_WIDTH / (2 * EDGE_X);
export const WORLD_VIEW_HEIGHT = Math.ceil((TOP_Y - BOTTOM_Y) * SCALE);

export function projectWorld(lon: number, lat: number): [number, number] {
  const [x, y] = geoEqualEarthRaw(lon * RAD, lat * RAD);
  return [(x + EDGE_X) * SCALE, (TOP_Y - y) * SCALE];
}

const planar = geoTransform({
  point(lon, lat) {
    const [x, y] = projectWorld(lon, lat);
    this.stream.point(x, y);
  },
});
/** An SVG path for planar lon/lat GeoJSON, to one decimal of the drawing's units. */
export const worldPath = geoPath(planar).digits(1);

/** The outline of the drawn world, its curved sides traced degree by degree. */
function frameOutline(): GeoJSON.Polygon {
  const { south, north } = WORLD_EXTENT;
  const side = (lon: number, from: number, to: number) =>
    Array.from({ length: Math.abs(to - from) + 1 }, (_, i) => [lon, from + Math.sign(to - from) * i]);
  return {
    type: 'Polygon',
    coordinates: [[...side(-180, south, north), ...side(180, north, south), [-180, south]]],
  };
}
export const WORLD_FRAME_D = worldPath(frameOutline()) ?? '';

export function northernmost(geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon): number {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  let max = -90;
  for (const ring of rings) for (const [, lat] of ring) max = Math.max(max, lat ?? -90);
  return max;
}

export interface CountryProperties {
  iso3: string;
  name: string;
  disputed: boolean;
}
export type Basemap = GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon, CountryProperties>;

export function isBasemap(value: unknown): value is Basemap {
  const candidate = value as Partial<Basemap> | null;
  return candidate?.type === 'FeatureCollection' && Array.isArray(candidate.features);
}

/** Every shape of one country (Australia has three, Somalia two), as one path. */
export interface CountryShape {
  iso3: string;
  name: string;
  d: string;
}

/** The countries inside the frame, each as one path, by name (a keyboard's tab order). */
export function worldCountryShapes(
  basemap: Basemap,
  nameOf: (iso3: string) => string | undefined = () => undefined,
): CountryShape[] {
  const byIso3 = new Map<string, { names: string[]; ds: string[] }>();
  for (const feature of basemap.features) {
    // Antarctica lies wholly below the frame.
    if (!feature.geometry || northernmost(feature.geometry) < WORLD_EXTENT.south) continue;
    const { iso3, name, disputed } = feature.properties;
    const entry = byIso3.get(iso3) ?? { names: [], ds: [] };
    if (!disputed) entry.names.push(name);
    entry.ds.push(worldPath(feature) ?? '');
    byIso3.set(iso3, entry);
  }
  return [...byIso3]
    .map(([iso3, { names, ds }]) => ({ iso3, name: nameOf(iso3) ?? names[0] ?? iso3, d: ds.join('') }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}
