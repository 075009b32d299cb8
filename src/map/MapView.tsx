import type { ExpressionSpecification } from 'maplibre-gl';
import type { KeyboardEvent as ReactKeyboardEvent, ReactNode } from 'react';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { MapEvents } from '../domain/event-features.ts';
import type { CountrySummary, EventSummary } from '../domain/map-tooltip.ts';
import type { MapCamera } from '../domain/view-state.ts';
import { useWords } from '../i18n/use-words.ts';
import type { AtlasMap, AtlasMapHandlers, MapHover, MapPadding, MapState } from './atlas-map.ts';
import { noteMapState } from './first-map-settled.ts';
import { MapStackPopup, MapTooltip } from './MapOverlays.tsx';
import type { MapHost } from './map-host.ts';
import { claimMapHost, createMapHost, releaseMapHost } from './map-host.ts';
import { clearLiveMap, setLiveMap } from './map-snapshot.ts';
import { webglSupported } from './webgl.ts';

declare global {
  interface Window {
    /** Test and host hook: the live map, for queryRenderedFeatures in e2e tests. */
    __atlas?: { map: AtlasMap['map']; atlas: AtlasMap };
  }
}

const NO_LINES: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

/** What is drawn over the map's canvas: the docked details, the controls and the legend. */
const COVERING = '.details-dock > *, .map-controls, .legend';

/**
 * Room at each edge of the map for whatever covers it (the details at the right or as a bottom
 * sheet on phones, the legend, the zoom buttons), measured now rather than assumed.
 */
function coveredEdges(container: HTMLElement | null): MapPadding {
  const padding = { top: 30, right: 30, bottom: 30, left: 30 };
  const canvas = container?.getBoundingClientRect();
  if (!container || !canvas) return padding;
  const box = (selector: string) => container.parentElement?.querySelector(selector)?.getBoundingClientRect();
  const dock = box('.details-dock > *');
  if (dock && dock.width > 0) {
    if (dock.top > canvas.top + canvas.height / 3)
      padding.bottom = Math.max(padding.bottom, canvas.bottom - dock.top + 20);
    else padding.right = Math.max(padding.right, canvas.right - dock.left + 20);
  }
  const controls = box('.map-controls');
  if (controls) padding.left = Math.max(padding.left, controls.right - canvas.left + 16);
  const legend = box('.legend');
  if (legend) padding.bottom = Math.max(padding.bottom, canvas.bottom - legend.top + 12);
  // A tiny map still gets a frame: never pad away more than most of either side.
  padding.right = Math.min(padding.right, canvas.width * 0.6);
  padding.bottom = Math.min(padding.bottom, canvas.height * 0.6);
  return padding;
}

export interface MapViewProps {
  label: string;
  mapEvents: MapEvents;
  /** A new object only when it means something new (memoised): each one re-filters the tiles. */
  filter: ExpressionSpecification;
  /** The filter for the selected events' layer, if not `filter`: the same decision for them alone. */
  selectedFilter?: ExpressionSpecification;
  globalState: Record<string, unknown>;
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
  /** A framing the map made for the app (revealing the selection); written back like a person's. */
  onAppCamera?: (camera: MapCamera) => void;
  onMapState?: (state: MapState) => void;
  /** Hands the live map to a parent that drives the camera itself (the presenter). */
  onAtlas?: (atlas: AtlasMap | null) => void;
  /** Partners reached only through a group's membership (drawn differently). */
  memberOnly?: ReadonlySet<string>;
  /** Events per partner among those shown, and the dataset's names: the labels at world zoom. */
  partnerCounts?: ReadonlyMap<string, number>;
  /** Where partner labels collide, the one with the higher number is placed (partnerCounts when absent). */
  labelPriority?: ReadonlyMap<string, number>;
  partnerNames?: ReadonlyMap<string, string>;
  /** The shown events at their true places, for the counts on overlapping events. */
  stacks?: GeoJSON.FeatureCollection;
  /** "Lines to partners": drawn when given. */
  network?: GeoJSON.FeatureCollection;
  /** Words for the tooltips, the list of overlapping events and the keyboard's announcements. */
  describeEvent?: (id: string) => EventSummary | undefined;
  describeCountry?: (iso3: string) => CountrySummary;
  /**
   * The order the keyboard steps through the events in view (the event list's order). A function,
   * asked only when a key is pressed: a list of 50,000 ids on every change of the view is not.
   */
  eventOrder?: () => readonly string[];
  /** "Reset view": the surface puts the camera back to its default (the world, or a story step). */
  onResetView?: () => void;
  /** Drawn instead of the map where WebGL is missing. */
  fallback?: ReactNode;
  children?: ReactNode;
}

