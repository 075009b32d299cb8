import type {
  CircleLayerSpecification,
  ExpressionSpecification,
  FilterSpecification,
  GeoJSONSource,
  GeoJSONSourceSpecification,
  MapGeoJSONFeature,
  PointLike,
  StyleSpecification,
} from 'maplibre-gl';
import { AttributionControl, LngLatBounds, Map as MapLibreMap, prewarm, setWorkerUrl } from 'maplibre-gl';
import { CHINESE_FONT_FILE, CHINESE_UNICODE_RANGE } from '../i18n/chinese-font.ts';
import { mapWorkerUrl as workerUrl } from './early-worker.ts';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { EventFeatureCollection, MapEvents } from '../domain/event-features.ts';
import { ALL_TIME, WINDOW } from '../domain/map-window.ts';
import type { MapCamera } from '../domain/view-state.ts';
import { CoalescingGate } from './coalescing-gate.ts';
import { bucketEvents, type EventBuckets, evaluateKnown, filterKey } from './event-buckets.ts';
import {
  backgroundLayer,
  countryBorderLayer,
  countryFillLayer,
  countryLabelLayer,
  countryMemberLayer,
  countrySelectedLayer,
  EVENT_TILE_BUFFER,
  eventBucketIds,
  eventLayersFor,
  eventPointLayer,
  eventPointLayerFor,
  hostOutlineLayer,
  LABEL_FONT,
  LABEL_GLYPHS_DIR,
  linkLayer,
  networkLayer,
  partnerLabelLayer,
  SELECTED_EVENT_LAYER,
  SHADER_WARMUP,
  SOURCE,
  STACK_BADGE_LOOK,
  STACK_MAX_ZOOM,
  selectedCountryFilter,
  selectedEventLayerFor,
  shaderWarmupLayer,
  stackBadgeLayer,
  stackBadgeLayerFor,
  stackBadgePaint,
  stackCountLayer,
} from './layers.ts';
import { webglSupported } from './webgl.ts';

// The only module that creates and drives the MapLibre map; React and the rest of the app talk
// to it through this small interface.

setWorkerUrl(workerUrl);

export type MapState = 'loading' | 'ready' | 'error' | 'unsupported';

/** What is under the pointer: events (one, or a group that overlaps) or a country, in map pixels. */
export type MapHover =
  | { type: 'events'; eventIds: string[]; x: number; y: number }
  | { type: 'country'; iso3: string; x: number; y: number };

export interface AtlasMapHandlers {
  /** The pointer (or a first tap) is over something the map can describe; null when it leaves. */
  onHover?: (hover: MapHover | null) => void;
  /** A click on overlapping events: the surface lists them all to choose from. */
  onStack?: (stack: { eventIds: string[]; x: number; y: number }) => void;
  onStateChange: (state: MapState, detail?: string) => void;
  onSelectEvent: (eventId: string) => void;
  onSelectCountry: (iso3: string) => void;
  /** Called only for camera moves a person made on the map, never for the app's own. */
  onUserCamera: (camera: MapCamera) => void;
  /**
   * Called when a framing the app made (fitPoints, revealPoints) has come to rest, so the view
   * state (the `map` URL parameter, the embed's state) holds what the screen shows.
   */
  onAppCamera?: (camera: MapCamera) => void;
}

export interface AtlasMapOptions extends AtlasMapHandlers {
  container: HTMLElement;
  /** The app's base URL (import.meta.env.BASE_URL), for the data files the map fetches itself. */
  baseUrl: string;
  /**
   * The events to draw. A map made before the data has arrived starts without them (it loads
   * the basemap meanwhile) and is never `ready` until `setEvents` gives them.
   */
  events?: MapEvents;
  camera: MapCamera | null;
  cooperativeGestures?: boolean;
}

/** Room left at each edge of the map for what covers it (panels, legend, controls, a caption). */
export interface MapPadding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * A framing the app asked for and keeps until a person moves the map: redone when the map is
 * resized or what covers it changes, so a selection made while the layout is still settling (a
 * panel opening, a deep link) ends up framed in the layout the reader sees.
 */
interface Framing {
  /** Empty: the whole world. */
  points: readonly [number, number][];
  /** A stored camera to show instead of framing points, centred in the free part. */
  camera?: MapCamera;
  /** Measured each time the framing is redone: the panels may have moved since. */
  padding: () => MapPadding;
  /** `fit` frames the points; `reveal` moves only when one of them is hidden. */
  kind: 'fit' | 'reveal';
  maxZoom: number;
  /**
   * The padding becomes the map's own (MapLibre's `absolutePadding`): a map showing one world
   * then keeps that world inside the padded part instead of filling the whole canvas.
   */
  ownPadding: boolean;
}

/**
 * Starts MapLibre's worker (download, parse, start-up) at once, so that it is ready when the
 * first map is made after the data arrives instead of starting only then.
 */
export function prewarmMapWorkers(): void {
  if (webglSupported()) prewarm();
}

const absolute = (path: string, baseUrl: string) => new URL(path, new URL(baseUrl, document.baseURI)).href;

// The whole inhabited world, for the default view: a fixed zoom would crop it on a phone.
export const WORLD_BOUNDS: [[number, number], [number, number]] = [
  [-150, -50],
  [170, 72],
];

// The map first draws a simplified world basemap (a third of the full file, built by `npm run
// data`), whose error is under a pixel up to this zoom; past it the full outline takes over.
const WORLD_BASEMAP_MAX_ZOOM = 2.5;
const BASEMAP = { world: 'data/basemap-world.json', detailed: 'data/basemap.json' } as const;

/** The events' sources and layers, one source a bucket (event-buckets.ts), for the style or to add. */
interface EventSourcesAndLayers {
  sources: [id: string, source: GeoJSONSourceSpecification][];
  /** Every bucket's faded layer, then every bucket's points layer: the faded draw under all points. */
  layers: CircleLayerSpecification[];
  pointCount: number;
}

