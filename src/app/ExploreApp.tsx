import { useEffect, useId, useRef, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { formatEventDate } from '../domain/dates.ts';
import { activeFilterChips } from '../domain/filter-labels.ts';
import type { AtlasData } from '../features/dataset/dataset-query.ts';
import { DetailsPanel } from '../features/details/DetailsPanel.tsx';
import { EmbedButton } from '../features/embed/EmbedButton.tsx';
import { useMediaQuery } from '../features/embed/use-media-query.ts';
import { EventTable } from '../features/event-table/EventTable.tsx';
import { CiteButton } from '../features/export/CiteButton.tsx';
import { DownloadButton } from '../features/export/DownloadButton.tsx';
import type { TableOrder } from '../features/export/export-view.ts';
import { DEFAULT_TABLE_ORDER } from '../features/export/export-view.ts';
import { PrintSummary } from '../features/export/PrintSummary.tsx';
import { FilterPanel } from '../features/filters/FilterPanel.tsx';
import { LanguageSwitch } from '../features/language/LanguageSwitch.tsx';
import { useWords } from '../i18n/use-words.ts';
import { localized } from '../i18n/words.ts';
import type { AtlasMap } from '../map/atlas-map.ts';
import { AtlasStage } from './AtlasStage.tsx';
import { DroppedNotice } from './DroppedNotice.tsx';
import { ExploreStory } from './ExploreStory.tsx';
import { useAtlasView } from './use-atlas-view.ts';
import { NARROW_QUERY, usePanelPreference, WIDE_FILTERS_QUERY } from './use-panel-preference.ts';
import { urlForView } from './use-view-state.ts';

/** The story starts from the explorer's current data set; its steps set their own filters. */
function presentHref(search: string): string {
  const data = new URLSearchParams(search).get('data');
  return `?${new URLSearchParams({ mode: 'present', ...(data ? { data } : {}) })}`;
}

const wideFilters = () => window.matchMedia(WIDE_FILTERS_QUERY).matches;
const always = () => true;

export function ExploreApp({ data }: { data: AtlasData }) {
  const view = useAtlasView(data);
  const words = useWords();
  const { t } = words;
  const { dataset, context, state, update, dropped, dismissDropped, shown, counts } = view;
  const { selection, selectEvent, clearSelection } = view;
  // The live map, so a story step can hold the framing on screen even when the app chose it.
  const [atlas, setAtlas] = useState<AtlasMap | null>(null);

  const narrow = useMediaQuery(NARROW_QUERY);
  const [filtersPinned, setFiltersPinned] = usePanelPreference('filters', wideFilters);
  const [listOpen, setListOpen] = usePanelPreference('list', always);
  // On one-column screens the filters are a sheet over the page, opened for a moment and never
  // remembered open: a sheet that greets the reader would hide the map it is meant to serve.
  const [sheetOpen, setSheetOpen] = useState(false);
  const filtersOpen = narrow ? sheetOpen : filtersPinned;
  const filtersId = useId();
  const listId = useId();
  const sheetButtonRef = useRef<HTMLButtonElement>(null);
  const sheetRef = useRef<HTMLElement>(null);
  const [tableOrder, setTableOrder] = useState<TableOrder>(DEFAULT_TABLE_ORDER);
  // The Story panel docks at the right, beside the map, so the map a person frames is the map a
  // step keeps. Below 1440 px it takes the event list's room for as long as it is open (the
  // list's own setting is kept), or the map would be left too narrow to frame anything.
  const [storyOpen, setStoryOpen] = useState(false);
  const [listYieldsToStory, setListYieldsToStory] = useState(false);
  const openStory = (open: boolean) => {
    setStoryOpen(open);
    setListYieldsToStory(open && !window.matchMedia(WIDE_FILTERS_QUERY).matches);
  };
  const listShown = listOpen && !listYieldsToStory;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (narrow && sheetOpen) {
        setSheetOpen(false);
        sheetButtonRef.current?.focus();
      } else if (state.event || state.country) clearSelection();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [narrow, sheetOpen, state.event, state.country, clearSelection]);

  // The sheet takes the focus when it opens, so a keyboard or screen-reader user lands in it.
  useEffect(() => {
    if (narrow && sheetOpen) sheetRef.current?.querySelector<HTMLElement>('input, button')?.focus();
  }, [narrow, sheetOpen]);

  const chipCount = activeFilterChips(state, dataset.themes, context.defaults, words).length;
  const filtersLabel = chipCount > 0 ? t('filters.toggleCount', { count: chipCount }) : t('filters.toggle');
  // The shared view (embed, download, citation) carries the language the reader sees, so a
  // Chinese reader's link opens in Chinese for anyone; English stays the unwritten default.
  const shareState = { ...state, lang: state.lang ?? (view.language === 'en' ? null : view.language) };
  const viewUrl = urlForView(shareState, context, new URL(window.location.href)).href;
  const source = localized(dataset.source, 'title', view.language);

  return (
    <div className="explore">
      <a className="skip-link" href="#atlas-map">
        {t('explore.skip')}
      </a>
      <header className="explore-header">
        <div>
          <h1>{t('atlas.name')}</h1>
          <p className="explore-source">
            <FormattedMessage
              id="explore.source"
              values={{
                title: (
                  <a href={dataset.source.url} target="_blank" rel="noopener noreferrer" lang={source.lang}>
                    {t('explore.sourceTitle', { title: source.text })}
                  </a>
                ),
                published: formatEventDate(
                  { start: dataset.source.published, end: dataset.source.published, precision: 'day' },
                  words,
                ),
              }}
            />
          </p>
        </div>
        <div className="header-actions">
          <a href={presentHref(window.location.search)}>{t('explore.present')}</a>
          <ExploreStory
            view={view}
            cameraNow={() => atlas?.camera() ?? null}
            open={storyOpen}
            setOpen={openStory}
          />
          <EmbedButton viewUrl={viewUrl} title={view.title} />
          <DownloadButton source={view} viewUrl={viewUrl} order={tableOrder} />
          <CiteButton source={view} viewUrl={viewUrl} />
          <LanguageSwitch value={view.language} onChange={view.setLanguage} />
        </div>
      </header>
      {dropped.length > 0 && <DroppedNotice dropped={dropped} onDismiss={dismissDropped} />}
      <div
        className={`explore-body ${filtersOpen ? 'filters-open' : 'filters-closed'}${listShown ? '' : ' list-closed'}`}
      >
        <aside
          ref={sheetRef}
          className={`sidebar${narrow && sheetOpen ? ' is-sheet' : ''}`}
          aria-label="Filters"
          hidden={narrow && !sheetOpen}
        >
          <div className="panel-head">
            {narrow ? (
              <h2 className="panel-title">{t('filters.heading')}</h2>
            ) : (
              <button
                type="button"
                className="panel-toggle"
                aria-expanded={filtersOpen}
                aria-controls={filtersId}
                onClick={() => setFiltersPinned(!filtersPinned)}
              >
                <span className="panel-chevron" aria-hidden="true" />
                {filtersLabel}
              </button>
            )}
            {narrow && (
              <button
                type="button"
                className="panel-done"
                onClick={() => {
                  setSheetOpen(false);
                  sheetButtonRef.current?.focus();
                }}
              >
                {t('filters.showEvents', { count: shown.length })}
              </button>
            )}
          </div>
          <div id={filtersId} className="panel-body" hidden={!filtersOpen}>
            <FilterPanel themes={dataset.themes} state={state} counts={counts} onChange={update} />
          </div>
        </aside>
        <div className="stage">
          <AtlasStage
            view={view}
            compactLegend={narrow}
            onAtlas={setAtlas}
            toolbar={
              narrow && (
                <button
                  ref={sheetButtonRef}
                  type="button"
                  className="stage-filters-button"
                  aria-expanded={sheetOpen}
                  aria-controls={filtersId}
                  onClick={() => setSheetOpen(!sheetOpen)}
                >
                  {filtersLabel}
                </button>
              )
            }
            details={
              selection && (
                <DetailsPanel
                  selection={selection}
                  themes={dataset.themes}
                  onClose={clearSelection}
                  onSelectEvent={selectEvent}
                />
              )
            }
          />
        </div>
        <section className="events-pane" aria-label="Event list">
          <div className="panel-head">
            <button
              type="button"
              className="panel-toggle"
              aria-expanded={listShown}
              aria-controls={listId}
              onClick={() => {
                setListYieldsToStory(false);
                setListOpen(!listShown);
              }}
            >
              <span className="panel-chevron" aria-hidden="true" />
              {t('list.toggle', { count: shown.length })}
            </button>
          </div>
          <div id={listId} className="panel-body" hidden={!listShown}>
            <EventTable
              events={dataset.events}
              shown={view.shownIndexes}
              themes={dataset.themes}
              selectedId={state.event}
              onSelect={selectEvent}
              onSortChange={setTableOrder}
            />
          </div>
        </section>
      </div>
      <PrintSummary source={view} viewUrl={viewUrl} order={tableOrder} />
    </div>
  );
}
