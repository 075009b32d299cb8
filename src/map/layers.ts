import type {
  BackgroundLayerSpecification,
  CircleLayerSpecification,
  ExpressionSpecification,
  FillLayerSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';

import { BASE_COLORS } from '../domain/base-colors.ts';
import { WINDOW_FROM_DAY, WINDOW_TO_DAY } from '../domain/map-window.ts';

// Every layer of the map as a typed constant: the one place to read what is drawn and how.

export const SOURCE = {
  countries: 'countries',
  countryPoints: 'country-points',
  events: 'events',
  /** The selected events' points, drawn over the rest (a few features: cheap to replace). */
  selectedEvents: 'selected-events',
  links: 'links',
  stacks: 'stacks',
  network: 'network',
} as const;
/** Below this zoom co-located events overlap; their count is drawn on them (see stack layers). */
export const STACK_MAX_ZOOM = 5;
/** The labels' font stack: its Latin glyph ranges are files under LABEL_GLYPHS_DIR (`npm run data`). */
export const LABEL_FONT = 'noto-sans-regular';
export const LABEL_GLYPHS_DIR = 'fonts/glyphs';
export const HOST_ISO3 = 'CHN';

export const COLORS = {
  ocean: BASE_COLORS.ocean,
  land: BASE_COLORS.land,
  border: '#b7b2a8',
  host: '#b3202a',
  hostFill: '#f1d4cf',
  label: '#4a4f55',
  labelHalo: '#ffffff',
  point: '#1d4e89',
  pointMonth: '#7d9cc4',
  pointStroke: '#ffffff',
  selected: '#e0701b',
  link: '#e0701b',
} as const;

export const backgroundLayer: BackgroundLayerSpecification = {
  id: 'ocean',
  type: 'background',
  paint: { 'background-color': COLORS.ocean },
};

export const countryFillLayer: FillLayerSpecification = {
  id: 'country-fill',
  type: 'fill',
  source: SOURCE.countries,
  paint: {
    // The border layer draws every edge: MapLibre's antialiasing outline pass would draw them
    // again, with a shader program of its own to compile before the first view.
    'fill-antialias': false,
    // The choropleth colour arrives as feature-state, so a filter change never re-tiles the basemap.
    'fill-color': [
      'case',
      ['==', ['get', 'iso3'], HOST_ISO3],
      COLORS.hostFill,
      ['coalesce', ['feature-state', 'color'], COLORS.land],
    ],
  },
};

export const countryBorderLayer: LineLayerSpecification = {
  id: 'country-border',
  type: 'line',
  source: SOURCE.countries,
  paint: { 'line-color': COLORS.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 0, 0.4, 5, 1] },
};

export const hostOutlineLayer: LineLayerSpecification = {
  id: 'host-outline',
  type: 'line',
  source: SOURCE.countries,
  filter: ['==', ['get', 'iso3'], HOST_ISO3],
  paint: { 'line-color': COLORS.host, 'line-width': 1.5 },
};

/** Partners reached only through a group's membership: fainter fill and a dashed outline. */
export const countryMemberLayer: LineLayerSpecification = {
  id: 'country-member',
  type: 'line',
  source: SOURCE.countries,
  paint: {
    'line-color': COLORS.point,
    'line-width': 1.2,
    'line-dasharray': [2, 2],
    'line-opacity': ['case', ['boolean', ['feature-state', 'memberOnly'], false], 0.9, 0],
  },
};

/** The outline of the selected country (or of none): this layer's filter, as the map sets it. */
export function selectedCountryFilter(iso3: string | null): ExpressionSpecification {
  return iso3 === null ? ['boolean', false] : ['==', ['get', 'iso3'], iso3];
}

/**
 * The selected country's outline. Chosen by its filter, not by feature-state over every border:
 * with a constant paint it shares the borders' shader program, and a map with nothing selected
 * (every first view) neither lays out nor draws a second copy of the world's borders.
 */
export const countrySelectedLayer: LineLayerSpecification = {
  id: 'country-selected',
  type: 'line',
  source: SOURCE.countries,
  filter: selectedCountryFilter(null),
  paint: { 'line-color': COLORS.selected, 'line-width': 2.5 },
};

export const linkLayer: LineLayerSpecification = {
  id: 'links',
  type: 'line',
  source: SOURCE.links,
  layout: { 'line-cap': 'round' },
  paint: { 'line-color': COLORS.link, 'line-width': 1.6, 'line-opacity': 0.85, 'line-dasharray': [2, 1.5] },
};