function buildStyle(
  baseUrl: string,
  events: EventSourcesAndLayers | undefined,
  basemap: string,
): StyleSpecification {
  // A map made before the data has no events source or layer until the events arrive: an empty
  // source would have its tiles requested, and the events' arrival would then lay every tile out
  // twice (once for the request already queued, once for the reload the new data asks for).
  const waiting = events === undefined;
  // No global state: the filters' reads of the time window are written in by the map itself.
  return {
    version: 8,
    // Latin labels come from glyph ranges made from the font we ship (`npm run data`), read by
    // MapLibre's worker; Chinese ones are drawn in the page from the subset cut by `npm run data`,
    // fetched only when a label needs a glyph in its range, so an English map never downloads it.
    glyphs: `${absolute(`${LABEL_GLYPHS_DIR}/`, baseUrl)}{fontstack}/{range}.pbf`,
    'font-faces': {
      [LABEL_FONT]: [
        { url: absolute(CHINESE_FONT_FILE, baseUrl), 'unicode-range': [...CHINESE_UNICODE_RANGE] },
      ],
    },
    sources: {
      [SOURCE.countries]: {
        type: 'geojson',
        data: absolute(basemap, baseUrl),
        tolerance: 0.5,
        // Fills and thin borders need little geometry beyond a tile's edge (no labels come from
        // this source): a smaller buffer than the default 128 means less to clip, tessellate and draw.
        buffer: 32,
        promoteId: 'iso3',
      },
      [SOURCE.countryPoints]: { type: 'geojson', data: absolute('data/country-points.json', baseUrl) },
      ...Object.fromEntries(events?.sources ?? []),
      ...(waiting ? { [SHADER_WARMUP]: { type: 'geojson', data: WARMUP_POINT } } : {}),
      [SOURCE.selectedEvents]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
      [SOURCE.links]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
      [SOURCE.network]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
      // The events at their true places, clustered: a cluster is a group of events that overlap.
      [SOURCE.stacks]: {
        type: 'geojson',
        data: { type: 'FeatureCollection', features: [] },
        cluster: true,
        clusterRadius: 18,
        clusterMaxZoom: STACK_MAX_ZOOM - 1,
      },
    },
    layers: [
      backgroundLayer,
      countryFillLayer,
      countryBorderLayer,
      countryMemberLayer,
      hostOutlineLayer,
      countrySelectedLayer,
      networkLayer,
      linkLayer,
      countryLabelLayer,
      partnerLabelLayer,
      ...(events?.layers ?? []),
      selectedEventLayerFor(events?.pointCount ?? 0),
      stackBadgeLayerFor(events?.pointCount ?? 0),
      stackCountLayer,
      ...(waiting ? [shaderWarmupLayer()] : []),
    ],
  };
}

const isDayPair = (value: unknown): value is [number, number] =>
  Array.isArray(value) && value.length === 2 && value.every((day) => typeof day === 'number');

const eventsSource = (events: EventFeatureCollection): GeoJSONSourceSpecification => ({
  type: 'geojson',
  data: events,
  // MapLibre's default buffer, 128, put each point in about twice as many world-view tiles.
  buffer: EVENT_TILE_BUFFER,
});

// Anywhere: it is drawn fully transparent.
const WARMUP_POINT: GeoJSON.FeatureCollection = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [0, 0] } }],
};

const hoverKey = (hover: MapHover) =>
  hover.type === 'events' ? `events:${hover.eventIds.join(',')}` : `country:${hover.iso3}`;

const cameraKey = (camera: MapCamera | null) =>
  camera ? `${camera.zoom.toFixed(2)}/${camera.lat.toFixed(4)}/${camera.lon.toFixed(4)}` : 'world';

export class AtlasMap {
  readonly map: MapLibreMap;
  private state: MapState = 'loading';
  private attribution: AttributionControl;
  private attributionText = 'Boundaries: Natural Earth';
  private handlers: AtlasMapHandlers;
  private readonly baseUrl: string;
  private detailedBasemap: boolean;
  readonly cooperativeGestures: boolean;
  private hasEvents: boolean;
  /** The events last given, so giving the same again costs nothing. */
  private events: MapEvents | undefined;
  /** The events split into sources by date (event-buckets.ts), with the events. */
  private buckets: EventBuckets | undefined;
  /** The time window the events' filters read, as day numbers. */
  private window: readonly [number, number] = ALL_TIME;
  /** The view's filter evaluated for each bucket's events, the window left open (by layer id). */
  private bucketFilters: {
    of: [ExpressionSpecification | undefined, EventBuckets];
    byLayer: Map<string, FilterSpecification>;
  } | null = null;
  /** Each events layer's filter as MapLibre has it (filterKey), to give it only a changed one. */
  private readonly givenFilters = new Map<string, string>();
  /** The events layer's paint, undefined until the map has events. */
  private eventLayerPaint: CircleLayerSpecification['paint'];
  /** The events' filter last asked for: a layer added later starts with it. */
  private eventFilter: ExpressionSpecification | undefined;
  private selectedEventFilter: ExpressionSpecification | undefined;
  /**
   * On a map of many events (more than one bucket) a filter change that comes while the last is
   * still being drawn waits for it (coalescing-gate.ts): each re-tiles every event.
   */
  private readonly filterGate = new CoalescingGate<[ExpressionSpecification, ExpressionSpecification]>(
    ([filter, selected]) => this.giveEventFilters(filter, selected),
  );
  private presenting = false;
  private countryColors = new Map<string, string>();
  private selectedCountry: string | null = null;
  private memberOnly = new Set<string>();
  private selectedEvents: number[] = [];
  /** How many points the selection layer was last given (its source starts empty). */
  private selectionDrawn = 0;
  private lastCamera: string;
  /** A framing the app asked for is under way: its moveend is written back to the view. */
  private framing = false;
  /** The app's framing, kept to be redone on a resize until a person moves the map. */
  private intent: Framing | null = null;
  /** Called once when the framing under way comes to rest (or is replaced by another). */
  private arrival: (() => void) | null = null;
  private styleReady = false;
  /** Set by a change, cleared by the next `idle`: the map has drawn everything asked of it. */
  private busy = true;
  private restoring = false;
  private readonly pending = new Map<string, () => void>();
  /** The latest change of each kind, replayed when a lost WebGL context comes back. */
  private readonly applied = new Map<string, () => void>();

