import { useEffect, useRef, useState } from 'react';
import type { EventFeatureCollection } from '../domain/event-features.ts';
import type { MapState } from './atlas-map.ts';
import { AtlasMap, webglSupported } from './atlas-map.ts';

declare global {
  interface Window {
    /** Test and host hook: the live map, for queryRenderedFeatures in e2e tests. */
    __atlas?: { map: AtlasMap['map'] };
  }
}

export interface MapViewProps {
  events: EventFeatureCollection;
  label: string;
}

export function MapView({ events, label }: MapViewProps) {
  const containerRef = useRef<HTMLElement>(null);
  const [state, setState] = useState<MapState>(() => (webglSupported() ? 'loading' : 'unsupported'));
  const [detail, setDetail] = useState<string>();

  useEffect(() => {
    const container = containerRef.current;
    if (!container || !webglSupported()) return;
    let atlas: AtlasMap;
    try {
      atlas = new AtlasMap({
        container,
        baseUrl: import.meta.env.BASE_URL,
        events,
        onStateChange: (next, why) => {
          setState(next);
          setDetail(why);
        },
      });
    } catch (error) {
      setState('unsupported');
      setDetail((error as Error).message);
      return;
    }
    window.__atlas = { map: atlas.map };
    return () => {
      atlas.destroy();
      if (window.__atlas?.map === atlas.map) window.__atlas = undefined;
    };
  }, [events]);

  return (
    <div className="map-frame">
      <section ref={containerRef} className="map" data-map-state={state} aria-label={label} />
      {state === 'unsupported' && (
        <p className="map-notice">This browser cannot draw the interactive map (WebGL is off or missing).</p>
      )}
      {state === 'error' && (
        <p className="map-notice">The map could not be drawn{detail ? `: ${detail}` : ''}.</p>
      )}
    </div>
  );
}