/** "Lines to partners": China to every partner of the events shown, as great circles. */
export const networkLayer: LineLayerSpecification = {
  id: 'network',
  type: 'line',
  source: SOURCE.network,
  layout: { 'line-cap': 'round' },
  paint: { 'line-color': COLORS.host, 'line-width': 1.1, 'line-opacity': 0.55 },
};

export const countryLabelLayer: SymbolLayerSpecification = {
  id: 'country-label',
  type: 'symbol',
  source: SOURCE.countryPoints,
  minzoom: 2,
  layout: {
    'text-field': ['get', 'name'],
    'text-font': [LABEL_FONT],
    'text-size': ['interpolate', ['linear'], ['zoom'], 2, 10, 6, 14],
    'text-max-width': 7,
    'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
    'text-radial-offset': 0.6,
  },
  paint: { 'text-color': COLORS.label, 'text-halo-color': COLORS.labelHalo, 'text-halo-width': 1.2 },
};

/**
 * Partner countries named at world zoom, in the dataset's spelling; MapLibre drops labels that
 * would collide, the countries with most events placed first (the app sets filter, names, order).
 */
export const partnerLabelLayer: SymbolLayerSpecification = {
  id: 'partner-label',
  type: 'symbol',
  source: SOURCE.countryPoints,
  maxzoom: 2,
  filter: ['in', ['get', 'iso3'], ['literal', []]],
  layout: {
    'text-field': ['get', 'name'],
    'text-font': [LABEL_FONT],
    'text-size': 11,
    'text-max-width': 7,
    'text-padding': 3,
    // Beside the country's point, not on it: events without a place and stack counts sit there.
    'text-variable-anchor': ['top', 'bottom', 'right', 'left'],
    'text-radial-offset': 1.1,
  },
  paint: { 'text-color': COLORS.label, 'text-halo-color': COLORS.labelHalo, 'text-halo-width': 1.4 },
};

type CirclePaint = NonNullable<CircleLayerSpecification['paint']>;

/** What a badge looks like: a disc in the points' colour, with a white ring. */
export const STACK_BADGE_LOOK = {
  'circle-radius': 10,
  'circle-color': COLORS.point,
  'circle-stroke-color': COLORS.pointStroke,
  'circle-stroke-width': 1.5,
  'circle-opacity': 1,
  'circle-stroke-opacity': 1,
  'circle-blur': 0,
} as const;

const FEATURE_OPERATORS = ['get', 'has', 'feature-state', 'id', 'properties', 'geometry-type'];

function uses(value: unknown, operators: readonly string[]): boolean {
  if (!Array.isArray(value)) return false;
  const [head] = value;
  return (typeof head === 'string' && operators.includes(head)) || value.some((v) => uses(v, operators));
}

/**
 * A constant look written so that each property reaches the shader the way the event points'
 * paint feeds it (per feature, per feature and zoom, or as a uniform): MapLibre keys its compiled
 * shader programs by that, so a layer painted this way is drawn with the points' program instead
 * of compiling one of its own. In SwiftShader (WebGL drawn by the CPU) a circle program takes
 * 100 to 500 ms to compile, on the main thread.
 */
export function paintFedLikePoints(
  pointPaint: CircleLayerSpecification['paint'],
  look: Readonly<Record<string, number | string>>,
): CirclePaint {
  const paint: Record<string, unknown> = {};
  for (const [property, value] of Object.entries(look)) {
    const model = (pointPaint as Record<string, unknown> | undefined)?.[property];
    const perFeature = uses(model, FEATURE_OPERATORS);
    // Both branches are the same value: feature-dependent in form only.
    const fed = perFeature ? ['case', ['has', 'point_count'], value, value] : value;
    paint[property] =
      perFeature && uses(model, ['zoom']) ? ['interpolate', ['linear'], ['zoom'], 0, fed, 24, fed] : fed;
  }
  return paint as CirclePaint;
}

/**
 * The badges' paint, sharing the points' program: otherwise it would be compiled the first time
 * a filter leaves few enough events for badges, holding the page mid-filtering.
 */
export function stackBadgePaint(
  pointPaint: CircleLayerSpecification['paint'],
  radius: number = STACK_BADGE_LOOK['circle-radius'],
): CirclePaint {
  return paintFedLikePoints(pointPaint, { ...STACK_BADGE_LOOK, 'circle-radius': radius });
}

export const SHADER_WARMUP = 'shader-warmup';

/**
 * One invisible point drawn with the points' program by a map that is still waiting for its data
 * (boot.ts), so the program is compiled while the data downloads instead of after it.
 */