  constructor(options: AtlasMapOptions) {
    this.handlers = options;
    const { container, baseUrl, camera } = options;
    this.baseUrl = baseUrl;
    this.detailedBasemap = (camera?.zoom ?? 0) > WORLD_BASEMAP_MAX_ZOOM;
    this.hasEvents = options.events !== undefined;
    this.events = options.events;
    this.buckets = options.events && bucketEvents(options.events.points);
    this.cooperativeGestures = options.cooperativeGestures ?? false;
    this.eventLayerPaint = options.events && eventPointLayerFor(options.events.points.features.length).paint;
    this.lastCamera = cameraKey(camera);
    const events = this.eventSourcesAndLayers();
    for (const layer of events?.layers ?? [])
      this.givenFilters.set(layer.id, filterKey(layer.filter as FilterSpecification));
    this.map = new MapLibreMap({
      container,
      style: buildStyle(baseUrl, events, this.detailedBasemap ? BASEMAP.detailed : BASEMAP.world),
      ...(camera
        ? { center: [camera.lon, camera.lat] as [number, number], zoom: camera.zoom }
        : { bounds: WORLD_BOUNDS, fitBoundsOptions: { padding: 8 } }),
      minZoom: 0,
      maxZoom: 9,
      renderWorldCopies: true,
      // Labels appear at once instead of fading in over 300 ms: where WebGL is drawn by the CPU
      // each frame of a fade costs a full redraw (about 100 ms), and the map is not at rest (nor
      // ready) until the fade ends, on the first view and after every filter change alike. At 0
      // MapLibre also places every label again on each frame it draws; 1 ms avoided that, but
      // placed labels in slices over several frames, and the bench after it measured every first
      // view slower (1.07 to 1.27 at the real data), so 0 it stays.
      fadeDuration: 0,
      cooperativeGestures: this.cooperativeGestures,
      // Added below, so the credit can be said again in the reader's language.
      attributionControl: false,
    });
    this.attribution = new AttributionControl({ compact: true, customAttribution: this.attributionText });
    this.map.addControl(this.attribution, 'bottom-right');
    // The map's container is its one tab stop and handles keys itself (see MapView).
    this.map.keyboard.disable();
    this.map.getCanvas().tabIndex = -1;
    this.map.on('error', (event) => {
      if (!this.map.loaded()) this.setState('error', String(event.error?.message ?? ''));
    });
    // The style's sources exist from 'style.load', before any tile is made: changes asked for
    // while it loaded (filter, time window, colours, selection) go in then, so the first tiles
    // already have them rather than being made once and then again.
    this.map.once('style.load', () => {
      // The attribution starts folded to its (i) button on small maps, where it would otherwise
      // sit under the always-visible legend; the credit stays one tap away.
      if (container.clientWidth < 640) {
        container.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
      }
      this.styleReady = true;
      for (const apply of this.pending.values()) apply();
      this.pending.clear();
      this.detailBasemapWhenZoomed();
      this.settle();
    });
    this.map.on('idle', () => {
      if (this.restoring && this.map.isStyleLoaded()) {
        this.restoring = false;
        for (const apply of this.applied.values()) apply();
        this.settle();
        return;
      }
      // The last filter given is drawn: one that waited meanwhile is given now, and drawn next.
      const waited = this.filterGate.holding();
      this.filterGate.drawn();
      if (waited) return;
      if (this.busy && this.hasEvents && !this.restoring && this.styleReady && this.map.isStyleLoaded()) {
        this.busy = false;
        this.setState('ready');
      }
    });
    this.map.on('webglcontextlost', () => {
      this.busy = true;
      this.setState('loading');
    });
    // MapLibre rebuilds its style from a snapshot when a lost context comes back, which drops
    // feature-state and global state: replay our changes once the rebuilt style has settled.
    this.map.on('webglcontextrestored', () => {
      this.restoring = true;
      this.busy = true;
      this.setState('loading');
    });
    this.map.on('zoom', () => this.detailBasemapWhenZoomed());
    // MapLibre resizes the canvas itself when its container changes (a panel folds or opens):
    // a framing the app made is redone for the new size, and the default world view is fitted
    // again, so that no partner drops off an edge or under a panel.
    this.map.on('resize', () => {
      if (this.intent) this.redoFraming();
      else if (this.lastCamera === 'world') this.map.fitBounds(WORLD_BOUNDS, { padding: 8, animate: false });
    });
    // A person who starts moving the map owns the camera from then on: no later resize or panel
    // change may pull it back to the app's framing.
    this.map.on('movestart', (event) => {
      if ('originalEvent' in event && event.originalEvent) this.intent = null;
    });
    this.map.on('click', (event) => {
      // On touch the first tap on something describes it (there is no hover); the next selects.
      const touch = (event.originalEvent as PointerEvent | undefined)?.pointerType === 'touch';
      if (touch) {
        const hover = this.hoverAt(event.point);
        if (hover && hoverKey(hover) !== this.hoverKey) {
          this.setHover(hover);
          return;
        }
      }
      this.setHover(null);
      void this.handleClick(event.point);
    });
    this.map.on('mousemove', (event) => {
      const hover = this.hoverAt(event.point);
      this.map.getCanvas().style.cursor = hover?.type === 'events' ? 'pointer' : '';
      this.setHover(hover);
    });
    this.map.on('mouseout', () => this.setHover(null));
    this.map.on('movestart', () => this.setHover(null));
    this.map.on('moveend', (event) => {
      // Only a person's gesture carries an originalEvent. Of the app's own moves only a framing
      // (fitPoints, revealPoints) is written back; a camera the view state set must not echo.
      const byPerson = 'originalEvent' in event && !!event.originalEvent;
      const framed = this.framing;
      this.framing = false;
      if (framed) this.arrive();
      if (!byPerson && !framed) return;
      const camera = this.camera();
      this.lastCamera = cameraKey(camera);
      if (byPerson) this.handlers.onUserCamera(camera);
      else this.handlers.onAppCamera?.(camera);
    });
  }

