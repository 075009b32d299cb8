import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { activeFilterChips } from '../domain/filter-labels.ts';
import { serializeViewState } from '../domain/view-state.ts';
import type { AtlasData } from '../features/dataset/dataset-query.ts';
import { DetailsPanel } from '../features/details/DetailsPanel.tsx';
import { downloadsEnabled, fullMapHref } from '../features/embed/embed-snippet.ts';
import { useHostBridge } from '../features/embed/use-host-bridge.ts';
import { EventTable } from '../features/event-table/EventTable.tsx';
import { DownloadButton } from '../features/export/DownloadButton.tsx';
import type { TableOrder } from '../features/export/export-view.ts';
import { DEFAULT_TABLE_ORDER } from '../features/export/export-view.ts';
import { FilterPanel } from '../features/filters/FilterPanel.tsx';
import type { MapState } from '../map/atlas-map.ts';
import { AtlasStage } from './AtlasStage.tsx';
import { isInIframe } from './app-mode.ts';
import { DroppedNotice } from './DroppedNotice.tsx';
import { useAtlasView } from './use-atlas-view.ts';
import { urlForView } from './use-view-state.ts';
import '../features/embed/embed.css';
import { LanguageSwitch } from '../features/language/LanguageSwitch.tsx';
import { useWords } from '../i18n/use-words.ts';
import { localized } from '../i18n/words.ts';

/**
 * `?mode=embed`: the explorer's pieces in one column that fits an article, with a height of its
 * own (never the viewport's: the host sizes the iframe to the content, and content sized to the
 * iframe would chase it). The same view model as the explorer drives the URL and the messages.
 */
export function EmbedApp({ data }: { data: AtlasData }) {
  const view = useAtlasView(data);
  const words = useWords();
  const { t } = words;
  const { dataset, context, state, update, applyParams, dropped, dismissDropped } = view;
  const { shown, counts } = view;
  const { selection, selectEvent, clearSelection } = view;

  const rootRef = useRef<HTMLDivElement>(null);
  const filtersRef = useRef<HTMLDivElement>(null);
  const filtersButtonRef = useRef<HTMLButtonElement>(null);
  const filtersId = useId();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [mapState, setMapState] = useState<MapState>('loading');
  const listId = useId();
  const [listOpen, setListOpen] = useState(false);
  const [downloads] = useState(() => downloadsEnabled(window.location.search));
  const [tableOrder, setTableOrder] = useState<TableOrder>(DEFAULT_TABLE_ORDER);

  // The page's height follows the content (app.css makes the explorer fill the viewport).
  useLayoutEffect(() => {
    document.documentElement.classList.add('is-embed');
    return () => document.documentElement.classList.remove('is-embed');
  }, []);

  const params = useMemo(() => serializeViewState(state, context), [state, context]);
  const applyHostParams = useCallback(
    (input: Readonly<Record<string, unknown>>) => serializeViewState(applyParams(input).state, context),
    [applyParams, context],
  );
  const [parent] = useState(() => (isInIframe() ? window.parent : null));
  useHostBridge({
    parent,
    rootRef,
    // A map that cannot be drawn still leaves a usable embed (filters, timeline, table).
    ready: mapState !== 'loading',
    params,
    applyParams: applyHostParams,
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (filtersOpen && filtersRef.current?.contains(document.activeElement)) {
        setFiltersOpen(false);
        filtersButtonRef.current?.focus();
      } else if (state.event || state.country) clearSelection();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [filtersOpen, state.event, state.country, clearSelection]);

  const chips = activeFilterChips(state, dataset.themes, context.defaults, words);
  const source = localized(dataset.source, 'title', words.language);
  const fullMap = fullMapHref(urlForView(state, context, new URL(window.location.href)));

  // The details panel takes the focus when it opens, which is right when the reader opened it but
  // not when the URL or the host did: focus moving into the iframe scrolls the article to it and
  // takes the keyboard from whatever the reader was doing on the page. So while this frame does
  // not have the focus, a new selection's panel is inert for the one commit in which it focuses
  // itself (its effect runs before ours), and ours then lifts that.
  const selectionKey = state.event ? `event:${state.event}` : state.country ? `country:${state.country}` : '';
  const [settledSelection, setSettledSelection] = useState('');
  const quiet = selectionKey !== settledSelection && !document.hasFocus();
  useEffect(() => setSettledSelection(selectionKey), [selectionKey]);

  const details = selection && (
    <DetailsPanel
      selection={selection}
      themes={dataset.themes}
      onClose={clearSelection}
      onSelectEvent={selectEvent}
    />
  );

  return (
    <div ref={rootRef} className="embed">
      <header className="embed-header">
        {/* The controls share the kicker's line, so the title keeps the full width and one line. */}
        <div className="embed-header-top">
          <p className="embed-kicker">{t('atlas.name')}</p>
          <div className="embed-header-actions">
            <LanguageSwitch value={view.language} onChange={view.setLanguage} />
            <a className="embed-open" href={fullMap} target="_blank" rel="noopener">
              {t('embed.openFull')}
              <span className="visually-hidden">{t('link.newTab')}</span>
              <span aria-hidden="true"> ↗</span>
            </a>
          </div>
        </div>
        <h1 className="embed-title">{view.title}</h1>
      </header>
      {dropped.length > 0 && <DroppedNotice dropped={dropped} onDismiss={dismissDropped} />}
      <AtlasStage
        view={view}
        compactLegend
        // Scrolling and one-finger drags belong to the article until the reader means the map.
        cooperativeGestures
        onMapState={setMapState}
        details={details}
        detailsInert={quiet}
        toolbar={
          <button
            ref={filtersButtonRef}
            type="button"
            className="embed-filters-toggle"
            aria-expanded={filtersOpen}
            aria-controls={filtersId}
            onClick={() => setFiltersOpen((open) => !open)}
          >
            {chips.length > 0 ? t('filters.toggleCount', { count: chips.length }) : t('filters.toggle')}
            <span className="embed-chevron" aria-hidden="true" />
          </button>
        }
        afterBar={
          <div ref={filtersRef} id={filtersId} className="embed-filters" hidden={!filtersOpen}>
            <FilterPanel themes={dataset.themes} state={state} counts={counts} onChange={update} />
          </div>
        }
      />
      <div className="embed-foot">
        <button
          type="button"
          className="embed-filters-toggle"
          aria-expanded={listOpen}
          aria-controls={listId}
          onClick={() => setListOpen((open) => !open)}
        >
          {listOpen ? t('embed.hideList') : t('embed.showList', { count: shown.length })}
          <span className="embed-chevron" aria-hidden="true" />
        </button>
        {downloads && <DownloadButton compact source={view} viewUrl={fullMap} order={tableOrder} />}
        <p className="embed-credit">
          {t('embed.source')}
          <a href={dataset.source.url} target="_blank" rel="noopener noreferrer" lang={source.lang}>
            {t('explore.sourceTitle', { title: source.text })}
            <span className="visually-hidden">{t('link.newTab')}</span>
          </a>
          {/* The title is the credit; its publisher and date are one click away, and a third line
              here would push a 600 px embed past its 600 px height. */}
        </p>
      </div>
      {/* Folded by default: the map is the embed's point, and the iframe stays short in the article. */}
      <section id={listId} className="embed-events" aria-label="Event list" hidden={!listOpen}>
        <EventTable
          events={dataset.events}
          shown={view.shownIndexes}
          themes={dataset.themes}
          selectedId={state.event}
          onSelect={selectEvent}
          onSortChange={setTableOrder}
        />
      </section>
    </div>
  );
}
