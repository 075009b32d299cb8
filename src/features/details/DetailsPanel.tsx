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
import { formatLabel, kindLabel } from '../../domain/filter-labels.ts';
import './details.css';
import { useWords } from '../../i18n/use-words.ts';
import { localized } from '../../i18n/words.ts';

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
  const words = useWords();
  const { t } = words;

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
        <span className="visually-hidden">{t('details.close')}</span>
      </button>
      {selection.type === 'event' ? (
        <EventDetails
          event={selection.event}
          theme={themeTitle(themes, selection.event.theme, words)}
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
  const words = useWords();
  if (!source) return null;
  const target = `${anchorPrefix}-${source.number}`;
  return (
    <a
      className="details__cite"
      href={`#${target}`}
      title={source.title}
      // Its title and name hold the source's own title, in the source's language.
      data-source-text
      aria-label={words.t('details.sourceNote', { number: source.number, name: sourceName(source, words) })}
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
  const words = useWords();
  const { t } = words;
  const groups = partnersByBasis(event, words);
  const unnamed = eventUnnamedPartnersText(event, words);
  const title = localized(event, 'title', words.language);
  const summary = localized(event, 'summary', words.language);
  // Texts the data holds in English only (a place, a note on a count) say so to a screen reader.
  const dataLang = words.language === 'en' ? undefined : 'en';
  const sources = numberedSources(event);
  const anchorPrefix = `source-${event.id}`;
  const note = (sourceId: string) => (
    <SourceNote source={citedSource(sources, sourceId)} anchorPrefix={anchorPrefix} />
  );
  return (
    <>
      {theme && <p className="details__theme">{theme}</p>}
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="details__title">
        <span lang={title.lang}>{title.text}</span>
      </h2>
      <dl className="details__facts">
        <dt>{t('details.date')}</dt>
        <dd>
          {formatEventDate(event.date, words)} {note(event.date.source)}
          {isImpreciseDate(event.date) && <span className="details__note">{t('details.imprecise')}</span>}
          {event.date.alternatives?.map((alternative) => (
            <span
              key={`${alternative.start}:${alternative.end}:${alternative.source}`}
              className="details__alternative"
            >
              {t('details.anotherSource')}
              <span lang={dataLang}>{alternativeDateText(alternative, words)}</span>{' '}
              {note(alternative.source)}
            </span>
          ))}
        </dd>
        <dt>{t('details.kind')}</dt>
        <dd>
          {kindLabel(event.kind, words)} · {formatLabel(event.format, words)}
        </dd>
        <dt>{t('details.place')}</dt>
        <dd>
          <span lang={event.location ? dataLang : undefined}>{placeText(event, words)}</span>{' '}
          {event.location && note(event.location.source)}
        </dd>
      </dl>

      <h3 className="details__section">{t('details.partners')}</h3>
      {groups.map((group) => (
        <div key={group.key} className="details__group">
          <h4 className="details__group-label">{group.label}</h4>
          <ul className="details__partners">
            {group.partners.map((partner) => (
              <li key={`${partner.iso3}:${partner.name}`}>
                {partnerText(partner, words)} {note(partner.source)}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {unnamed && event.unnamedPartners && (
        <p className="details__unnamed">
          {unnamed} {note(event.unnamedPartners.source)}
          {event.unnamedPartners.note && (
            <span className="details__note" lang={dataLang}>
              {event.unnamedPartners.note}
            </span>
          )}
        </p>
      )}
      {groups.length === 0 && !unnamed && <p className="details__note">{t('details.noPartner')}</p>}

      <h3 className="details__section">{t('details.summary')}</h3>
      <p className="details__summary" lang={summary.lang}>
        {summary.text}
      </p>

      <h3 className="details__section">{t('details.sources')}</h3>
      <ol className="details__sources" aria-label={t('details.sources')}>
        {sources.map((source) => {
          const href = safeHref(source.url);
          return (
            <li key={source.id} id={`${anchorPrefix}-${source.number}`} tabIndex={-1}>
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer">
                  <span lang={dataLang}>{source.title}</span>
                  <span className="visually-hidden">{t('link.newTab')}</span>
                </a>
              ) : (
                <>
                  <span lang={dataLang}>{source.title}</span>{' '}
                  <span className="details__note">{source.url}</span>
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
  const words = useWords();
  const { t } = words;
  const shown = countryShownText(selection.events.length, selection.total, words);
  const events = sortEvents(selection.events, 'date', 'asc');
  return (
    <>
      <p className="details__theme">{t('details.country')}</p>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="details__title">
        {selection.name}
      </h2>
      <p className="details__count">
        {countryEventsText(selection.total, selection.years, words)}
        {shown && <span className="details__note">{shown}</span>}
      </p>
      {events.length > 0 ? (
        <ul className="details__events">
          {events.map((event) => (
            <li key={event.id}>
              <button type="button" className="details__event" onClick={() => onSelectEvent(event.id)}>
                <span className="details__event-date">{formatCompactDate(event.date, words)}</span>
                <EventTitle event={event} className="details__event-title" />
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="details__note">{t('details.noneShown')}</p>
      )}
    </>
  );
}

function EventTitle({ event, className }: { event: AtlasEvent; className: string }) {
  const { language } = useWords();
  const title = localized(event, 'title', language);
  return (
    <span className={className} lang={title.lang}>
      {title.text}
    </span>
  );
}
