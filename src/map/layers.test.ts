import type { StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import { expression, featureFilter, latest } from '@maplibre/maplibre-gl-style-spec';
import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { WINDOW_FROM_DAY, WINDOW_TO_DAY, windowState } from '../domain/map-window.ts';
import {
  countryBorderLayer,
  countrySelectedLayer,
  DENSE_POINT_COUNT,
  EVENT_TILE_BUFFER,
  eventFadedLayerFor,
  eventPointLayerFor,
  partlyInWindowFilter,
  STACK_BADGE_LOOK,
  selectedCountryFilter,
  selectedEventLayerFor,
  shaderWarmupLayer,
  stackBadgePaint,
  wholeInWindowFilter,
} from './layers.ts';

// The points' two looks: few events (the real data) and many, drawn smaller and lighter.
const DENSITIES = [
  ['sparse', 36],
  ['dense', DENSE_POINT_COUNT + 1],
] as const;

// MapLibre keys a compiled shader program by how each paint property reaches the shader: a
// uniform (constants and zoom-only expressions), a per-feature attribute, or per feature and
// zoom. Badges drawn with the points' key reuse the points' program (no compile mid-filtering).

const DATA_DRIVEN = [
  'circle-radius',
  'circle-color',
  'circle-blur',
  'circle-opacity',
  'circle-stroke-width',
  'circle-stroke-color',
  'circle-stroke-opacity',
] as const;

const spec = latest.paint_circle as unknown as Record<string, StylePropertySpecification>;

function feeding(property: string, value: unknown, of = spec): string {
  if (value === undefined || !Array.isArray(value)) return 'uniform';
  const parsed = expression.createPropertyExpression(
    value,
    property,
    of[property] as StylePropertySpecification,
  );
  if (parsed.result !== 'success') throw new Error(`${property}: ${JSON.stringify(parsed.value)}`);
  const kind = parsed.value.kind;
  return kind === 'source' ? 'attribute' : kind === 'composite' ? 'attribute and zoom' : 'uniform';
}

const keyOf = (paint: Record<string, unknown> | undefined) =>
  DATA_DRIVEN.map((property) => `${property}:${feeding(property, paint?.[property])}`);

describe('the event points', () => {
  it('reach the shader alike sparse or dense, so the program compiled before the data serves both', () => {
    const sparse = eventPointLayerFor(36).paint as Record<string, unknown>;
    const dense = eventPointLayerFor(DENSE_POINT_COUNT + 1).paint as Record<string, unknown>;
    expect(keyOf(dense)).toEqual(keyOf(sparse));
    const warmup = shaderWarmupLayer().paint as Record<string, unknown>;
    expect(keyOf(warmup)).toEqual(keyOf(sparse));
  });

  it('fit whole within the events tiles’ buffer at every zoom, sparse or dense', () => {
    const atZoom = (property: string, value: unknown, zoom: number): number => {
      if (typeof value === 'number') return value;
      const parsed = expression.createPropertyExpression(
        value,
        property,
        spec[property] as StylePropertySpecification,
      );
      if (parsed.result !== 'success') throw new Error(property);
      return parsed.value.evaluate({ zoom }) as number;
    };
    const widest = (paint: Record<string, unknown>) =>
      Math.max(
        ...Array.from({ length: 37 }, (_, step) => step / 4).map(
          (zoom) =>
            atZoom('circle-radius', paint['circle-radius'], zoom) +
            atZoom('circle-stroke-width', paint['circle-stroke-width'], zoom),
        ),
      );
    const sparse = widest(eventPointLayerFor(36).paint as Record<string, unknown>);
    const dense = widest(eventPointLayerFor(DENSE_POINT_COUNT + 1).paint as Record<string, unknown>);
    expect(sparse).toBe(11.5);
    expect(Math.max(sparse, dense)).toBeLessThanOrEqual(EVENT_TILE_BUFFER);
    // Well under MapLibre's default of 128, which put each point in twice as many world tiles.
    expect(EVENT_TILE_BUFFER).toBeLessThan(32);
  });
});

describe('the events partly in the window', () => {
  it.each(DENSITIES)('are drawn as the %s points are, sharing their shader program', (_, count) => {
    const points = eventPointLayerFor(count).paint as Record<string, unknown>;
    const faded = eventFadedLayerFor(count).paint as Record<string, unknown>;
    expect(keyOf(faded)).toEqual(keyOf(points));
    for (const property of ['circle-radius', 'circle-stroke-width', 'circle-opacity'])
      expect(faded[property]).toEqual(points[property]);
    expect(faded['circle-color']).not.toEqual(points['circle-color']);
  });

  it('leave the window to the filters: no paint reads it', () => {
    // MapLibre lays out again every tile of a layer whose per-feature paint reads a global state
    // that changed: the events would be tiled again on top of the filter's own reload.
    for (const [, count] of DENSITIES) {
      expect(JSON.stringify(eventPointLayerFor(count).paint)).not.toContain('global-state');
      expect(JSON.stringify(eventFadedLayerFor(count).paint)).not.toContain('global-state');
      expect(JSON.stringify(eventFadedLayerFor(count).filter)).toContain('global-state');
    }
  });

  it('are the faded layer’s, and every other event the view shows is the points layer’s', () => {
    // Window: days 100 to 130. The view's filter hides visits.
    const viewFilter: ExpressionSpecification = [
      'all',
      ['<=', ['get', 'start'], WINDOW_TO_DAY],
      ['>=', ['get', 'end'], WINDOW_FROM_DAY],
      ['!=', ['get', 'kind'], 'visit'],
    ];
    const events: [string, { precision: string; start: number; end: number; kind: string }][] = [
      ['a day inside', { precision: 'day', start: 110, end: 110, kind: 'exercise' }],
      ['a month inside', { precision: 'month', start: 100, end: 129, kind: 'exercise' }],
      ['a month over the start', { precision: 'month', start: 90, end: 119, kind: 'exercise' }],
      ['a year over both ends', { precision: 'year', start: 0, end: 364, kind: 'exercise' }],
      ['a month over the end, hidden', { precision: 'month', start: 120, end: 150, kind: 'visit' }],
      ['a month before the window', { precision: 'month', start: 60, end: 89, kind: 'exercise' }],
    ];
    const picked = (filter: ExpressionSpecification) => {
      const compiled = featureFilter(filter as FilterSpecification, 'f', windowState(100, 130));
      return events
        .filter(([, properties]) => compiled.filter({ zoom: 1 }, { type: 'Point', properties }))
        .map(([name]) => name);
    };
    expect(picked(partlyInWindowFilter(viewFilter))).toEqual([
      'a month over the start',
      'a year over both ends',
    ]);
    expect(picked(wholeInWindowFilter(viewFilter))).toEqual(['a day inside', 'a month inside']);
  });
});

describe('the selected events', () => {
  it.each(DENSITIES)('reach the shader as the %s points do, so selecting compiles no program', (_, count) => {
    const points = eventPointLayerFor(count).paint as Record<string, unknown>;
    const selected = selectedEventLayerFor(count).paint as Record<string, unknown>;
    expect(keyOf(selected)).toEqual(keyOf(points));
  });

  it('leave the points a radius by zoom alone: a uniform, not two floats a vertex', () => {
    for (const [, count] of DENSITIES) {
      const points = eventPointLayerFor(count).paint as Record<string, unknown>;
      expect(feeding('circle-radius', points['circle-radius'])).toBe('uniform');
    }
  });
});

describe('stack badges', () => {
  it.each(DENSITIES)('reach the shader as the %s points do, so they share its program', (_, count) => {
    const points = eventPointLayerFor(count).paint as Record<string, unknown>;
    for (const radius of [STACK_BADGE_LOOK['circle-radius'], 13]) {
      const badge = stackBadgePaint(points, radius) as Record<string, unknown>;
      expect(keyOf(badge)).toEqual(keyOf(points));
    }
  });

  it('keep their own look: one colour, one radius, whatever the feature or zoom', () => {
    const badge = stackBadgePaint(eventPointLayerFor(36).paint, 13) as Record<string, unknown>;
    const feature = { type: 'Point' as const, properties: { point_count: 4 } };
    const evaluate = (property: string, value: unknown, zoom: number) => {
      const parsed = expression.createPropertyExpression(
        value,
        property,
        spec[property] as StylePropertySpecification,
      );
      if (parsed.result !== 'success') throw new Error(property);
      return String(parsed.value.evaluate({ zoom }, feature));
    };
    for (const zoom of [0, 3, 8]) {
      expect(evaluate('circle-radius', badge['circle-radius'], zoom)).toBe('13');
      expect(evaluate('circle-opacity', badge['circle-opacity'], zoom)).toBe('1');
      expect(evaluate('circle-color', badge['circle-color'], zoom)).toBe(
        evaluate('circle-color', STACK_BADGE_LOOK['circle-color'], zoom),
      );
    }
  });
});

describe('the selected country outline', () => {
  const lineSpec = latest.paint_line as unknown as Record<string, StylePropertySpecification>;
  const lineFeeding = (paint: Record<string, unknown> | undefined) =>
    Object.keys(lineSpec).map((property) => `${property}:${feeding(property, paint?.[property], lineSpec)}`);

  it('reaches the shader as the borders do, so it compiles no program of its own', () => {
    expect(lineFeeding(countrySelectedLayer.paint)).toEqual(lineFeeding(countryBorderLayer.paint));
  });

  it('draws the selected country alone, and nothing when none is selected', () => {
    const shape = (iso3: string) => ({ type: 2 as const, properties: { iso3 }, geometry: [] });
    const drawn = (selected: string | null) => {
      const { filter } = featureFilter(selectedCountryFilter(selected), 'layers[0].filter');
      return ['VNM', 'PAK', ''].filter((iso3) => filter({ zoom: 2 }, shape(iso3)));
    };
    expect(drawn('VNM')).toEqual(['VNM']);
    expect(drawn(null)).toEqual([]);
    expect(countrySelectedLayer.filter).toEqual(selectedCountryFilter(null));
  });
});
