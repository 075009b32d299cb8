import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import { buildBasemap } from '../basemap/build-basemap.ts';

// A representative point per country, for a draft event's placeholder location: the same points
// `npm run data` writes to public/data/country-points.json, computed from the bundled Natural
// Earth data (a quarter of a second), so ingest works before `npm run data` has ever run.

export function countryPoints(): Map<string, readonly [number, number]> {
  const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology;
  const points = new Map<string, readonly [number, number]>();
  for (const feature of buildBasemap(topology).points.features) {
    const [lon, lat] = feature.geometry.coordinates as [number, number];
    points.set(feature.properties.iso3, [lon, lat]);
  }
  return points;
}
