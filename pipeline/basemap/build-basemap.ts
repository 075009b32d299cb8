import { geoEquirectangular } from 'd3-geo';
import { geoProject } from 'd3-geo-projection';
import polylabel from 'polylabel';
import { feature } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { countryCodeOf } from './country-codes.ts';

export interface CountryProperties {
  iso3: string;
  name: string;
  disputed: boolean;
}

export type Ring = [number, number][];
export type PolygonCoords = Ring[];

export interface Basemap {
  countries: GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon, CountryProperties>;
  points: GeoJSON.FeatureCollection<GeoJSON.Point, { iso3: string; name: string }>;
}

// ~100 m at the equator: finer than a 50m-scale outline can show, and it keeps the file small.
const COORDINATE_DECIMALS = 3;

/**
 * Natural Earth geometry is spherical: a polygon may cross the antimeridian or enclose a pole.
 * MapLibre draws coordinates as planar lon/lat, so such a polygon smears across the whole map.
 * Projecting through a plate carrée whose units are degrees makes d3-geo clip each ring at ±180°
 * and close polar caps along the map's edge, which leaves planar polygons MapLibre draws as-is.
 */
export function cutAtAntimeridian<T extends GeoJSON.GeoJSON>(object: T): T {
  const degrees = geoEquirectangular()
    .scale(180 / Math.PI)
    .translate([0, 0])
    .reflectY(true)
    .precision(0);
  return geoProject(object, degrees);
}

const round = (value: number) => {
  const factor = 10 ** COORDINATE_DECIMALS;
  return Math.round(value * factor) / factor;
};

function roundRing(ring: GeoJSON.Position[]): Ring {
  const out: Ring = [];
  for (const [lon, lat] of ring) {
    const point: [number, number] = [round(lon as number), round(lat as number)];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  return out;
}

function polygonsOf(geometry: GeoJSON.Geometry | null): PolygonCoords[] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates as PolygonCoords];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as PolygonCoords[];
  return [];
}

/** Twice the signed planar area; its sign gives the winding. */
function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j] as [number, number];
    const b = ring[i] as [number, number];
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum / 2;
}

const polygonArea = (polygon: PolygonCoords) =>
  Math.abs(ringArea(polygon[0] ?? [])) - polygon.slice(1).reduce((s, r) => s + Math.abs(ringArea(r)), 0);

export function ringContains(ring: Ring, [x, y]: [number, number]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function polygonContains(polygon: PolygonCoords, point: [number, number]): boolean {
  const [outer, ...holes] = polygon;
  return !!outer && ringContains(outer, point) && !holes.some((hole) => ringContains(hole, point));
}

/**
 * A point for the marker and label of a country: the pole of inaccessibility of its largest
 * polygon, which (unlike a centroid) always lies inside it, even for crescents like Vietnam or
 * countries with far-flung islands like France.
 */
export function representativePoint(polygons: PolygonCoords[]): [number, number] {
  const largest = polygons.reduce((best, p) => (polygonArea(p) > polygonArea(best) ? p : best));
  const [lon, lat] = polylabel(largest, 0.01);
  return [round(lon), round(lat)];
}

export interface BasemapOptions {
  /**
   * Simplify first (topojson-simplify, which keeps shared borders shared): points whose triangle
   * is smaller than this many square degrees go. A country whose every polygon would vanish keeps
   * its full outline, so small states (Singapore, Bahrain) stay on the map and clickable.
   */
  simplifyWeight?: number;
}

function planarCountries(topology: Topology) {
  const object = topology.objects.countries as GeometryCollection<{ name: string }>;
  const spherical = feature(topology, object) as GeoJSON.FeatureCollection<
    GeoJSON.Geometry,
    { name: string }
  >;
  return cutAtAntimeridian(spherical);
}

const cleanPolygons = (geometry: GeoJSON.Geometry | null) =>
  polygonsOf(geometry)
    .map((polygon) => polygon.map(roundRing).filter((ring) => ring.length >= 4))
    .filter((polygon) => polygon.length > 0);

export function buildBasemap(topology: Topology, options: BasemapOptions = {}): Basemap {
  const planar = planarCountries(topology);
  const { simplifyWeight } = options;
  const simplified =
    simplifyWeight === undefined
      ? undefined
      : planarCountries(
          simplify(presimplify(topology as unknown as Parameters<typeof presimplify>[0]), simplifyWeight),
        );

  const countries: Basemap['countries']['features'] = [];
  const polygonsByIso3 = new Map<string, { name: string; polygons: PolygonCoords[] }>();
  const unknown: string[] = [];

  planar.features.forEach((country, index) => {
    const name = country.properties.name;
    const code = countryCodeOf(country.id, name);
    if (!code) {
      unknown.push(`${name} (${country.id ?? 'no id'})`);
      return;
    }
    const detailed = cleanPolygons(country.geometry);
    if (detailed.length === 0) return;
    const lighter = simplified ? cleanPolygons(simplified.features[index]?.geometry ?? null) : [];
    const polygons = lighter.length > 0 ? lighter : detailed;
    countries.push({
      type: 'Feature',
      properties: { iso3: code.iso3, name, disputed: code.disputed },
      geometry:
        polygons.length === 1
          ? { type: 'Polygon', coordinates: polygons[0] as PolygonCoords }
          : { type: 'MultiPolygon', coordinates: polygons },
    });
    if (!code.disputed) {
      // Label points come from the full outline, so both basemaps put them in the same place.
      const entry = polygonsByIso3.get(code.iso3) ?? { name, polygons: [] };
      entry.polygons.push(...detailed);
      polygonsByIso3.set(code.iso3, entry);
    }
  });
  if (unknown.length > 0) {
    throw new Error(`basemap: no ISO alpha-3 code for ${unknown.join(', ')}`);
  }

  const points: Basemap['points']['features'] = [...polygonsByIso3].map(([iso3, { name, polygons }]) => ({
    type: 'Feature',
    properties: { iso3, name },
    geometry: { type: 'Point', coordinates: representativePoint(polygons) },
  }));

  return {
    countries: { type: 'FeatureCollection', features: countries },
    points: { type: 'FeatureCollection', features: points },
  };
}
