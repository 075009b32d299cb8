// The map camera as the URL writes it (`map=zoom/lat/lon`). Kept apart from the view state so the
// page's first script can read it without loading the rest of the domain.

export interface MapCamera {
  zoom: number;
  lat: number;
  lon: number;
}

export function parseCamera(value: string): MapCamera | undefined {
  const parts = value.split('/');
  if (parts.length !== 3 || parts.some((p) => p.trim() === '')) return undefined;
  const [zoom, lat, lon] = parts.map(Number) as [number, number, number];
  if (![zoom, lat, lon].every(Number.isFinite)) return undefined;
  if (zoom < 0 || zoom > 22 || lat < -90 || lat > 90 || lon < -180 || lon > 180) return undefined;
  return { zoom, lat, lon };
}

/** Like MapLibre's hash: zoom to 2 decimals, coordinates to 4. */
export function formatCamera({ zoom, lat, lon }: MapCamera): string {
  const trim = (n: number, digits: number) => String(Number(n.toFixed(digits)));
  return `${trim(zoom, 2)}/${trim(lat, 4)}/${trim(lon, 4)}`;
}
