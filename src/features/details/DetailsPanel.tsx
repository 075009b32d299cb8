import type { RefObject } from 'react';
import { useEffect, useId, useRef } from 'react';
import { formatEventDate } from '../../domain/dates.ts';
import {
  countryEventsText,
  countryShownText,
  eventUnnamedPartnersText,
  formatCompactDate,
  isImpreciseDate,
  partnersByBasis,
  partnerText,
  safeHref,
  sortEvents,
  themeTitle,
} from '../../domain/event-description.ts';
import type { AtlasEvent, Theme } from '../../domain/event-schema.ts';
import type { NumberedSource } from '../../domain/fact-sources.ts';
import {
  alternativeDateText,
  citedSource,
  numberedSources,
  placeText,
  sourceName,
} from '../../domain/fact-sources.ts';
import { FORMAT_LABELS, KIND_LABELS } from '../../domain/filter-labels.ts';
import './details.css';

export type Selection =
  | { type: 'event'; event: AtlasEvent }
  | {
      type: 'country';
      iso3: string;
      name: string;
      /** Its events that pass the filters. */
      events: AtlasEvent[];
      /** All its events. */
      total: number;
      /** The years the dataset covers (yearsLabel). */
      years: string;
    };

export interface DetailsPanelProps {
  selection: Selection;
  themes: readonly Theme[];
  onClose: () => void;
  onSelectEvent: (id: string) => void;
}

const selectionKey = (s: Selection) => (s.type === 'event' ? `event:${s.event.id}` : `country:${s.iso3}`);

// All text from the data goes through React as text: no markup is ever built from it.
export function DetailsPanel({ selection, themes, onClose, onSelectEvent }: DetailsPanelProps) {
  const headingId = useId();
  const asideRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const key = selectionKey(selection);

  const returnFocus = useRef<HTMLElement | null>(null);

  // Keyboard and screen-reader users land on what they just opened, and remember where they came
  // from (a table row, a map control) unless they came from inside the panel itself.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per new selection, by design
  useEffect(() => {
    // A page without focus (an embed the reader has not engaged, a window in the background) must
    // not take focus or scroll its host page to itself.
    if (!document.hasFocus()) return;
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== document.body && !asideRef.current?.contains(active)) {
      returnFocus.current = active;
    }
    headingRef.current?.focus();
  }, [key]);

  // On close, focus goes back there rather than to <body>, if the panel had it and it still exists.
  useEffect(
    () => () => {
      const active = document.activeElement;
      const hadFocus = !active || active === document.body || asideRef.current?.contains(active);
      if (hadFocus && returnFocus.current?.isConnected) returnFocus.current.focus();
    },
    [],
  );

  // A native listener: the <aside> is a landmark, not a control, yet Escape anywhere in it closes.
  useEffect(() => {
    const aside = asideRef.current;
    if (!aside) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) onClose();
    };
    aside.addEventListener('keydown', onKeyDown);
    return () => aside.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  return (
    <aside ref={asideRef} className="details" aria-labelledby={headingId}>
      <button type="button" className="details__close" onClick={onClose}>
        <span aria-hidden="true">×</span>
        <span className="visually-hidden">Close details</span>
      </button>
      {selection.type === 'event' ? (
        <EventDetails
          event={selection.event}
          theme={themeTitle(themes, selection.event.theme)}
          headingId={headingId}
          headingRef={headingRef}
        />
      ) : (
        <CountryDetails
          selection={selection}
          headingId={headingId}
          headingRef={headingRef}
          onSelectEvent={onSelectEvent}
        />
      )}
    </aside>
  );
}

