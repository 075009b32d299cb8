import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildDataset } from '../build-dataset.ts';
import { defaultGeocoder } from '../gazetteer/load-gazetteer.ts';
import type { PolygonCoords } from './build-basemap.ts';
import { buildBasemap, polygonContains } from './build-basemap.ts';

const topology = JSON.parse(readFileSync('node_modules/world-atlas/countries-50m.json', 'utf8'));
const basemap = buildBasemap(topology);
const polygonsOf = (iso3: string): PolygonCoords[] =>
  basemap.countries.features
    .filter((f) => f.properties.iso3 === iso3 && !f.properties.disputed)
    .flatMap((f) =>
      f.geometry.type === 'Polygon'
        ? [f.geometry.coordinates as PolygonCoords]
        : (f.geometry.coordinates as PolygonCoords[]),
    );
const pointOf = (iso3: string) =>
  basemap.points.features.find((f) => f.properties.iso3 === iso3)?.geometry.coordinates as
    | [number, number]
    | undefined;

const readYaml = (path: string) => ({ path, content: parse(readFileSync(path, 'utf8')) });
const { dataset } = buildDataset(
  readYaml('data/article.yaml'),
  [readYaml('data/events/2021.yaml')],
  defaultGeocoder(),
);
const partners = [...new Set(dataset?.events.flatMap((e) => e.partners.map((p) => p.iso3)) ?? [])];

describe('basemap', () => {
  it('gives every country an ISO alpha-3 code, including those Natural Earth leaves without one', () => {
    expect(basemap.countries.features.every((f) => /^[A-Z]{3}$/.test(f.properties.iso3))).toBe(true);
    const byName = (name: string) =>
      basemap.countries.features.find((f) => f.properties.name === name)?.properties;
    expect(byName('Kosovo')).toMatchObject({ iso3: 'XKX', disputed: false });
    expect(byName('N. Cyprus')).toMatchObject({ iso3: 'CYP', disputed: true });
    expect(byName('Somaliland')).toMatchObject({ iso3: 'SOM', disputed: true });
  });

  it('is cut at the antimeridian: no ring jumps across the map', () => {
    for (const feature of basemap.countries.features) {
      const polygons =
        feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
      for (const ring of polygons.flat()) {
        for (let i = 1; i < ring.length; i++) {
          const step = Math.abs((ring[i]?.[0] ?? 0) - (ring[i - 1]?.[0] ?? 0));
          expect(step, `${feature.properties.name} jumps ${step}° of longitude`).toBeLessThan(180);
        }
      }
    }
  });

  it('keeps Russia, Fiji and Antarctica on both sides of 180° without a band across the map', () => {
    for (const iso3 of ['RUS', 'FJI', 'ATA']) {
      const lons = polygonsOf(iso3).flatMap((p) => p[0]?.map((c) => c[0]) ?? []);
      expect(Math.max(...lons), iso3).toBeGreaterThan(179.9);
      expect(Math.min(...lons), iso3).toBeLessThan(iso3 === 'ATA' ? -179.9 : 0);
    }
    // Each polygon of Russia lies on one side: none spans the width of the map.
    for (const polygon of polygonsOf('RUS')) {
      const lons = polygon[0]?.map((c) => c[0]) ?? [];
      expect(Math.max(...lons) - Math.min(...lons)).toBeLessThan(180);
    }
  });

  it('keeps small states the 110m set lacks', () => {
    for (const iso3 of ['SGP', 'BRN', 'BHR', 'MLT']) expect(polygonsOf(iso3).length, iso3).toBeGreaterThan(0);
  });

  it('has a polygon and an inner point for every partner country of the dataset', () => {
    expect(partners.length).toBeGreaterThan(40);
    for (const iso3 of partners) {
      const point = pointOf(iso3);
      expect(point, `${iso3} has a point`).toBeDefined();
      const polygons = polygonsOf(iso3);
      expect(polygons.length, `${iso3} has a polygon`).toBeGreaterThan(0);
      expect(
        polygons.some((polygon) => polygonContains(polygon, point as [number, number])),
        `${iso3}'s point lies inside it`,
      ).toBe(true);
    }
  });

  it('puts the point of a crescent-shaped or scattered country inside it', () => {
    for (const iso3 of ['VNM', 'CHL', 'FRA', 'IDN', 'NOR', 'CHN']) {
      const point = pointOf(iso3) as [number, number];
      expect(
        polygonsOf(iso3).some((p) => polygonContains(p, point)),
        iso3,
      ).toBe(true);
    }
  });

  describe('the simplified world basemap', () => {
    const world = buildBasemap(topology, { simplifyWeight: 0.01 });
    const pointCount = (map: typeof basemap) =>
      map.countries.features.reduce(
        (sum, f) => sum + JSON.stringify(f.geometry.coordinates).split('],[').length,
        0,
      );
    const worldPolygonsOf = (iso3: string) =>
      world.countries.features
        .filter((f) => f.properties.iso3 === iso3)
        .flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates));

    it('keeps every country, the small states included, with far fewer points', () => {
      expect(world.countries.features.map((f) => f.properties.iso3)).toEqual(
        basemap.countries.features.map((f) => f.properties.iso3),
      );
      for (const iso3 of ['SGP', 'BRN', 'BHR', 'MLT', ...partners])
        expect(worldPolygonsOf(iso3).length, iso3).toBeGreaterThan(0);
      expect(pointCount(world)).toBeLessThan(pointCount(basemap) / 2);
    });

    it('puts labels where the full basemap does, and stays cut at the antimeridian', () => {
      expect(world.points).toEqual(basemap.points);
      for (const feature of world.countries.features) {
        const rings = (
          feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates
        ).flat();
        for (const ring of rings)
          for (let i = 1; i < ring.length; i++) {
            const [a, b] = [ring[i - 1] ?? [0, 0], ring[i] ?? [0, 0]];
            // Antarctica's cap closes along the map's bottom edge, which is no band across it.
            const alongPoleEdge = Math.abs(a[1] ?? 0) === 90 && a[1] === b[1];
            if (!alongPoleEdge)
              expect(Math.abs((b[0] ?? 0) - (a[0] ?? 0)), feature.properties.name).toBeLessThan(180);
          }
      }
    });
  });
});

