import { useCallback, useDeferredValue, useMemo } from 'react';
import { choroplethScale } from '../domain/choropleth.ts';
import { yearsLabel } from '../domain/dates.ts';
import { coverageTitle } from '../domain/event-description.ts';
import { buildEventFeatures } from '../domain/event-features.ts';
import {
  eventsWithPartner,
  facetCounts,
  filterEvents,
  indexEvents,
  partnerEventCounts,
} from '../domain/event-filter.ts';
import { eventMapFilter, eventMapFilterKey, windowGlobalState } from '../domain/map-filter.ts';
import { selectionLinks, viewContextFor } from '../domain/selection.ts';
import type { MapCamera } from '../domain/view-state.ts';
import type { AtlasData } from '../features/dataset/dataset-query.ts';
import type { Selection } from '../features/details/DetailsPanel.tsx';
import { useViewState } from './use-view-state.ts';

/**
 * The one view model behind every surface (explorer, embed, presenter): the URL-backed view
 * state and everything derived from it for the map, the panels and the table.
 */
export function useAtlasView(data: AtlasData) {
  const { dataset, countryPoints } = data;
  const context = useMemo(() => viewContextFor(dataset, countryPoints.keys()), [dataset, countryPoints]);
  const { state, update, applyParams, dropped, dismissDropped } = useViewState(context);

  const items = useMemo(() => indexEvents(dataset.events), [dataset]);
  const features = useMemo(() => buildEventFeatures(dataset.events, countryPoints), [dataset, countryPoints]);
  const indexById = useMemo(() => new Map(dataset.events.map((e, i) => [e.id, i])), [dataset]);

  // The map and the controls follow the state at once (a filter expression, a handle); the
  // table rows, the facet counts, the count and the choropleth follow a deferred copy, which
  // React renders in the background and drops when a newer state arrives (a drag, typing), so
  // none of that work blocks the next key or pointer move at 50,000 events.
  const deferred = useDeferredValue(state);
  const shown = useMemo(() => filterEvents(items, deferred), [items, deferred]);
  const counts = useMemo(() => facetCounts(items, deferred), [items, deferred]);
  // The histogram shows what the other filters leave across the whole extent, so it does not
  // recompute on every frame of a drag of the window.
  const { from: _from, to: _to, ...nonWindow } = deferred;
  const nonWindowKey = JSON.stringify(nonWindow);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the non-window state.
  const shownIds = useMemo(
    () => new Set(filterEvents(items, { ...deferred, ...context.defaults }).map((e) => e.id)),
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

  /** Where the selection is on the map, so the camera can keep it clear of the details panel. */
  const focusPoints = useMemo((): [number, number][] => {
    if (selectedIndexes.length > 0) {
      const wanted = new Set(selectedIndexes);
      return features.features
        .filter((f) => wanted.has(f.properties.index))
        .map((f) => f.geometry.coordinates as [number, number]);
    }
    const point = state.country ? countryPoints.get(state.country) : undefined;
    return point ? [[point.lon, point.lat]] : [];
  }, [selectedIndexes, features, state.country, countryPoints]);

  // The years come from the dataset, so next year's article loads without a code change.
  const years = yearsLabel(context.defaults);
  const title = coverageTitle(years);

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
      years,
    };
  }, [selectedEvent, state.country, dataset, shown, countryPoints, years]);

  const selectEvent = useCallback((id: string) => update({ event: id, country: null }), [update]);
  const selectCountry = useCallback((iso3: string) => update({ country: iso3, event: null }), [update]);
  const clearSelection = useCallback(() => update({ event: null, country: null }), [update]);

  /** What every surface passes to MapView; a surface adds its label and its own options. */
  const mapProps = {
    features,
    filter,
    filterKey,
    globalState,
    countryColors,
    selectedEventIndexes: selectedIndexes,
    selectedCountry: state.country,
    links,
    camera: state.map,
    focusPoints,
    onSelectEvent: selectEvent,
    onSelectCountry: selectCountry,
    onUserCamera: (map: MapCamera) => update({ map }),
  };

  return {
    mapProps,
    title,
    dataset,
    countryPoints,
    context,
    state,
    update,
    applyParams,
    dropped,
    dismissDropped,
    items,
    features,
    shown,
    counts,
    shownIds,
    scale,
    countryColors,
    filter,
    filterKey,
    globalState,
    selectedEvent,
    selectedIndexes,
    focusPoints,
    links,
    selection,
    selectEvent,
    selectCountry,
    clearSelection,
  };
}

export type AtlasView = ReturnType<typeof useAtlasView>;