  private hitBox(point: { x: number; y: number }): [PointLike, PointLike] {
    const pad = 6;
    return [
      [point.x - pad, point.y - pad],
      [point.x + pad, point.y + pad],
    ];
  }

  private hoverKey = '';

  private setHover(hover: MapHover | null) {
    const key = hover ? hoverKey(hover) : '';
    if (key === this.hoverKey && !hover) return;
    this.hoverKey = key;
    this.handlers.onHover?.(hover);
  }

  private eventIdsAt(point: { x: number; y: number }): string[] {
    if (!this.map.getLayer(eventPointLayer.id)) return [];
    const hits = this.map.queryRenderedFeatures(this.hitBox(point), { layers: this.eventLayerIds() });
    return this.eventIdsOf(hits);
  }

  /** The events that points of the events' layers stand for, each once, from their feature ids. */
  eventIdsOf(points: readonly { id?: string | number }[]): string[] {
    const eventIds = this.events?.eventIds ?? [];
    return [...new Set(points.flatMap((point) => eventIds[Number(point.id)] ?? []))];
  }

  private stackAt(point: { x: number; y: number }): MapGeoJSONFeature | undefined {
    if (!this.map.getLayer(stackBadgeLayer.id)) return undefined;
    return this.map.queryRenderedFeatures(this.hitBox(point), { layers: [stackBadgeLayer.id] })[0];
  }

  private hoverAt(point: { x: number; y: number }): MapHover | null {
    const eventIds = this.eventIdsAt(point);
    if (eventIds.length > 0) return { type: 'events', eventIds, x: point.x, y: point.y };
    const [country] = this.map.queryRenderedFeatures([point.x, point.y], { layers: [countryFillLayer.id] });
    const iso3 = country?.properties.iso3;
    return iso3 ? { type: 'country', iso3: String(iso3), x: point.x, y: point.y } : null;
  }

  /** All the events a group of overlapping events holds, from the clustered source. */
  private async stackLeaves(stack: MapGeoJSONFeature): Promise<string[]> {
    const source = this.map.getSource(SOURCE.stacks) as GeoJSONSource;
    const leaves = await source.getClusterLeaves(Number(stack.properties.cluster_id), Infinity, 0);
    return [...new Set(leaves.map((leaf) => String(leaf.properties?.eventId)))];
  }

  private async handleClick(point: { x: number; y: number }) {
    const stack = this.stackAt(point);
    const here = this.eventIdsAt(point);
    const stacked = stack ? await this.stackLeaves(stack) : [];
    const eventIds = [...new Set([...stacked, ...here])];
    if (eventIds.length > 1 && this.handlers.onStack) {
      this.handlers.onStack({ eventIds, x: point.x, y: point.y });
      return;
    }
    const [only] = eventIds;
    if (only) {
      this.handlers.onSelectEvent(only);
      return;
    }
    const [country] = this.map.queryRenderedFeatures([point.x, point.y], { layers: [countryFillLayer.id] });
    if (country?.properties.iso3) this.handlers.onSelectCountry(String(country.properties.iso3));
  }

  private detailBasemapWhenZoomed() {
    if (this.detailedBasemap || !this.styleReady || this.map.getZoom() <= WORLD_BASEMAP_MAX_ZOOM) return;
    this.detailedBasemap = true;
    const source = this.map.getSource(SOURCE.countries) as GeoJSONSource | undefined;
    source?.setData(absolute(BASEMAP.detailed, this.baseUrl));
    this.settle();
  }

  /** Marks the map busy until it has drawn the current state, so `ready` always means drawn. */
  private settle() {
    this.busy = true;
    this.setState('loading');
    this.map.triggerRepaint();
  }

  private setState(state: MapState, detail?: string) {
    if (this.state === state) return;
    this.state = state;
    this.handlers.onStateChange(state, detail);
  }

  /** Runs a style change now, or once the style has loaded; only the latest change of a kind is kept. */
  private whenReady(kind: string, apply: () => void) {
    this.applied.set(kind, apply);
    if (this.styleReady) {
      apply();
      this.settle();
    } else {
      this.pending.set(kind, apply);
    }
  }

  /** Hands the map's callbacks to a new owner (a map made early is adopted by the view), and tells it the state. */
  setHandlers(handlers: AtlasMapHandlers) {
    this.handlers = handlers;
    handlers.onStateChange(this.state);
  }

  /** Gives a map made before the data arrived its events; also replaces a map's events. */
  setEvents(events: MapEvents) {
    if (events === this.events) return;
    this.events = events;
    this.buckets = bucketEvents(events.points);
    this.hasEvents = true;
    this.whenReady('events', () => {
      if (this.map.getLayer(SHADER_WARMUP)) {
        this.map.removeLayer(SHADER_WARMUP);
        this.map.removeSource(SHADER_WARMUP);
      }
      const wanted = this.eventSourcesAndLayers();
      if (!wanted) return;
      let onMap = 0;
      while (this.map.getSource(eventBucketIds(onMap).source)) onMap++;
      const bucketCount = wanted.sources.length;
      // Dense data draws smaller, fainter points; the layers' paint follows the count.
      const paint = eventPointLayerFor(wanted.pointCount).paint ?? {};
      const previous = this.eventLayerPaint ?? {};
      const keys = new Set([...Object.keys(previous), ...Object.keys(paint)]) as Set<keyof typeof paint>;
      const changed = [...keys].filter((key) => previous[key] !== paint[key]);
      const layerById = new Map(wanted.layers.map((layer) => [layer.id, layer]));
      // The buckets both maps have keep their sources and layers: new data, changed paint.
      for (let index = 0; index < Math.min(onMap, bucketCount); index++) {
        const ids = eventBucketIds(index);
        (this.map.getSource(ids.source) as GeoJSONSource).setData(wanted.sources[index][1].data);
        for (const layerId of [ids.faded, ids.points]) {
          const layerPaint = layerById.get(layerId)?.paint ?? {};
          for (const key of changed) {
            this.map.setPaintProperty(layerId, key, layerPaint[key]);
          }
        }
      }
      for (let index = bucketCount; index < onMap; index++) {
        const ids = eventBucketIds(index);
        for (const layerId of [ids.faded, ids.points]) {
          this.map.removeLayer(layerId);
          this.givenFilters.delete(layerId);
        }
        this.map.removeSource(ids.source);
      }
      // New buckets' sources and layers come in together, with the filter and window asked for
      // meanwhile, so their tiles are laid out once; faded layers go under every points layer.
      for (let index = onMap; index < bucketCount; index++) this.map.addSource(...wanted.sources[index]);
      const firstPoints = onMap > 0 ? eventBucketIds(0).points : SELECTED_EVENT_LAYER;
      for (const [kind, before] of [
        ['faded', firstPoints],
        ['points', SELECTED_EVENT_LAYER],
      ] as const) {
        for (let index = onMap; index < bucketCount; index++) {
          const layer = layerById.get(eventBucketIds(index)[kind]);
          if (!layer) continue;
          this.map.addLayer(layer, before);
          this.givenFilters.set(layer.id, filterKey(layer.filter as FilterSpecification));
        }
      }
      this.eventLayerPaint = paint;
      this.applyEventFilters();
      const selectedRadius = selectedEventLayerFor(wanted.pointCount).paint?.['circle-radius'];
      this.map.setPaintProperty(SELECTED_EVENT_LAYER, 'circle-radius', selectedRadius);
      this.drawSelectedEvents();
      this.applyBadgePaint();
    });
  }