interface HeadingProps {
  headingId: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

/** A numbered note beside a fact: it names the source and moves to its entry in the list. */
function SourceNote({ source, anchorPrefix }: { source: NumberedSource | undefined; anchorPrefix: string }) {
  if (!source) return null;
  const target = `${anchorPrefix}-${source.number}`;
  return (
    <a
      className="details__cite"
      href={`#${target}`}
      title={source.title}
      aria-label={`Source ${source.number}: ${sourceName(source)}`}
      // The URL's fragment is not the view: move to the entry without touching the address bar.
      onClick={(event) => {
        event.preventDefault();
        const entry = document.getElementById(target);
        entry?.scrollIntoView({ block: 'nearest' });
        entry?.focus();
      }}
    >
      {source.number}
    </a>
  );
}

function EventDetails({
  event,
  theme,
  headingId,
  headingRef,
}: HeadingProps & { event: AtlasEvent; theme: string | undefined }) {
  const groups = partnersByBasis(event);
  const unnamed = eventUnnamedPartnersText(event);
  const sources = numberedSources(event);
  const anchorPrefix = `source-${event.id}`;
  const note = (sourceId: string) => (
    <SourceNote source={citedSource(sources, sourceId)} anchorPrefix={anchorPrefix} />
  );
  return (
    <>
      {theme && <p className="details__theme">{theme}</p>}
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="details__title">
        {event.title}
      </h2>
      <dl className="details__facts">
        <dt>Date</dt>
        <dd>
          {formatEventDate(event.date)} {note(event.date.source)}
          {isImpreciseDate(event.date) && <span className="details__note">Exact date not reported</span>}
          {event.date.alternatives?.map((alternative) => (
            <span
              key={`${alternative.start}:${alternative.end}:${alternative.source}`}
              className="details__alternative"
            >
              Another source: {alternativeDateText(alternative)} {note(alternative.source)}
            </span>
          ))}
        </dd>
        <dt>Kind</dt>
        <dd>
          {KIND_LABELS[event.kind]} · {FORMAT_LABELS[event.format]}
        </dd>
        <dt>Place</dt>
        <dd>
          {placeText(event)} {event.location && note(event.location.source)}
        </dd>
      </dl>

      <h3 className="details__section">Partners</h3>
      {groups.map((group) => (
        <div key={group.key} className="details__group">
          <h4 className="details__group-label">{group.label}</h4>
          <ul className="details__partners">
            {group.partners.map((partner) => (
              <li key={`${partner.iso3}:${partner.name}`}>
                {partnerText(partner)} {note(partner.source)}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {unnamed && event.unnamedPartners && (
        <p className="details__unnamed">
          {unnamed} {note(event.unnamedPartners.source)}
          {event.unnamedPartners.note && <span className="details__note">{event.unnamedPartners.note}</span>}
        </p>
      )}
      {groups.length === 0 && !unnamed && <p className="details__note">No partner country reported.</p>}

      <h3 className="details__section">Summary</h3>
      <p className="details__summary">{event.summary}</p>

      <h3 className="details__section">Sources</h3>
      <ol className="details__sources" aria-label="Sources">
        {sources.map((source) => {
          const href = safeHref(source.url);
          return (
            <li key={source.id} id={`${anchorPrefix}-${source.number}`} tabIndex={-1}>
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer">
                  {source.title}
                  <span className="visually-hidden"> (opens in a new tab)</span>
                </a>
              ) : (
                <>
                  {source.title} <span className="details__note">{source.url}</span>
                </>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}

function CountryDetails({
  selection,
  headingId,
  headingRef,
  onSelectEvent,
}: HeadingProps & {
  selection: Extract<Selection, { type: 'country' }>;
  onSelectEvent: (id: string) => void;
}) {
  const shown = countryShownText(selection.events.length, selection.total);
  const events = sortEvents(selection.events, 'date', 'asc');
  return (
    <>
      <p className="details__theme">Country</p>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="details__title">
        {selection.name}
      </h2>
      <p className="details__count">
        {countryEventsText(selection.total, selection.years)}
        {shown && <span className="details__note">{shown}</span>}
      </p>
      {events.length > 0 ? (
        <ul className="details__events">
          {events.map((event) => (
            <li key={event.id}>
              <button type="button" className="details__event" onClick={() => onSelectEvent(event.id)}>
                <span className="details__event-date">{formatCompactDate(event.date)}</span>
                <span className="details__event-title">{event.title}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="details__note">None of its events pass the current filters.</p>
      )}
    </>
  );
}