export function MapView(props: MapViewProps) {
  const { t } = useWords();
  const containerRef = useRef<HTMLElement>(null);
  const [atlas, setAtlas] = useState<AtlasMap | null>(null);
  const [state, setState] = useState<MapState>(() => (webglSupported() ? 'loading' : 'unsupported'));
  const [detail, setDetail] = useState<string>();
  const [hover, setHover] = useState<MapHover | null>(null);
  const [stack, setStack] = useState<{ eventIds: string[]; x: number; y: number } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const labelId = useId();
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
      onHover: (next) => setHover(next),
      onStack: (next) => {
        setHover(null);
        setStack(next);
      },
      onSelectCountry: (iso3) => latest.current.onSelectCountry(iso3),
      onUserCamera: (camera) => latest.current.onUserCamera(camera),
      onAppCamera: (camera) => (latest.current.onAppCamera ?? latest.current.onUserCamera)(camera),
    };
    const cooperativeGestures = latest.current.cooperativeGestures ?? false;
    // A map made before React, or this view's own map handed back by StrictMode's unmount.
    const waiting = claimMapHost({ cooperativeGestures });
    let host: MapHost;
    if (waiting) {
      container.append(waiting.element);
      waiting.atlas.setHandlers(handlers);
      waiting.atlas.setEvents(latest.current.mapEvents);
      waiting.atlas.fitContainer();
      host = waiting;
    } else {
      try {
        host = createMapHost(container, {
          baseUrl: import.meta.env.BASE_URL,
          events: latest.current.mapEvents,
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
      releaseMapHost(host);
      if (window.__atlas?.atlas === created) window.__atlas = undefined;
    };
  }, []);

  // A new dataset replaces the events source; the map, its camera and basemap stay.
  const { mapEvents } = props;
  useEffect(() => atlas?.setEvents(mapEvents), [atlas, mapEvents]);

  const {
    filter,
    selectedFilter,
    globalState,
    countryColors,
    selectedEventIndexes,
    selectedCountry,
    links,
    camera,
  } = props;
  useEffect(() => atlas?.setEventFilter(filter, selectedFilter), [atlas, filter, selectedFilter]);
  useEffect(() => atlas?.setGlobalState(globalState), [atlas, globalState]);
  useEffect(() => atlas?.setCountryColors(countryColors), [atlas, countryColors]);
  useEffect(
    () => atlas?.setSelection(selectedEventIndexes, selectedCountry, links),
    [atlas, selectedEventIndexes, selectedCountry, links],
  );
  useEffect(() => atlas?.setCamera(camera), [atlas, camera]);
  const { memberOnly, partnerCounts, labelPriority, partnerNames, stacks, network } = props;
  useEffect(() => atlas?.setNetwork(network ?? NO_LINES), [atlas, network]);
  useEffect(() => {
    if (memberOnly) atlas?.setMemberOnly(memberOnly);
  }, [atlas, memberOnly]);
  useEffect(() => {
    if (partnerCounts && partnerNames)
      atlas?.setPartnerLabels(partnerCounts.keys(), labelPriority ?? partnerCounts, partnerNames);
  }, [atlas, partnerCounts, labelPriority, partnerNames]);
  const attribution = t('map.attribution');
  const ui = JSON.stringify({
    'Map.Title': t('map.ui.title'),
    'AttributionControl.ToggleAttribution': t('map.ui.toggleAttribution'),
    'CooperativeGesturesHandler.WindowsHelpText': t('map.ui.gesturesWindows'),
    'CooperativeGesturesHandler.MacHelpText': t('map.ui.gesturesMac'),
    'CooperativeGesturesHandler.MobileHelpText': t('map.ui.gesturesMobile'),
  });
  useEffect(() => {
    atlas?.setUiText(attribution, JSON.parse(ui));
  }, [atlas, attribution, ui]);
  useEffect(() => {
    if (stacks) atlas?.setStacks(stacks);
  }, [atlas, stacks]);

  /** Arrow keys step through the events in view, each described and announced; Enter opens it. */
  const onMapKey = (event: ReactKeyboardEvent<HTMLElement>) => {
    if (!atlas || event.target !== event.currentTarget) return;
    const { key } = event;
    if (key === '+' || key === '=') atlas.zoomBy(1);
    else if (key === '-' || key === '_') atlas.zoomBy(-1);
    else if (key === 'Enter' && hover?.type === 'events' && hover.eventIds[0]) {
      props.onSelectEvent(hover.eventIds[0]);
    } else if (['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp'].includes(key)) {
      const order = props.eventOrder?.() ?? [];
      const rank = new Map(order.map((id, i) => [id, i]));
      const inView = atlas
        .renderedEventPoints()
        .filter((p) => rank.has(p.eventId))
        .sort((a, b) => (rank.get(a.eventId) ?? 0) - (rank.get(b.eventId) ?? 0));
      if (inView.length === 0) {
        setAnnouncement(t('map.noneInView'));
        return;
      }
      const current =
        hover?.type === 'events' ? inView.findIndex((p) => p.eventId === hover.eventIds[0]) : -1;
      const forward = key === 'ArrowRight' || key === 'ArrowDown';
      const next =
        current < 0
          ? forward
            ? 0
            : inView.length - 1
          : (current + (forward ? 1 : -1) + inView.length) % inView.length;
      const point = inView[next];
      if (!point) return;
      setHover({ type: 'events', eventIds: [point.eventId], x: point.x, y: point.y });
      const summary = props.describeEvent?.(point.eventId);
      setAnnouncement(
        t('map.stepEvent', {
          index: next + 1,
          count: inView.length,
          what: summary
            ? [summary.title, summary.date, summary.place].join(t('list.separator'))
            : point.eventId,
        }),
      );
    } else return;
    event.preventDefault();
  };

  const mapSize = () => ({
    width: containerRef.current?.clientWidth ?? 0,
    height: containerRef.current?.clientHeight ?? 0,
  });

  const { focusPoints } = props;
  useEffect(() => {
    if (!atlas) return;
    if (!focusPoints || focusPoints.length === 0) {
      atlas.revealPoints([], () => coveredEdges(containerRef.current));
      return;
    }
    // Measured each time the framing is checked (a resize, a panel changing size), since the
    // details, the legend and the controls may have moved since the selection was made.
    atlas.revealPoints(focusPoints, () => coveredEdges(containerRef.current));
  }, [atlas, focusPoints]);

  // What covers the map can change size without the map doing so (the details load their
  // sources, the legend wraps once its font arrives): the framing is checked again then.
  const hasFocus = !!focusPoints && focusPoints.length > 0;
  useEffect(() => {
    const frame = containerRef.current?.parentElement;
    if (!atlas || !frame || !hasFocus || typeof ResizeObserver === 'undefined') return;
    let first = true;
    const observer = new ResizeObserver(() => {
      // The first call only reports the sizes at the start.
      if (first) first = false;
      else atlas.refreshFraming();
    });
    for (const el of frame.querySelectorAll(COVERING)) observer.observe(el);
    return () => observer.disconnect();
  }, [atlas, hasFocus]);

  return (
    <div className="map-frame">
      {/* The map's one tab stop (the skip link's target): MapLibre's own canvas stop is removed. */}
      <section
        ref={containerRef}
        id="atlas-map"
        className="map"
        data-map-state={state}
        aria-label={props.label}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the map takes keys (zoom, step through events) when focused.
        tabIndex={0}
        aria-describedby={`${labelId}-keys`}
        onKeyDown={onMapKey}
        onBlur={() => setHover((h) => (h?.type === 'events' ? null : h))}
      />
      <p id={`${labelId}-keys`} className="visually-hidden">
        {t('map.keys')}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {hover && !stack && (
        <MapTooltip
          hover={hover}
          size={mapSize()}
          describeEvent={props.describeEvent}
          describeCountry={props.describeCountry}
        />
      )}
      {stack && (
        <MapStackPopup
          stack={stack}
          size={mapSize()}
          describeEvent={props.describeEvent}
          onSelect={(id) => {
            setStack(null);
            props.onSelectEvent(id);
          }}
          onClose={() => {
            setStack(null);
            containerRef.current?.focus();
          }}
        />
      )}
      {atlas && state !== 'unsupported' && (
        <div className="map-controls">
          <button type="button" aria-label={t('map.zoomIn')} onClick={() => atlas.zoomBy(1)}>
            <span aria-hidden="true">+</span>
          </button>
          <button type="button" aria-label={t('map.zoomOut')} onClick={() => atlas.zoomBy(-1)}>
            <span aria-hidden="true">−</span>
          </button>
          <button
            type="button"
            className="map-reset"
            onClick={() => {
              atlas.resetView();
              props.onResetView?.();
            }}
          >
            {t('map.reset')}
          </button>
        </div>
      )}
      {state === 'unsupported' && (
        <div className="map-fallback">
          <p className="map-notice">{props.fallback ? t('map.unsupportedStatic') : t('map.unsupported')}</p>
          {props.fallback}
        </div>
      )}
      {state === 'error' && (
        <p className="map-notice">{detail ? t('map.errorDetail', { detail }) : t('map.error')}</p>
      )}
      {props.children}
    </div>
  );
}
