import type { ExpressionSpecification } from 'maplibre-gl';
import type { ReactNode } from 'react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { EventFeatureCollection } from '../domain/event-features.ts';
import type { MapCamera } from '../domain/view-state.ts';
import type { AtlasMap, AtlasMapHandlers, MapState } from './atlas-map.ts';
import { webglSupported } from './atlas-map.ts';
import { noteMapState } from './first-map-settled.ts';
import type { MapHost } from './map-host.ts';
import { claimEarlyMap, createMapHost, destroyMapHost } from './map-host.ts';
import { clearLiveMap, setLiveMap } from './map-snapshot.ts';

declare global {
  interface Window {
    /** Test and host hook: the live map, for queryRenderedFeatures in e2e tests. */
    __atlas?: { map: AtlasMap['map']; atlas: AtlasMap };
  }
}

export interface MapViewProps {
  label: string;
  features: EventFeatureCollection;
  filter: ExpressionSpecification;
  /** Changes only when `filter` means something new; spares MapLibre a re-filter per render. */
  filterKey: string;
  globalState: Record<string, number>;
  countryColors: ReadonlyMap<string, string>;
  selectedEventIndexes: readonly number[];
  selectedCountry: string | null;
  links: GeoJSON.FeatureCollection;
  camera: MapCamera | null;
  /** The selection's place: brought into view, clear of any panel over the map, when it changes. */
  focusPoints?: readonly [number, number][];
  cooperativeGestures?: boolean;
  onSelectEvent: (id: string) => void;
  onSelectCountry: (iso3: string) => void;
  onUserCamera: (camera: MapCamera) => void;
  onMapState?: (state: MapState) => void;
  /** Hands the live map to a parent that drives the camera itself (the presenter). */
  onAtlas?: (atlas: AtlasMap | null) => void;
  /** Drawn instead of the map where WebGL is missing. */
  fallback?: ReactNode;
  children?: ReactNode;
}

export function MapView(props: MapViewProps) {
  const containerRef = useRef<HTMLElement>(null);
  const [atlas, setAtlas] = useState<AtlasMap | null>(null);
  const [state, setState] = useState<MapState>(() => (webglSupported() ? 'loading' : 'unsupported'));
  const [detail, setDetail] = useState<string>();
  const latest = useRef(props);
  latest.current = props;

  // A layout effect: an early map is moved in before the browser paints, so it never shows
  // detached or at a stale size.
  useLayoutEffect(() => {
    const reportUnsupported = (why?: string) => {
      setState('unsupported');
      setDetail(why);
      noteMapState('unsupported');
      latest.current.onMapState?.('unsupported');
    };
    const container = containerRef.current;
    if (!container || !webglSupported()) {
      reportUnsupported();
      return;
    }
    const handlers: AtlasMapHandlers = {
      onStateChange: (next, why) => {
        setState(next);
        setDetail(why);
        noteMapState(next);
        latest.current.onMapState?.(next);
      },
      onSelectEvent: (id) => latest.current.onSelectEvent(id),
      onSelectCountry: (iso3) => latest.current.onSelectCountry(iso3),
      onUserCamera: (camera) => latest.current.onUserCamera(camera),
    };
    const cooperativeGestures = latest.current.cooperativeGestures ?? false;
    const early = claimEarlyMap({ cooperativeGestures });
    let host: MapHost;
    if (early) {
      container.append(early.element);
      early.atlas.setHandlers(handlers);
      early.atlas.setEvents(props.features);
      early.atlas.fitContainer();
      host = early;
    } else {
      try {
        host = createMapHost(container, {
          baseUrl: import.meta.env.BASE_URL,
          events: props.features,
          camera: latest.current.camera,
          cooperativeGestures,
          ...handlers,
        });
      } catch (error) {
        reportUnsupported((error as Error).message);
        return;
      }
    }
    const created = host.atlas;
    window.__atlas = { map: created.map, atlas: created };
    setLiveMap(created);
    setAtlas(created);
    latest.current.onAtlas?.(created);
    return () => {
      latest.current.onAtlas?.(null);
      setAtlas(null);
      clearLiveMap(created);
      destroyMapHost(host);
      if (window.__atlas?.atlas === created) window.__atlas = undefined;
    };
  }, [props.features]);

  const {
    filter,
    filterKey,
    globalState,
    countryColors,
    selectedEventIndexes,
    selectedCountry,
    links,
    camera,
  } = props;
  // biome-ignore lint/correctness/useExhaustiveDependencies: filterKey stands for filter's meaning.
  useEffect(() => atlas?.setEventFilter(filter), [atlas, filterKey]);
  useEffect(() => atlas?.setGlobalState(globalState), [atlas, globalState]);
  useEffect(() => atlas?.setCountryColors(countryColors), [atlas, countryColors]);
  useEffect(
    () => atlas?.setSelection(selectedEventIndexes, selectedCountry, links),
    [atlas, selectedEventIndexes, selectedCountry, links],
  );
  useEffect(() => atlas?.setCamera(camera), [atlas, camera]);
  const { focusPoints } = props;
  useEffect(() => {
    if (!atlas || !focusPoints || focusPoints.length === 0) return;
    // Room for whatever panel covers the map (the details panel at the right, or a bottom
    // sheet on phones), measured rather than assumed.
    const canvas = containerRef.current?.getBoundingClientRect();
    const dock = containerRef.current?.parentElement?.querySelector('.details-dock')?.getBoundingClientRect();
    const padding = { top: 30, right: 30, bottom: 30, left: 30 };
    if (canvas && dock && dock.width > 0) {
      if (dock.top > canvas.top + canvas.height / 3)
        padding.bottom = Math.min(canvas.height - 60, Math.max(30, canvas.bottom - dock.top + 20));
      else padding.right = Math.max(30, Math.min(canvas.width * 0.6, canvas.right - dock.left + 20));
    }
    atlas.revealPoints(focusPoints, padding);
  }, [atlas, focusPoints]);

  return (
    <div className="map-frame">
      <section ref={containerRef} className="map" data-map-state={state} aria-label={props.label} />
      {state === 'unsupported' && (
        <div className="map-fallback">
          <p className="map-notice">
            This browser cannot draw the interactive map (WebGL is off or missing). The filters, timeline,
            table and details all still work{props.fallback ? ', and a static map follows' : ''}.
          </p>
          {props.fallback}
        </div>
      )}
      {state === 'error' && (
        <p className="map-notice">The map could not be drawn{detail ? `: ${detail}` : ''}.</p>
      )}
      {props.children}
    </div>
  );
}