  /** The layers that draw the events themselves, every bucket's: whole in the window, and faded. */
  eventLayerIds(): string[] {
    const count = this.buckets?.buckets.length ?? 0;
    return Array.from({ length: count }, (_, index) => eventBucketIds(index)).flatMap((ids) => [
      ids.faded,
      ids.points,
    ]);
  }

  /**
   * The events' sources and layers for the events, filter and window asked for: each layer's
   * filter evaluated for its bucket (event-buckets.ts), so it reads no global state and changes
   * only when a clause its bucket cannot decide does.
   */
  private eventSourcesAndLayers(): EventSourcesAndLayers | undefined {
    const { events, buckets } = this;
    if (!events || !buckets) return undefined;
    const pointCount = events.points.features.length;
    const [faded, points] = eventLayersFor(pointCount, this.eventFilter);
    const byLayer = this.filtersByBucket();
    const layers = (kind: 'faded' | 'points', model: CircleLayerSpecification) =>
      buckets.buckets.map((_, index): CircleLayerSpecification => {
        const ids = eventBucketIds(index);
        const open = byLayer.get(ids[kind]) as FilterSpecification;
        return { ...model, id: ids[kind], source: ids.source, filter: this.closeWindow(open, index) };
      });
    return {
      sources: buckets.buckets.map((bucket, index) => [
        eventBucketIds(index).source,
        eventsSource(bucket.points),
      ]),
      layers: [...layers('faded', faded), ...layers('points', points)],
      pointCount,
    };
  }

  /** The filter with the window's days written in, and what they decide for the bucket folded. */
  private closeWindow(filter: FilterSpecification, bucket: number): FilterSpecification {
    return evaluateKnown(filter, { window: this.window, bucket: this.buckets?.buckets[bucket] });
  }

  /**
   * The view's filter evaluated for each bucket without the window, once per filter or dataset:
   * a search's thousands of ids are narrowed to each bucket's own here, not at each window move.
   */
  private filtersByBucket(): Map<string, FilterSpecification> {
    const { events, buckets } = this;
    if (!events || !buckets) return new Map();
    const cached = this.bucketFilters;
    if (cached && cached.of[0] === this.eventFilter && cached.of[1] === buckets) return cached.byLayer;
    const [faded, points] = eventLayersFor(events.points.features.length, this.eventFilter);
    const split = buckets.buckets.length > 1;
    const byLayer = new Map<string, FilterSpecification>();
    buckets.buckets.forEach((bucket, index) => {
      const ids = eventBucketIds(index);
      const facts = { bucket, among: split ? { bucketOf: buckets.bucketOf, index } : undefined };
      byLayer.set(ids.faded, evaluateKnown(faded.filter as FilterSpecification, facts));
      byLayer.set(ids.points, evaluateKnown(points.filter as FilterSpecification, facts));
    });
    this.bucketFilters = { of: [this.eventFilter, buckets], byLayer };
    return byLayer;
  }

  /** Gives each events layer whose filter changed its new one; the others are not re-tiled. */
  private applyEventFilters() {
    const byLayer = this.filtersByBucket();
    (this.buckets?.buckets ?? []).forEach((_, index) => {
      const ids = eventBucketIds(index);
      for (const layerId of [ids.faded, ids.points]) {
        const open = byLayer.get(layerId);
        if (open && this.map.getLayer(layerId)) this.giveFilter(layerId, this.closeWindow(open, index));
      }
    });
    this.applySelectedEventFilter();
  }

  /** Gives a layer its filter unless MapLibre has that one already (each change re-tiles its source). */
  private giveFilter(layerId: string, filter: FilterSpecification) {
    const key = filterKey(filter);
    if (this.givenFilters.get(layerId) === key) return;
    this.givenFilters.set(layerId, key);
    this.map.setFilter(layerId, filter, { validate: false });
  }

  /**
   * The selected events' filter, with the window written in. Left alone while nothing is
   * selected: its source is empty, and the worker need not hear of every move of the window.
   */
  private applySelectedEventFilter() {
    const asked = this.selectedEventFilter;
    if (!asked || this.selectedEvents.length === 0 || !this.map.getLayer(SELECTED_EVENT_LAYER)) return;
    this.giveFilter(SELECTED_EVENT_LAYER, evaluateKnown(asked, { window: this.window }));
  }

  /**
   * Fits the map to its container again after the container moved or changed size; the default
   * world view is refitted, a camera from the URL or a person is kept.
   */
  fitContainer() {
    const container = this.map.getContainer();
    const canvas = this.map.getCanvas();
    // Resizing reallocates the drawing buffer, which is slow where WebGL is drawn by the CPU.
    if (container.clientWidth === canvas.clientWidth && container.clientHeight === canvas.clientHeight)
      return;
    this.map.resize();
    if (this.intent) this.redoFraming();
    else if (this.lastCamera === 'world') this.map.fitBounds(WORLD_BOUNDS, { padding: 8, animate: false });
    this.settle();
  }

