import type { CSSProperties, ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import type { CountrySummary, EventSummary } from '../domain/map-tooltip.ts';
import { useWords } from '../i18n/use-words.ts';
import type { MapHover } from './atlas-map.ts';

// What the map says over itself: a tooltip for what is under the pointer, and the list of
// events that overlap at one spot. Positioned in map pixels (the map fills its frame).

/** How many overlapping events a tooltip names before it says "and N more". */
const TOOLTIP_EVENTS = 4;

export interface MapSize {
  width: number;
  height: number;
}

/**
 * Keeps a box at the pointer inside the map: it opens towards the larger free side, both
 * across and down, and is never taller than the room on that side (it scrolls instead).
 */
function placement(x: number, y: number, { width, height }: MapSize): CSSProperties {
  const gap = 12;
  const across = x > width / 2 ? { right: width - x + gap } : { left: x + gap };
  const down =
    y > height / 2
      ? { bottom: height - y + gap, maxHeight: y - 2 * gap }
      : { top: y + gap, maxHeight: height - y - 2 * gap };
  return { ...across, ...down };
}

export function MapTooltip({
  hover,
  size,
  describeEvent,
  describeCountry,
}: {
  hover: MapHover;
  size: MapSize;
  describeEvent?: (id: string) => EventSummary | undefined;
  describeCountry?: (iso3: string) => CountrySummary;
}) {
  const { t } = useWords();
  let body: ReactNode = null;
  if (hover.type === 'events') {
    const events = hover.eventIds.flatMap((id) => describeEvent?.(id) ?? []);
    if (events.length === 1 && events[0]) {
      const [only] = events;
      body = (
        <>
          <strong>{only.title}</strong>
          <span>{only.date}</span>
          <span>{only.place}</span>
        </>
      );
    } else if (events.length > 1) {
      body = (
        <>
          <strong>{t('map.eventsHere', { count: events.length })}</strong>
          <ul>
            {events.slice(0, TOOLTIP_EVENTS).map((e) => (
              <li key={e.id}>{e.title}</li>
            ))}
          </ul>
          {events.length > TOOLTIP_EVENTS && (
            <span>{t('map.andMore', { count: events.length - TOOLTIP_EVENTS })}</span>
          )}
        </>
      );
    }
  } else if (describeCountry) {
    const country = describeCountry(hover.iso3);
    body = (
      <>
        <strong>{country.name}</strong>
        <span>{country.headline}</span>
        {country.rows.length > 0 && (
          <ul>
            {country.rows.map((row) => (
              <li key={row.basis}>{row.text}</li>
            ))}
          </ul>
        )}
      </>
    );
  }
  if (!body) return null;
  return (
    <div role="tooltip" className="map-tooltip" style={placement(hover.x, hover.y, size)}>
      {body}
    </div>
  );
}

export function MapStackPopup({
  stack,
  size,
  describeEvent,
  onSelect,
  onClose,
}: {
  stack: { eventIds: string[]; x: number; y: number };
  size: MapSize;
  describeEvent?: (id: string) => EventSummary | undefined;
  onSelect: (id: string) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const { t } = useWords();
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('.map-popup-list button')?.focus();
  }, []);
  const events = stack.eventIds.flatMap((id) => describeEvent?.(id) ?? []);
  const title = t('map.eventsHere', { count: events.length });
  return (
    <div
      ref={ref}
      role="dialog"
      aria-label={title}
      className="map-popup"
      style={placement(stack.x, stack.y, size)}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onClose();
      }}
    >
      <div className="map-popup-head">
        <h2>{title}</h2>
        <button type="button" className="map-popup-close" aria-label={t('map.closeList')} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <ul className="map-popup-list">
        {events.map((e) => (
          <li key={e.id}>
            <button type="button" onClick={() => onSelect(e.id)}>
              <strong>{e.title}</strong>
              <span>
                {e.date} · {e.place}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
