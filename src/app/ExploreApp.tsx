import { useEffect, useState } from 'react';
import { activeFilterChips, clearedFilters } from '../domain/filter-labels.ts';
import type { AtlasData } from '../features/dataset/dataset-query.ts';
import { DetailsPanel } from '../features/details/DetailsPanel.tsx';
import { EmbedButton } from '../features/embed/EmbedButton.tsx';
import { EventTable } from '../features/event-table/EventTable.tsx';
import { ActiveFilters } from '../features/filters/ActiveFilters.tsx';
import { FilterPanel } from '../features/filters/FilterPanel.tsx';
import { Legend } from '../features/legend/Legend.tsx';
import { Timeline } from '../features/timeline/Timeline.tsx';
import type { AtlasMap } from '../map/atlas-map.ts';
import { MapView } from '../map/MapView.tsx';
import { StaticMap } from '../map/StaticMap.tsx';
import { DroppedNotice } from './DroppedNotice.tsx';
import { ExploreStory } from './ExploreStory.tsx';
import { useAtlasView } from './use-atlas-view.ts';
import { urlForView } from './use-view-state.ts';

/** The story starts from the explorer's current data set; its steps set their own filters. */
function presentHref(search: string): string {
  const data = new URLSearchParams(search).get('data');
  return `?${new URLSearchParams({ mode: 'present', ...(data ? { data } : {}) })}`;
}

export function ExploreApp({ data }: { data: AtlasData }) {
  const view = useAtlasView(data);
  const { dataset, countryPoints, context, state, update, dropped, dismissDropped, items, shown } = view;
  const { counts, shownIds, scale } = view;
  const { selection, selectEvent, selectCountry, clearSelection } = view;
  // The live map, so a story step can hold the framing on screen even when the app chose it.
  const [atlas, setAtlas] = useState<AtlasMap | null>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (state.event || state.country) clearSelection();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [state.event, state.country, clearSelection]);

  const chips = activeFilterChips(state, dataset.themes, context.defaults);

  return (
    <div className="explore">
      <header className="explore-header">
        <div>
          <h1>Cooperation Atlas</h1>
          <p className="explore-source">
            Events from{' '}
            <a href={dataset.source.url} target="_blank" rel="noopener noreferrer">
              “{dataset.source.title}”
            </a>{' '}
            (published {dataset.source.published})
          </p>
        </div>
        <div className="header-actions">
          <a href={presentHref(window.location.search)}>Present</a>
          <ExploreStory view={view} cameraNow={() => atlas?.camera() ?? null} />
          <EmbedButton viewUrl={urlForView(state, context, new URL(window.location.href)).href} />
        </div>
      </header>
      {dropped.length > 0 && <DroppedNotice dropped={dropped} onDismiss={dismissDropped} />}
      <div className="explore-body">
        <aside className="sidebar" aria-label="Filters">
          <FilterPanel themes={dataset.themes} state={state} counts={counts} onChange={update} />
        </aside>
        <div className="stage">
          <ActiveFilters
            chips={chips}
            onChange={update}
            onClearAll={() => update(clearedFilters(context.defaults))}
            shown={shown.length}
            total={dataset.events.length}
          />
          <MapView
            label="Map of the events"
            {...view.mapProps}
            onAtlas={setAtlas}
            fallback={
              <StaticMap
                basemapUrl={`${import.meta.env.BASE_URL}data/basemap-world.json`}
                events={shown}
                countryPoints={countryPoints}
                colorFor={(count) => scale.colorFor(count) ?? '#f6f4ef'}
                selectedEventId={state.event}
                selectedCountry={state.country}
                onSelectEvent={selectEvent}
                onSelectCountry={selectCountry}
              />
            }
          >
            <Legend classes={scale.classes} />
            {selection && (
              <div className="details-dock">
                <DetailsPanel
                  selection={selection}
                  themes={dataset.themes}
                  onClose={clearSelection}
                  onSelectEvent={selectEvent}
                />
              </div>
            )}
          </MapView>
          <Timeline
            items={items}
            shownIds={shownIds}
            extent={context.defaults}
            window={{ from: state.from, to: state.to }}
            undated={state.undated}
            onWindowChange={(window) => update(window)}
            onUndatedChange={(undated) => update({ undated })}
          />
        </div>
        <section className="events-pane" aria-label="Event list">
          <EventTable
            events={shown}
            allEvents={dataset.events}
            themes={dataset.themes}
            selectedId={state.event}
            onSelect={selectEvent}
          />
        </section>
      </div>
    </div>
  );
}