  camera(): MapCamera {
    const center = this.map.getCenter().wrap();
    return { zoom: this.map.getZoom(), lat: center.lat, lon: center.lng };
  }

  /**
   * The events' filter, and the selected events' layer's (a selected event the filter hides is
   * not drawn either): the same, or selectedEventsFilter's small equivalent. Both come from
   * eventMapFilter, which the unit tests evaluate with the style-spec's parser, so MapLibre does
   * not validate them again on the main thread.
   */
  setEventFilter(filter: ExpressionSpecification, selectedFilter: ExpressionSpecification = filter) {
    // The filters last asked for: the one the gate holds back, else the ones the layers have.
    const asked = this.filterGate.waitingValue() ?? [this.eventFilter, this.selectedEventFilter];
    if (filter === asked[0] && selectedFilter === asked[1]) return;
    // A few thousand events re-tile fast enough for every change; so does a change of the
    // selection alone, which only the selected events' small layer draws.
    const urgent = (this.buckets?.buckets.length ?? 0) <= 1 || filter === asked[0];
    this.filterGate.offer([filter, selectedFilter], urgent);
    // Busy while a filter is held, so `ready` still means that the map shows what was asked.
    if (this.filterGate.holding()) this.settle();
  }

  private giveEventFilters(filter: ExpressionSpecification, selectedFilter: ExpressionSpecification) {
    if (filter === this.eventFilter && selectedFilter === this.selectedEventFilter) {
      // Changes that ended where they began: nothing to re-tile, but the map said it was busy.
      this.settle();
      return;
    }
    this.eventFilter = filter;
    this.selectedEventFilter = selectedFilter;
    this.whenReady('event-filters', () => this.applyEventFilters());
  }

  /**
   * The values the filters' global-state expressions read (the time window, map-window.ts). The
   * map writes them into each filter itself rather than into MapLibre's global state, which would
   * re-tile every source whose filters read it: all the events, at each move of the timeline.
   */
  setGlobalState(values: Record<string, unknown>) {
    const window = values[WINDOW];
    if (!isDayPair(window) || (window[0] === this.window[0] && window[1] === this.window[1])) return;
    this.window = window;
    this.whenReady('event-filters', () => this.applyEventFilters());
  }

  /** The time window as day numbers (the bench sets it this way, without React). */
  setTimeWindow(fromDay: number, toDay: number) {
    this.setGlobalState({ [WINDOW]: [fromDay, toDay] });
  }

  /** Choropleth colours by ISO alpha-3; only the countries whose colour changed are touched. */
  setCountryColors(colors: ReadonlyMap<string, string>) {
    this.whenReady('colors', () => this.applyCountryColors(colors));
  }

  private applyCountryColors(colors: ReadonlyMap<string, string>) {
    const source = SOURCE.countries;
    for (const iso3 of this.countryColors.keys()) {
      if (!colors.has(iso3)) this.map.removeFeatureState({ source, id: iso3 }, 'color');
    }
    for (const [iso3, color] of colors) {
      if (this.countryColors.get(iso3) !== color) this.map.setFeatureState({ source, id: iso3 }, { color });
    }
    this.countryColors = new Map(colors);
  }

  /** Partners reached only through a group's membership are drawn fainter, with a dashed outline. */
  setMemberOnly(countries: ReadonlySet<string>) {
    this.whenReady('member-only', () => {
      const source = SOURCE.countries;
      // Only what changed: every feature state set, even to its value, has MapLibre evaluate and
      // upload the country's paint again, and the basemap's countries are its biggest buffers.
      for (const iso3 of this.memberOnly) {
        if (!countries.has(iso3)) this.map.setFeatureState({ source, id: iso3 }, { memberOnly: false });
      }
      for (const iso3 of countries) {
        if (!this.memberOnly.has(iso3)) this.map.setFeatureState({ source, id: iso3 }, { memberOnly: true });
      }
      this.memberOnly = new Set(countries);
    });
  }

  /**
   * The map's own words in the reader's language: the basemap's credit and MapLibre's UI strings
   * (the canvas's name, the credit's button, the two-finger hint), keyed as MapLibre's locale.
   */
  setUiText(attribution: string, ui: Readonly<Record<string, string>>) {
    // English is what the map was made with: nothing to redo (and the credit keeps its folding).
    const same = Object.entries(ui).every(([id, text]) => this.map._locale[id] === text);
    if (same && attribution === this.attributionText) return;
    Object.assign(this.map._locale, ui);
    const title = ui['Map.Title'];
    if (title) this.map.getCanvas().setAttribute('aria-label', title);
    // Both read their words when they are made: make them again.
    this.attributionText = attribution;
    this.map.removeControl(this.attribution);
    this.attribution = new AttributionControl({ compact: true, customAttribution: attribution });
    this.map.addControl(this.attribution, 'bottom-right');
    if (this.map.cooperativeGestures.isEnabled()) {
      this.map.cooperativeGestures.disable();
      this.map.cooperativeGestures.enable();
    }
  }

  /**
   * Which partners are named at world zoom (`partners`, in the data's spelling); where labels
   * collide, the one with the higher `priority` is placed.
   */
  setPartnerLabels(
    partners: Iterable<string>,
    priority: ReadonlyMap<string, number>,
    names: ReadonlyMap<string, string>,
  ) {
    const isos = [...partners];
    this.whenReady('partner-labels', () => {
      this.map.setFilter(partnerLabelLayer.id, ['in', ['get', 'iso3'], ['literal', isos]]);
      const renamed = [...names].flat();
      const textField = (
        renamed.length > 0 ? ['match', ['get', 'iso3'], ...renamed, ['get', 'name']] : ['get', 'name']
      ) as ExpressionSpecification;
      this.map.setLayoutProperty(partnerLabelLayer.id, 'text-field', textField);
      this.map.setLayoutProperty(countryLabelLayer.id, 'text-field', textField);
      const order = [...priority].flatMap(([iso3, count]) => [iso3, -count]);
      this.map.setLayoutProperty(
        partnerLabelLayer.id,
        'symbol-sort-key',
        order.length > 0
          ? (['match', ['get', 'iso3'], ...order, 0] as unknown as ExpressionSpecification)
          : 0,
      );
    });
  }