export function shaderWarmupLayer(): CircleLayerSpecification {
  return {
    id: SHADER_WARMUP,
    type: 'circle',
    source: SHADER_WARMUP,
    // Sparse or dense, the points' paint feeds the shader alike (see eventPointLayerFor).
    // Transparent by colour: MapLibre skips drawing a layer whose opacity is a constant 0.
    paint: paintFedLikePoints(eventPointLayer.paint, {
      ...STACK_BADGE_LOOK,
      'circle-color': 'rgba(0, 0, 0, 0)',
      'circle-stroke-color': 'rgba(0, 0, 0, 0)',
    }),
  };
}

/** A count on each group of overlapping events ("8" on Beijing at world zoom). */
export const stackBadgeLayer: CircleLayerSpecification = {
  id: 'stack-badge',
  type: 'circle',
  source: SOURCE.stacks,
  filter: ['has', 'point_count'],
  paint: stackBadgePaint(undefined),
};

/** The badge layer for a map of this many points (its paint follows the points' layer). */
export function stackBadgeLayerFor(pointCount: number): CircleLayerSpecification {
  return { ...stackBadgeLayer, paint: stackBadgePaint(eventPointLayerFor(pointCount).paint) };
}

export const stackCountLayer: SymbolLayerSpecification = {
  id: 'stack-count',
  type: 'symbol',
  source: SOURCE.stacks,
  filter: ['has', 'point_count'],
  layout: {
    'text-field': ['to-string', ['get', 'point_count']],
    'text-font': [LABEL_FONT],
    'text-size': 12,
    'text-allow-overlap': true,
    'text-ignore-placement': true,
  },
  paint: { 'text-color': '#ffffff' },
};

/**
 * An event dated only to a month or year that merely overlaps a narrower time window (it may
 * have happened outside it) is drawn faded, so moving the window or playing visibly changes the
 * map. With the full extent as the window every event lies inside it and none is faded.
 */
export const PARTLY_IN_WINDOW: ExpressionSpecification = [
  'all',
  ['!=', ['get', 'precision'], 'day'],
  ['any', ['<', ['get', 'start'], WINDOW_FROM_DAY], ['>', ['get', 'end'], WINDOW_TO_DAY]],
];

/**
 * A colour by the event's date precision. The colours read no window: MapLibre lays out again
 * every tile of a layer whose per-feature paint reads a global state that changed, on top of the
 * reload its filter asks for, so with the fading in the colours the events were tiled two or
 * three times per move of the timeline. The faded layer draws the fading, chosen by its filter.
 * Over the bench's drive through the UI at 50,000 events, MapLibre's worker worked 7.6 to 8.7 s
 * with the fading in the colours, 6.7 to 7.8 s with it as a second layer (three interleaved runs
 * each, measured with a veil over the points; two layers splitting them measured alike).
 */
function byPrecision(colors: PrecisionColors): ExpressionSpecification {
  return ['match', ['get', 'precision'], 'year', colors.year, 'month', colors.month, colors.day];
}

type PrecisionColors = { year: string; month: string; day: string };
// Exactly dated events are solid, month-only ones pale, year-only ones hollow rings.
const POINT_COLORS: { fill: PrecisionColors; stroke: PrecisionColors } = {
  fill: { year: COLORS.pointStroke, month: COLORS.pointMonth, day: COLORS.point },
  stroke: { year: COLORS.point, month: COLORS.pointStroke, day: COLORS.pointStroke },
};

// The selected events are drawn again, bigger, by a layer of their own (selectedEventLayerFor):
// the points' radius then depends on the zoom alone, a uniform rather than two floats a vertex,
// so every re-tiling of tens of thousands of points evaluates and uploads less.
const EVENT_POINT_MAX_RADIUS = 10;
const EVENT_POINT_STROKE = 1.5;

/**
 * How far past its edges (in a 512-pixel tile's pixels) an events tile holds points: enough for
 * the widest disc to be drawn whole across an edge, and little more, since every point within it
 * is laid out, uploaded and drawn again by the neighbouring tile.
 */
export const EVENT_TILE_BUFFER = Math.ceil(EVENT_POINT_MAX_RADIUS + EVENT_POINT_STROKE) + 4;

export const eventPointLayer: CircleLayerSpecification = {
  id: 'event-points',
  type: 'circle',
  source: SOURCE.events,
  paint: {
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 0, 4.5, 4, 7, 8, EVENT_POINT_MAX_RADIUS],
    'circle-color': byPrecision(POINT_COLORS.fill),
    'circle-stroke-color': byPrecision(POINT_COLORS.stroke),
    'circle-stroke-width': EVENT_POINT_STROKE,
  },
};

// Past this many points a world view becomes a carpet of overlapping discs: draw them small and
// translucent at low zoom so density reads as depth, growing to full size as the reader zooms in.
// Only zoom-dependent (uniform) properties change, so both paints share one shader program.
export const DENSE_POINT_COUNT = 2000;

