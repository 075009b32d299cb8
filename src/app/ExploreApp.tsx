import { useCallback, useEffect, useMemo } from 'react';
import { choroplethScale } from '../domain/choropleth.ts';
import { buildEventFeatures } from '../domain/event-features.ts';
import {
  eventsWithPartner,
  facetCounts,
  filterEvents,
  indexEvents,
  partnerEventCounts,
} from '../domain/event-filter.ts';
import { activeFilterChips, clearedFilters } from '../domain/filter-labels.ts';
import { eventMapFilter, eventMapFilterKey, windowGlobalState } from '../domain/map-filter.ts';
import { selectionLinks, viewContextFor } from '../domain/selection.ts';
import type { AtlasData } from '../features/dataset/dataset-query.ts';
import type { Selection } from '../features/details/DetailsPanel.tsx';
import { DetailsPanel } from '../features/details/DetailsPanel.tsx';
import { EventTable } from '../features/event-table/EventTable.tsx';
import { ActiveFilters } from '../features/filters/ActiveFilters.tsx';
import { FilterPanel } from '../features/filters/FilterPanel.tsx';
import { Legend } from '../features/legend/Legend.tsx';
import { Timeline } from '../features/timeline/Timeline.tsx';
import { MapView } from '../map/MapView.tsx';
import { StaticMap } from '../map/StaticMap.tsx';
import { DroppedNotice } from './DroppedNotice.tsx';
import { useViewState } from './use-view-state.ts';

export function ExploreApp({ data }: { data: AtlasData }) {
  const { dataset, countryPoints } = data;
  const context = useMemo(() => viewContextFor(dataset, countryPoints.keys()), [dataset, countryPoints]);
  const { state, update, dropped, dismissDropped } = useViewState(context);

  const items = useMemo(() => indexEvents(dataset.events), [dataset]);
  const features = useMemo(() => buildEventFeatures(dataset.events, countryPoints), [dataset, countryPoints]);
  const indexById = useMemo(() => new Map(dataset.events.map((e, i) => [e.id, i])), [dataset]);

  const shown = useMemo(() => filterEvents(items, state), [items, state]);
  const counts = useMemo(() => facetCounts(items, state), [items, state]);
  // The histogram shows what the other filters leave across the whole extent, so it does not
  // recompute on every frame of a drag of the window.
  const { from: _from, to: _to, ...nonWindow } = state;
  const nonWindowKey = JSON.stringify(nonWindow);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the non-window state.
  const shownIds = useMemo(
    () => new Set(filterEvents(items, { ...state, ...context.defaults }).map((e) => e.id)),
    [items, nonWindowKey, context.defaults],
  );

  const scale = useMemo(() => {
    const all = partnerEventCounts(dataset.events);
    return choroplethScale(Math.max(0, ...all.values()));
  }, [dataset]);
  const countryColors = useMemo(() => {
    const colors = new Map<string, string>();
    for (const [iso3, count] of partnerEventCounts(shown)) {
      const color = scale.colorFor(count);
      if (color) colors.set(iso3, color);
    }
    return colors;
  }, [shown, scale]);

  const filterKey = eventMapFilterKey(state);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the filter's meaning.
  const filter = useMemo(() => eventMapFilter(state), [filterKey]);
  const { from, to } = state;
  const globalState = useMemo(() => windowGlobalState({ from, to }), [from, to]);

  const selectedEvent = state.event ? dataset.events[indexById.get(state.event) ?? -1] : undefined;
  const selectedIndexes = useMemo(
    () => (state.event && indexById.has(state.event) ? [indexById.get(state.event) as number] : []),
    [state.event, indexById],
  );
  const links = useMemo(
    () => selectionLinks(selectedEvent, state.country, countryPoints),
    [selectedEvent, state.country, countryPoints],
  );

  const selection: Selection | undefined = useMemo(() => {
    if (selectedEvent) return { type: 'event', event: selectedEvent };
    if (!state.country) return undefined;
    const all = eventsWithPartner(dataset.events, state.country);
    return {
      type: 'country',
      iso3: state.country,
      name: countryPoints.get(state.country)?.name ?? state.country,
      events: eventsWithPartner(shown, state.country),
      total: all.length,
    };
  }, [selectedEvent, state.country, dataset, shown, countryPoints]);

  const selectEvent = useCallback((id: string) => update({ event: id, country: null }), [update]);
  const selectCountry = useCallback((iso3: string) => update({ country: iso3, event: null }), [update]);
  const clearSelection = useCallback(() => update({ event: null, country: null }), [update]);

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
            (China Military Online, {dataset.source.published})
          </p>
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
            features={features}
            filter={filter}
            filterKey={filterKey}
            globalState={globalState}
            countryColors={countryColors}
            selectedEventIndexes={selectedIndexes}
            selectedCountry={state.country}
            links={links}
            camera={state.map}
            onSelectEvent={selectEvent}
            onSelectCountry={selectCountry}
            onUserCamera={(map) => update({ map })}
            fallback={
              <StaticMap
                basemapUrl={`${import.meta.env.BASE_URL}data/basemap.json`}
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
            themes={dataset.themes}
            selectedId={state.event}
            onSelect={selectEvent}
          />
        </section>
      </div>
    </div>
  );
}
