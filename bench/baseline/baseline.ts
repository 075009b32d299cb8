import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

// The benchmark's yardstick: the least a page can do to show the same map. MapLibre alone, no
// React, default options; the same basemap file as a fill and a line layer, and the events as ONE
// circle layer at their `location`. It neither validates the data nor fans out aid or stacks, so
// every cost the app adds shows up as a ratio against this page. Keep it that way: adding work
// here hides the app's. Camera and map size match the app's so both draw the same pixels.
//
//   /bench/baseline/?data=NAME[&w=PX&h=PX]   loads data/NAME.json; w/h size the map like the app's

setWorkerUrl(workerUrl);

interface BenchHandle {
  map: MapLibreMap;
  /** The first idle with the points drawn. */
  ready: Promise<void>;
  /** The app's time filter as a plain filter: events overlapping [fromDay, toDay], in days since 1970. */
  setWindow(fromDay: number, toDay: number): Promise<void>;
}

declare global {
  interface Window {
    __bench?: BenchHandle;
  }
}

interface DatasetFile {
  events: { date: { start: string; end: string }; location?: { lon: number; lat: number } }[];
}

const DAY_MS = 86_400_000;
const day = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
// The app's default view (src/map/atlas-map.ts WORLD_BOUNDS, padding 8).
const WORLD_BOUNDS: [[number, number], [number, number]] = [
  [-150, -50],
  [170, 72],
];

const params = new URLSearchParams(window.location.search);
const requested = params.get('data') ?? '';
const name = /^[a-z0-9][a-z0-9-]{0,63}$/.test(requested) ? requested : 'events';
const container = document.getElementById('map') as HTMLElement;
const width = Number(params.get('w'));
const height = Number(params.get('h'));
if (width > 0 && height > 0) {
  container.style.width = `${width}px`;
  container.style.height = `${height}px`;
}

const dataUrl = (file: string) => new URL(`${import.meta.env.BASE_URL}data/${file}`, document.baseURI).href;

async function start(): Promise<BenchHandle> {
  const response = await fetch(dataUrl(`${name}.json`));
  if (!response.ok) throw new Error(`${response.url} answered ${response.status}`);
  const dataset = (await response.json()) as DatasetFile;
  const points: GeoJSON.FeatureCollection<GeoJSON.Point> = {
    type: 'FeatureCollection',
    // The bare page draws each event with a place at it; the few the app draws at their partners
    // instead are left out, which only flatters the baseline.
    features: dataset.events.flatMap((event) =>
      event.location
        ? [
            {
              type: 'Feature' as const,
              geometry: { type: 'Point' as const, coordinates: [event.location.lon, event.location.lat] },
              properties: { start: day(event.date.start), end: day(event.date.end) },
            },
          ]
        : [],
    ),
  };
  const style: StyleSpecification = {
    version: 8,
    sources: {
      countries: { type: 'geojson', data: dataUrl('basemap.json') },
      events: { type: 'geojson', data: points },
    },
    layers: [
      { id: 'ocean', type: 'background', paint: { 'background-color': '#dde6ee' } },
      { id: 'country-fill', type: 'fill', source: 'countries', paint: { 'fill-color': '#f6f4ef' } },
      { id: 'country-border', type: 'line', source: 'countries', paint: { 'line-color': '#b7b2a8' } },
      {
        id: 'events',
        type: 'circle',
        source: 'events',
        paint: {
          'circle-radius': 4.5,
          'circle-color': '#1d4e89',
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 1.2,
        },
      },
    ],
  };
  const map = new MapLibreMap({ container, style, bounds: WORLD_BOUNDS, fitBoundsOptions: { padding: 8 } });
  // MapLibre fires `idle` only once the style, every source and every tile are loaded and drawn.
  const ready = map.once('idle').then(() => {
    document.body.dataset.ready = '1';
  });
  return {
    map,
    ready,
    setWindow(fromDay, toDay) {
      const filter: ExpressionSpecification = [
        'all',
        ['<=', ['get', 'start'], toDay],
        ['>=', ['get', 'end'], fromDay],
      ];
      map.setFilter('events', filter);
      return map.once('idle').then(() => undefined);
    },
  };
}

// `__bench` appears once the data is in and the map exists; a harness waits for it, then `ready`.
start().then(
  (handle) => {
    window.__bench = handle;
  },
  (error: unknown) => {
    document.body.dataset.error = String(error);
    throw error;
  },
);
