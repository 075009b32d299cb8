import type { KeyboardEvent, RefObject } from 'react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { CountryPoint } from '../domain/event-features.ts';
import { placeEvents } from '../domain/event-features.ts';
import { partnerEventCounts } from '../domain/event-filter.ts';
import type { AtlasEvent } from '../domain/event-schema.ts';
import type { Basemap } from '../domain/world-projection.ts';
import {
  WORLD_FRAME_D as FRAME_D,
  isBasemap,
  projectWorld as project,
  WORLD_VIEW_HEIGHT as VIEW_HEIGHT,
  WORLD_VIEW_WIDTH as VIEW_WIDTH,
  worldCountryShapes,
} from '../domain/world-projection.ts';
import { COLORS, HOST_ISO3 } from './layers.ts';
import './static-map.css';

// The map for browsers without WebGL: the same choropleth and event points as the live map, drawn
// once as SVG. No pan or zoom; countries and events are still buttons that select.

export interface StaticMapProps {
  /** A GeoJSON FeatureCollection of countries ({ iso3, name, disputed }), planar lon/lat. */
  basemapUrl: string;
  /** The events passing the filters. */
  events: readonly AtlasEvent[];
  countryPoints: ReadonlyMap<string, CountryPoint>;
  /** The choropleth colour of a count of events; 0 gives the land colour. */
  colorFor: (count: number) => string;
  selectedEventId: string | null;
  selectedCountry: string | null;
  onSelectEvent: (id: string) => void;
  onSelectCountry: (iso3: string) => void;
}

const POINT_RADIUS_PX = 5;
const SELECTED_RADIUS_PX = 7.5;

type Loaded =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; basemap: Basemap };

