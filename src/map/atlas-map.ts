import fontUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import fontExtUrl from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import type { FilterSpecification, StyleSpecification } from 'maplibre-gl';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { EventFeatureCollection } from '../domain/event-features.ts';
import {
  backgroundLayer,
  countryBorderLayer,
  countryFillLayer,
  countryLabelLayer,
  eventPointLayer,
  hostOutlineLayer,
  LABEL_FONT,
  SOURCE,
} from './layers.ts';

// The only module that creates and drives the MapLibre map; React and the rest of the app talk
// to it through this small interface.

setWorkerUrl(workerUrl);

export type MapState = 'loading' | 'ready' | 'error' | 'unsupported';

export interface AtlasMapOptions {
  container: HTMLElement;
  /** The app's base URL (import.meta.env.BASE_URL), for the data files the map fetches itself. */
  baseUrl: string;
  events: EventFeatureCollection;
  onStateChange: (state: MapState, detail?: string) => void;
}

export function webglSupported(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return !!(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

const absolute = (path: string, baseUrl: string) => new URL(path, new URL(baseUrl, document.baseURI)).href;

function buildStyle(baseUrl: string, events: EventFeatureCollection): StyleSpecification {
  return {
    version: 8,
    // Labels are drawn from a font file we ship, so no glyph server is needed (MapLibre >= 5.11).
    'font-faces': {
      [LABEL_FONT]: [
        {
          url: absolute(fontUrl, baseUrl),
          'unicode-range': ['U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+2000-206F'],
        },
        { url: absolute(fontExtUrl, baseUrl), 'unicode-range': ['U+0100-02AF', 'U+1E00-1EFF'] },
      ],
    },
    sources: {
      [SOURCE.countries]: { type: 'geojson', data: absolute('data/basemap.json', baseUrl), tolerance: 0.5 },
      [SOURCE.countryPoints]: { type: 'geojson', data: absolute('data/country-points.json', baseUrl) },
      [SOURCE.events]: { type: 'geojson', data: events },
    },
    layers: [
      backgroundLayer,
      countryFillLayer,
      countryBorderLayer,
      hostOutlineLayer,
      countryLabelLayer,
      eventPointLayer,
    ],
  };
}

export class AtlasMap {
  readonly map: MapLibreMap;
  private state: MapState = 'loading';
  private readonly onStateChange: AtlasMapOptions['onStateChange'];

  constructor({ container, baseUrl, events, onStateChange }: AtlasMapOptions) {
    this.onStateChange = onStateChange;
    this.map = new MapLibreMap({
      container,
      style: buildStyle(baseUrl, events),
      center: [60, 25],
      zoom: 1,
      minZoom: 0.5,
      maxZoom: 9,
      renderWorldCopies: true,
      attributionControl: { compact: true, customAttribution: 'Boundaries: Natural Earth' },
    });
    this.map.on('error', (event) => {
      if (this.state === 'loading' && !this.map.loaded())
        this.setState('error', String(event.error?.message ?? ''));
    });
    this.map.once('load', () => this.settle());
  }

  /** Marks the map busy until it has drawn the current state, so `ready` always means drawn. */
  private settle() {
    this.setState('loading');
    this.map.once('idle', () => this.setState('ready'));
    this.map.triggerRepaint();
  }

  private setState(state: MapState, detail?: string) {
    if (this.state === state) return;
    this.state = state;
    this.onStateChange(state, detail);
  }

  setEventFilter(filter: FilterSpecification | null) {
    this.map.setFilter(eventPointLayer.id, filter);
    this.settle();
  }

  destroy() {
    this.map.remove();
  }
}
