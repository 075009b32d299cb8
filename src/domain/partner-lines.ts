import type { CountryPoint } from './event-features.ts';
import type { AtlasEvent } from './event-schema.ts';

const RAD = Math.PI / 180;

/**
 * The shortest path on the globe between two points, as a line of `steps` segments. Longitudes
 * stay continuous (they may pass 180), so a path across the Pacific is not drawn back across
 * the whole map.
 */
export function greatCircle(from: [number, number], to: [number, number], steps = 48): [number, number][] {
  const [lon1, lat1] = [from[0] * RAD, from[1] * RAD];
  const [lon2, lat2] = [to[0] * RAD, to[1] * RAD];
  const d =
    2 *
    Math.asin(
      Math.sqrt(
        Math.sin((lat2 - lat1) / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin((lon2 - lon1) / 2) ** 2,
      ),
    );
  if (d === 0) return [from, to];
  const points: [number, number][] = [];
  let previous = from[0];
  for (let i = 0; i <= steps; i++) {
    const f = i / steps;
    const a = Math.sin((1 - f) * d) / Math.sin(d);
    const b = Math.sin(f * d) / Math.sin(d);
    const x = a * Math.cos(lat1) * Math.cos(lon1) + b * Math.cos(lat2) * Math.cos(lon2);
    const y = a * Math.cos(lat1) * Math.sin(lon1) + b * Math.cos(lat2) * Math.sin(lon2);
    const z = a * Math.sin(lat1) + b * Math.sin(lat2);
    let lon = Math.atan2(y, x) / RAD;
    // Unwrap: keep each step within 180 degrees of the one before.
    while (lon - previous > 180) lon -= 360;
    while (lon - previous < -180) lon += 360;
    previous = lon;
    points.push([lon, Math.atan2(z, Math.sqrt(x * x + y * y)) / RAD]);
  }
  return points;
}

/** One great circle from China to every partner of the events given, each partner once. */
export function partnerLines(
  events: readonly AtlasEvent[],
  countryPoints: ReadonlyMap<string, CountryPoint>,
  hostIso3: string,
): GeoJSON.FeatureCollection<GeoJSON.LineString, { iso3: string }> {
  const host = countryPoints.get(hostIso3);
  const partners = new Set(events.flatMap((e) => e.partners.map((p) => p.iso3)));
  partners.delete(hostIso3);
  const features = host
    ? [...partners].flatMap((iso3) => {
        const point = countryPoints.get(iso3);
        if (!point) return [];
        return [
          {
            type: 'Feature' as const,
            properties: { iso3 },
            geometry: {
              type: 'LineString' as const,
              coordinates: greatCircle([host.lon, host.lat], [point.lon, point.lat]),
            },
          },
        ];
      })
    : [];
  return { type: 'FeatureCollection', features };
}