export function eventPointLayerFor(pointCount: number): CircleLayerSpecification {
  if (pointCount <= DENSE_POINT_COUNT) return eventPointLayer;
  return {
    ...eventPointLayer,
    paint: {
      ...eventPointLayer.paint,
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 0, 1.6, 3, 2.6, 6, 6],
      'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 0, 0, 5, 1.5],
      'circle-opacity': ['interpolate', ['linear'], ['zoom'], 0, 0.55, 5, 1],
    },
  };
}

/**
 * The events partly in the window (PARTLY_IN_WINDOW), drawn under the others in the points'
 * colours at a quarter of their strength; the points' own layer leaves them out. Each layer's
 * filter (the view's filter and whether the event is partly in the window) is what reads the
 * window; the paint, fed like the points', shares their shader program. A veil drawn over the
 * points instead covered their neighbours too where discs overlap (every stack's ring, and the
 * whole map at 50,000 events).
 */
export const EVENT_FADED_LAYER = 'event-points-faded';
const FADED_OPACITY = 0.25;

/** Each of `colors` as rgba() at FADED_OPACITY (a style expression takes rgba, not #rrggbbaa). */
function faded(colors: PrecisionColors): PrecisionColors {
  const fade = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16));
    return `rgba(${r}, ${g}, ${b}, ${FADED_OPACITY})`;
  };
  return { year: fade(colors.year), month: fade(colors.month), day: fade(colors.day) };
}

/** The points layer's filter: the view's, less the events partly in the window. */
export function wholeInWindowFilter(viewFilter?: ExpressionSpecification): ExpressionSpecification {
  const whole: ExpressionSpecification = ['!', PARTLY_IN_WINDOW];
  return viewFilter ? ['all', whole, viewFilter] : whole;
}

/** The faded layer's filter: the events the view's filter shows that lie only partly in the window. */
export function partlyInWindowFilter(viewFilter?: ExpressionSpecification): ExpressionSpecification {
  return viewFilter ? ['all', PARTLY_IN_WINDOW, viewFilter] : PARTLY_IN_WINDOW;
}

export function eventFadedLayerFor(
  pointCount: number,
  viewFilter?: ExpressionSpecification,
): CircleLayerSpecification {
  const points = eventPointLayerFor(pointCount).paint;
  return {
    id: EVENT_FADED_LAYER,
    type: 'circle',
    source: SOURCE.events,
    filter: partlyInWindowFilter(viewFilter),
    paint: {
      ...points,
      'circle-color': byPrecision(faded(POINT_COLORS.fill)),
      'circle-stroke-color': byPrecision(faded(POINT_COLORS.stroke)),
    },
  };
}

/** The layers that draw the events, in drawing order (the faded under the points), each filtered. */
export function eventLayersFor(
  pointCount: number,
  viewFilter?: ExpressionSpecification,
): [faded: CircleLayerSpecification, points: CircleLayerSpecification] {
  return [
    eventFadedLayerFor(pointCount, viewFilter),
    { ...eventPointLayerFor(pointCount), filter: wholeInWindowFilter(viewFilter) },
  ];
}

/**
 * The source and the two layers of the events' bucket `index` (event-buckets.ts): the first keeps
 * the plain ids, so a map of few events (one bucket) has one `events` source and its two layers.
 */
export function eventBucketIds(index: number): { source: string; faded: string; points: string } {
  const suffix = index === 0 ? '' : `:${index}`;
  return {
    source: `${SOURCE.events}${suffix}`,
    faded: `${EVENT_FADED_LAYER}${suffix}`,
    points: `${eventPointLayer.id}${suffix}`,
  };
}

/**
 * The selected events, over the points in one colour and bigger (by zoom, and smaller where the
 * points are dense). Painted so that it reaches the shader as the points do, sharing their
 * program: selecting an event compiles nothing.
 */
export const SELECTED_EVENT_LAYER = 'event-selected';

export function selectedEventLayerFor(pointCount: number): CircleLayerSpecification {
  const dense = pointCount > DENSE_POINT_COUNT;
  return {
    id: SELECTED_EVENT_LAYER,
    type: 'circle',
    source: SOURCE.selectedEvents,
    paint: {
      ...paintFedLikePoints(eventPointLayerFor(pointCount).paint, {
        'circle-color': COLORS.selected,
        'circle-stroke-color': '#7a3400',
        'circle-stroke-width': 1.5,
      }),
      'circle-radius': [
        'interpolate',
        ['linear'],
        ['zoom'],
        ...(dense ? [0, 7, 3, 9, 6, 11] : [0, 7, 4, 10, 8, 13]),
      ],
    },
  };
}