  /** The lines from China to every partner shown (empty when the switch is off). */
  setNetwork(lines: GeoJSON.FeatureCollection) {
    this.whenReady('network', () => (this.map.getSource(SOURCE.network) as GeoJSONSource).setData(lines));
  }

  /** The shown events at their true places, for the counts on overlapping events. */
  setStacks(points: GeoJSON.FeatureCollection) {
    this.whenReady('stacks', () => (this.map.getSource(SOURCE.stacks) as GeoJSONSource).setData(points));
  }

  setSelection(eventIndexes: readonly number[], country: string | null, links: GeoJSON.FeatureCollection) {
    this.whenReady('selection', () => this.applySelection(eventIndexes, country, links));
  }

  private applySelection(
    eventIndexes: readonly number[],
    country: string | null,
    links: GeoJSON.FeatureCollection,
  ) {
    this.selectedEvents = [...eventIndexes];
    this.drawSelectedEvents();
    if (country !== this.selectedCountry) {
      this.map.setFilter(countrySelectedLayer.id, selectedCountryFilter(country));
    }
    this.selectedCountry = country;
    (this.map.getSource(SOURCE.links) as GeoJSONSource | undefined)?.setData(links);
  }

  /**
   * The selected events' points, copied from the events (none before they arrive): every point of
   * each, as an event drawn at each of its partners has one a partner, all with its index as id.
   */
  private drawSelectedEvents() {
    const selected = new Set(this.selectedEvents);
    const features =
      selected.size === 0
        ? []
        : (this.events?.points.features ?? []).filter((f) => selected.has(Number(f.id)));
    // Nothing selected before or now (most changes of the view): the worker need not hear of it.
    if (features.length === 0 && this.selectionDrawn === 0) return;
    this.selectionDrawn = features.length;
    this.applySelectedEventFilter();
    (this.map.getSource(SOURCE.selectedEvents) as GeoJSONSource | undefined)?.setData({
      type: 'FeatureCollection',
      features,
    });
  }

  /** Moves the camera for the app (URL, host, story step); a person's own moves are left alone. */
  setCamera(camera: MapCamera | null) {
    const key = cameraKey(camera);
    if (key === this.lastCamera) return;
    this.lastCamera = key;
    this.framing = false;
    // A camera from outside (the URL, a host, a person's earlier move) replaces any framing.
    this.intent = null;
    if (camera) this.map.jumpTo({ center: [camera.lon, camera.lat], zoom: camera.zoom });
    else this.map.fitBounds(WORLD_BOUNDS, { padding: 8, animate: false });
    this.settle();
  }

  /**
   * Frames a set of points (none: the whole world), leaving room for whatever covers part of the
   * map, and keeps doing so on a resize until a person moves the map. Resolves when the camera
   * has arrived (at once without animation), or when another framing replaces this one.
   */
  fitPoints(
    points: readonly [number, number][],
    options: {
      padding: MapPadding | (() => MapPadding);
      animate: boolean;
      maxZoom?: number;
      /** See `Framing.ownPadding`: for the presenter's single world beside its caption card. */
      ownPadding?: boolean;
      /** A stored camera (a person's own story step) shown instead of fitting the points. */
      camera?: MapCamera;
    },
  ): Promise<void> {
    const { padding } = options;
    this.intent = {
      points: [...points],
      camera: options.camera,
      padding: typeof padding === 'function' ? padding : () => padding,
      kind: 'fit',
      maxZoom: options.maxZoom ?? 4.5,
      ownPadding: options.ownPadding ?? false,
    };
    const arrived = new Promise<void>((resolve) => this.awaitArrival(resolve));
    this.whenReady('framing', () => this.applyFraming(options.animate));
    return arrived;
  }

  /**
   * Brings points into the part of the map the panels leave free, moving only when one of them
   * is hidden: a selection's place, China and its partners never sit behind its own details.
   * Checked again whenever the map is resized or `refreshFraming` is called, until a person
   * moves the map.
   */
  revealPoints(points: readonly [number, number][], padding: MapPadding | (() => MapPadding)) {
    if (points.length === 0) {
      if (this.intent?.kind === 'reveal') this.intent = null;
      return;
    }
    this.intent = {
      points: [...points],
      padding: typeof padding === 'function' ? padding : () => padding,
      kind: 'reveal',
      // A fit may zoom in (to a region's partners), but not into a featureless blue ocean or one
      // country's inside: four is about a region the size of Central Asia on a laptop.
      maxZoom: 4,
      ownPadding: false,
    };
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.whenReady('framing', () => this.applyFraming(!reduced));
  }

  /** What covers the map may have changed (a panel grew, the legend folded): redo the framing. */
  refreshFraming() {
    if (this.intent && this.styleReady) this.redoFraming();
  }

  /** A framing redone for a new layout jumps there: the reader is not watching a flight. */
  private redoFraming() {
    this.applyFraming(false);
  }

  private awaitArrival(resolve: () => void) {
    this.arrive();
    this.arrival = resolve;
  }

  private arrive() {
    const arrival = this.arrival;
    this.arrival = null;
    arrival?.();
  }

  private applyFraming(animate: boolean) {
    const intent = this.intent;
    if (!intent) return;
    const padding = intent.padding();
    if (intent.kind === 'reveal' && this.pointsInside(intent.points, padding)) {
      this.arrive();
      return;
    }
    // An animation still under way ends here, and its moveend is written back before ours starts.
    if (this.map.isMoving()) this.map.stop();
    this.framing = true;
    if (intent.camera) {
      // The padding is the map's own, so the centre is the free part's centre (as far as one
      // world on this screen allows).
      const { lon, lat, zoom } = intent.camera;
      this.map.flyTo({ center: [lon, lat], zoom, padding, animate });
    } else {
      this.fitFraming(intent, padding, animate);
    }
    // Without animation MapLibre has already ended the move (and written it back).
    if (!this.map.isMoving()) {
      this.framing = false;
      this.arrive();
      this.lastCamera = cameraKey(this.camera());
    }
    this.settle();
  }