function useBasemap(url: string): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ status: 'loading' });
    fetch(url, { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`.trim());
        const json: unknown = await response.json().catch(() => undefined);
        if (!isBasemap(json)) throw new Error(`${url} is not a GeoJSON FeatureCollection`);
        setLoaded({ status: 'ready', basemap: json });
      })
      .catch((error: Error) => {
        if (!controller.signal.aborted) setLoaded({ status: 'error', message: error.message });
      });
    return () => controller.abort();
  }, [url]);
  return loaded;
}

/** The rendered width in CSS pixels, so points keep their size in pixels whatever the width. */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

const activate = (select: () => void) => (event: KeyboardEvent) => {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  event.preventDefault();
  select();
};

const plural = (count: number) => `${count} event${count === 1 ? '' : 's'}`;

export function StaticMap({
  basemapUrl,
  events,
  countryPoints,
  colorFor,
  selectedEventId,
  selectedCountry,
  onSelectEvent,
  onSelectCountry,
}: StaticMapProps) {
  const frameRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const loaded = useBasemap(basemapUrl);
  const width = useWidth(frameRef);
  // Pixels to drawing units; before the first measure, assume the drawing is shown at its size.
  const px = width > 0 ? VIEW_WIDTH / width : 1;

  const basemap = loaded.status === 'ready' ? loaded.basemap : null;
  const shapes = useMemo(
    () => (basemap ? worldCountryShapes(basemap, (iso3) => countryPoints.get(iso3)?.name) : []),
    [basemap, countryPoints],
  );
  const counts = useMemo(() => partnerEventCounts(events), [events]);
  const points = useMemo(() => {
    return placeEvents(events, countryPoints).map(({ event, iso3: place, lon, lat }, i) => {
      return {
        key: `${event.id}:${place || i}`,
        event,
        xy: project(lon, lat),
        // Aid has a point per recipient: say which one, or the buttons would read alike.
        label: place ? `${event.title} (${countryPoints.get(place)?.name ?? place})` : event.title,
      };
    });
  }, [events, countryPoints]);

  const host = shapes.find((s) => s.iso3 === HOST_ISO3);
  const selectedShape = shapes.find((s) => s.iso3 === selectedCountry);

  return (
    <div ref={frameRef} className="static-map" data-static-map={loaded.status}>
      {loaded.status === 'error' && (
        <p className="static-map-message" role="alert">
          The static map could not be loaded ({loaded.message}).
        </p>
      )}
      {loaded.status === 'loading' && <p className="static-map-message">Loading the static map…</p>}
      {basemap && (
        // An svg with a title can be read as one image; as a group, its buttons stay reachable.
        // biome-ignore lint/a11y/useSemanticElements: an svg cannot be a <fieldset>.
        <svg viewBox={`0 0 ${VIEW_WIDTH} ${VIEW_HEIGHT}`} role="group" aria-labelledby={titleId}>
          <title id={titleId}>Static map of the events</title>
          <path className="static-map-ocean" d={FRAME_D} fill={COLORS.ocean} />
          <g className="static-map-countries">
            {shapes.map(({ iso3, name, d }) => {
              const count = counts.get(iso3) ?? 0;
              const fill = iso3 === HOST_ISO3 ? COLORS.hostFill : colorFor(count);
              if (count === 0) {
                return (
                  <path key={iso3} d={d} fill={fill} stroke={COLORS.border} data-iso3={iso3}>
                    <title>{name}</title>
                  </path>
                );
              }
              const label = `${name}: ${plural(count)}`;
              return (
                // biome-ignore lint/a11y/useSemanticElements: SVG has no <button>; a shape takes the role.
                <path
                  key={iso3}
                  d={d}
                  fill={fill}
                  stroke={COLORS.border}
                  className="static-map-button"
                  data-iso3={iso3}
                  role="button"
                  tabIndex={0}
                  aria-label={label}
                  aria-current={iso3 === selectedCountry ? 'true' : undefined}
                  onClick={() => onSelectCountry(iso3)}
                  onKeyDown={activate(() => onSelectCountry(iso3))}
                >
                  <title>{label}</title>
                </path>
              );
            })}
          </g>
          {/* Outlines drawn over every neighbour's border; moving the shapes would lose focus. */}
          {host && <path className="static-map-outline" d={host.d} stroke={COLORS.host} strokeWidth={1.5} />}
          {selectedShape && (
            <path
              className="static-map-outline"
              d={selectedShape.d}
              stroke={COLORS.selected}
              strokeWidth={2.5}
            />
          )}
          <g className="static-map-events">
            {points.map(({ key, event, xy, label }) => {
              const selected = event.id === selectedEventId;
              const year = event.date.precision === 'year';
              return (
                // biome-ignore lint/a11y/useSemanticElements: SVG has no <button>; a shape takes the role.
                <circle
                  key={key}
                  cx={xy[0]}
                  cy={xy[1]}
                  r={(selected ? SELECTED_RADIUS_PX : POINT_RADIUS_PX) * px}
                  // As on the live map: dated events solid, month-only pale, year-only hollow.
                  fill={
                    selected
                      ? COLORS.selected
                      : year
                        ? COLORS.pointStroke
                        : event.date.precision === 'month'
                          ? COLORS.pointMonth
                          : COLORS.point
                  }
                  stroke={selected ? '#7a3400' : year ? COLORS.point : COLORS.pointStroke}
                  strokeWidth={year ? 2 : 1.2}
                  className="static-map-button"
                  data-event-id={event.id}
                  role="button"
                  tabIndex={0}
                  aria-label={label}
                  aria-current={selected ? 'true' : undefined}
                  onClick={() => onSelectEvent(event.id)}
                  onKeyDown={activate(() => onSelectEvent(event.id))}
                >
                  <title>{label}</title>
                </circle>
              );
            })}
          </g>
          {/* The selected event's points again, over any neighbour in its stack. */}
          {points
            .filter((p) => p.event.id === selectedEventId)
            .map(({ key, xy }) => (
              <circle
                key={key}
                className="static-map-overlay"
                cx={xy[0]}
                cy={xy[1]}
                r={SELECTED_RADIUS_PX * px}
                fill={COLORS.selected}
                stroke="#7a3400"
                strokeWidth={1.2}
              />
            ))}
        </svg>
      )}
    </div>
  );
}