describe('event places on the basemap', () => {
  const countriesAt = (point: [number, number]) =>
    [...new Set(basemap.countries.features.map((f) => f.properties.iso3))].filter((iso3) =>
      polygonsOf(iso3).some((polygon) => polygonContains(polygon, point)),
    );
  const placeOf = (id: string): [number, number] => {
    const location = dataset?.events.find((e) => e.id === id)?.location;
    if (!location) throw new Error(`${id} has no place`);
    return [location.lon, location.lat];
  };

  it('draws each venue in the country the place name says, not across the border', () => {
    expect(countriesAt(placeOf('peace-rescue-2021'))).toEqual(['VNM']);
    expect(countriesAt(placeOf('china-vietnam-border-defence-friendship-exchange-6'))).toEqual(['CHN']);
    expect(countriesAt(placeOf('peace-mission-2021'))).toEqual(['RUS']);
    expect(countriesAt(placeOf('zapad-interaction-2021'))).toEqual(['CHN']);
  });

  it('draws exercises at sea on the water', () => {
    for (const id of [
      'joint-sea-2021',
      'china-russia-joint-maritime-patrol-2021',
      'kri-nanggala-402-salvage',
    ]) {
      expect(countriesAt(placeOf(id)), id).toEqual([]);
    }
  });

  it('puts Peace Mission at the Donguz range, not at Orenburg city', () => {
    const [lon, lat] = placeOf('peace-mission-2021');
    expect(Math.hypot(lon - 55.1, lat - 51.77)).toBeGreaterThan(0.2);
  });
});