  private fitFraming(intent: Framing, padding: MapPadding, animate: boolean) {
    const bounds =
      intent.points.length === 0 ? undefined : new LngLatBounds(intent.points[0], intent.points[0]);
    for (const point of intent.points) bounds?.extend(point);
    this.map.fitBounds(bounds ?? WORLD_BOUNDS, {
      padding,
      absolutePadding: intent.ownPadding,
      animate,
      // Never `maxZoom: undefined`: MapLibre would take it over its default and compute NaN.
      ...(bounds ? { maxZoom: intent.maxZoom } : {}),
      duration: animate ? (intent.kind === 'fit' ? 1600 : 800) : 0,
    });
  }

  private pointsInside(points: readonly [number, number][], padding: MapPadding): boolean {
    const canvas = this.map.getCanvas();
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    return points.every(([lon, lat]) => {
      const p = this.map.project([lon, lat]);
      return (
        p.x >= padding.left &&
        p.x <= width - padding.right &&
        p.y >= padding.top &&
        p.y <= height - padding.bottom
      );
    });
  }

  /** "Reset view": the whole world again, as the app's own move (it is not echoed as a person's). */
  resetView() {
    this.lastCamera = 'world';
    this.framing = false;
    this.intent = null;
    this.map.fitBounds(WORLD_BOUNDS, { padding: 8, animate: false });
    this.settle();
  }

  /**
   * The presenter's map: one world (no copies beside it on a wide screen) and labels large
   * enough to read on a projector.
   */
  setPresentation(on: boolean) {
    this.map.setRenderWorldCopies(!on);
    this.whenReady('presentation', () => {
      // Only the partners are named, at every zoom: a room reads a few big names, not every country.
      this.map.setLayerZoomRange(partnerLabelLayer.id, 0, on ? 24 : (partnerLabelLayer.maxzoom ?? 24));
      this.map.setLayoutProperty(countryLabelLayer.id, 'visibility', on ? 'none' : 'visible');
      this.map.setLayoutProperty(
        partnerLabelLayer.id,
        'text-size',
        on ? 17 : partnerLabelLayer.layout?.['text-size'],
      );
      this.map.setLayoutProperty(
        stackCountLayer.id,
        'text-size',
        on ? 16 : stackCountLayer.layout?.['text-size'],
      );
      this.presenting = on;
      this.applyBadgePaint();
    });
  }

  /** The badges keep sharing the points' shader program when the points' paint changes. */
  private applyBadgePaint() {
    if (!this.map.getLayer(stackBadgeLayer.id)) return;
    const radius = this.presenting ? 13 : STACK_BADGE_LOOK['circle-radius'];
    const paint = stackBadgePaint(this.eventLayerPaint, radius);
    // MapLibre compares with the current value itself: no work where nothing changed.
    for (const [property, value] of Object.entries(paint) as [keyof typeof paint, never][])
      this.map.setPaintProperty(stackBadgeLayer.id, property, value);
  }

  /** The zoom buttons: a person's move, so it is reported like a gesture on the map. */
  zoomBy(delta: number) {
    this.intent = null;
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.map.easeTo({ zoom: this.map.getZoom() + delta, duration: reduced ? 0 : 300 });
    this.map.once('moveend', () => {
      const camera = this.camera();
      this.lastCamera = cameraKey(camera);
      this.handlers.onUserCamera(camera);
    });
  }

  /**
   * The map's pixels as drawn now, at `pixelRatio` device pixels per CSS pixel, copied into a 2D
   * canvas. MapLibre draws without preserveDrawingBuffer (keeping it costs every frame), so the
   * copy is made inside a `render` event, before the browser presents and clears the buffer. A
   * ratio other than the current one redraws the map at it first (vectors, not an upscaled
   * bitmap), then puts it back. MapLibre caps the canvas size (4096 px a side by default), so
   * the copy may be smaller than asked; the caller scales it to fit.
   */
  async snapshot(pixelRatio: number): Promise<HTMLCanvasElement> {
    const map = this.map;
    const previous = map.getPixelRatio();
    const changed = Math.abs(pixelRatio - previous) > 1e-6;
    const copy = document.createElement('canvas');
    try {
      if (changed) {
        const settled = new Promise((resolve) => map.once('idle', resolve));
        map.setPixelRatio(pixelRatio);
        await settled;
      }
      await new Promise<void>((resolve) => {
        map.once('render', () => {
          const canvas = map.getCanvas();
          copy.width = canvas.width;
          copy.height = canvas.height;
          copy.getContext('2d')?.drawImage(canvas, 0, 0);
          resolve();
        });
        map.triggerRepaint();
      });
    } finally {
      if (changed) map.setPixelRatio(previous);
    }
    return copy;
  }

  /** The map's size on screen, in CSS pixels. */
  size(): { width: number; height: number } {
    const container = this.map.getContainer();
    return { width: container.clientWidth, height: container.clientHeight };
  }

  /** The events drawn in view, each with where it is on screen (map pixels). */
  renderedEventPoints(): { eventId: string; x: number; y: number }[] {
    const seen = new Map<string, { eventId: string; x: number; y: number }>();
    if (!this.map.getLayer(eventPointLayer.id)) return [];
    const eventIds = this.events?.eventIds ?? [];
    for (const feature of this.map.queryRenderedFeatures({ layers: this.eventLayerIds() })) {
      const eventId = eventIds[Number(feature.id)];
      if (eventId === undefined || seen.has(eventId) || feature.geometry.type !== 'Point') continue;
      const [lon, lat] = feature.geometry.coordinates as [number, number];
      const p = this.map.project([lon, lat]);
      seen.set(eventId, { eventId, x: p.x, y: p.y });
    }
    return [...seen.values()];
  }

  renderedEventIds(): string[] {
    if (!this.map.getLayer(eventPointLayer.id)) return [];
    return this.eventIdsOf(this.map.queryRenderedFeatures({ layers: this.eventLayerIds() }));
  }

  resize() {
    this.map.resize();
  }

  destroy() {
    this.filterGate.drop();
    this.map.remove();
  }
}
