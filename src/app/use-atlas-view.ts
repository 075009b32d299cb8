import { useCallback, useDeferredValue, useEffect, useMemo, useRef } from 'react';
import { choroplethScale, memberOnlyColor } from '../domain/choropleth.ts';
import { countryNamesIn } from '../domain/country-names.ts';
import { yearsLabel } from '../domain/dates.ts';
import { coverageTitle } from '../domain/event-description.ts';
import {
  eventSearch,
  eventsAt,
  eventsWithPartner,
  filterAndCount,
  filterIndexes,
  indexEvents,
  partnerTallies,
  prepareSearchTexts,
  sameIndexes,
  searchQuery,
} from '../domain/event-filter.ts';
import {
  eventMapFilter,
  eventMapFilterKey,
  selectedEventsFilter,
  windowGlobalState,
} from '../domain/map-filter.ts';
import { countrySummary, eventSummary, partnerNames, stackPoints } from '../domain/map-tooltip.ts';
import { HOST_ISO3, selectionLinks } from '../domain/selection.ts';
import type { MapCamera, ViewState } from '../domain/view-state.ts';
import type { AtlasData } from '../features/dataset/dataset-query.ts';
import type { Selection } from '../features/details/DetailsPanel.tsx';
import type { Language } from '../i18n/catalogues.ts';
import { browserLanguage } from '../i18n/language.ts';
import { useWords } from '../i18n/use-words.ts';
import { afterFirstMap, whenIdle } from '../map/first-map-settled.ts';
import { DENSE_POINT_COUNT } from '../map/layers.ts';
import { useLanguage } from './LanguageProvider.tsx';
import { useViewState } from './use-view-state.ts';

/**
 * The one view model behind every surface (explorer, embed, presenter): the URL-backed view
 * state and everything derived from it for the map, the panels and the table.
 */
/**
 * Only the filters: a camera move (written to the view, as a framing is) or a selection must not
 * make a new `shown`, or the selection's framing would follow it in a loop.
 */
function filtersKeyOf(state: ViewState): string {
  const { map: _map, event: _event, country: _country, lines: _lines, ...filters } = state;
  return JSON.stringify(filters);
}

/**
 * The last list of indexes while a new one holds the same (sameIndexes), so the memos and effects
 * that depend on it keep their results. The ref is written during render: it only ever holds a
 * list equal to one this hook was given, so returning it for an equal list is right whichever
 * render, kept or discarded, wrote it.
 */
function useSameIndexes<List extends ArrayLike<number>>(indexes: List): List {
  const kept = useRef(indexes);
  if (!sameIndexes(kept.current, indexes)) kept.current = indexes;
  return kept.current;
}

export function useAtlasView(data: AtlasData) {
  const { dataset, countryPoints, mapEvents, context, positionById } = data;
  const { state, update, applyParams, dropped, dismissDropped } = useViewState(context);
  const { language, setLanguage } = useLanguage();
  const words = useWords();
  // The view's `lang` (the URL, an embed host's `set`, the switch) decides the interface language.
  useEffect(() => setLanguage(state.lang ?? browserLanguage()), [state.lang, setLanguage]);

  const items = useMemo(() => indexEvents(dataset.events), [dataset]);
  const search = useMemo(() => eventSearch(items), [items]);
  // The search texts wait for the first map (a reader types once there is something to see), and
  // are then made a slice at a time in idle moments, so no task holds the page meanwhile.
  useEffect(() => {
    let stopped = false;
    const step = (timeLeft: () => number) => {
      if (!stopped && !prepareSearchTexts(items, timeLeft)) whenIdle(step);
    };
    afterFirstMap(step);
    return () => {
      stopped = true;
    };
  }, [items]);

  // The map and the controls follow the state at once (a filter expression, a handle); the
  // table rows, the facet counts, the count and the choropleth follow a deferred copy, which
  // React renders in the background and drops when a newer state arrives (a drag, typing), so
  // none of that work blocks the next key or pointer move at 50,000 events.
  const later = useDeferredValue(state);
  const filtersKey = filtersKeyOf(later);
  // True from the moment the filters change until the count has caught up with them: the count's
  // live region says it is busy meanwhile, so no one reads (or hears) the last view's number as
  // this view's.
  const settling = filtersKeyOf(state) !== filtersKey;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the filters.
  const deferred = useMemo(() => later, [filtersKey]);
  const filtered = useMemo(() => filterAndCount(items, deferred, search), [items, deferred, search]);
  const { counts } = filtered;
  const shownIndexes = useSameIndexes(filtered.shown);
  // The index holds the dataset's events in order, so an item's index is the event's position.
  const shown = useMemo(() => eventsAt(dataset.events, shownIndexes), [shownIndexes, dataset]);
  // The histogram shows what the other filters leave across the whole extent, so it does not
  // recompute on every frame of a drag of the window.
  const { from: _from, to: _to, ...nonWindow } = deferred;
  const nonWindowKey = JSON.stringify(nonWindow);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the non-window state.
  const histogramFiltered = useMemo(
    () => filterIndexes(items, { ...deferred, ...context.defaults }, search),
    [items, nonWindowKey, context.defaults, search],
  );
  const histogramIndexes = useSameIndexes(histogramFiltered);

  // The index's columns, not the events' objects: at 50,000 events this is on the first view's path.
  const scale = useMemo(() => {
    const all = partnerTallies(items).counts;
    return choroplethScale(Math.max(0, ...all.values()));
  }, [items]);
  const { counts: partnerCounts, memberOnly } = useMemo(
    () => partnerTallies(items, shownIndexes),
    [items, shownIndexes],
  );
  // Which partner's label wins where labels collide follows the filters but not the time window,
  // as the histogram does: labels do not trade places on every step of a scrub, and the map does
  // not lay its labels out again for each (a new order is a new layout for MapLibre).
  const labelPriority = useMemo(
    () => partnerTallies(items, histogramIndexes).counts,
    [items, histogramIndexes],
  );
  const countryColors = useMemo(() => {
    const colors = new Map<string, string>();
    for (const [iso3, count] of partnerCounts) {
      const color = scale.colorFor(count);
      if (color) colors.set(iso3, memberOnly.has(iso3) ? memberOnlyColor(color) : color);
    }
    return colors;
  }, [partnerCounts, scale, memberOnly]);
  // In English the dataset's own spelling ("North Macedonia"); in another language CLDR's, for
  // every country on the map, since the country labels past world zoom name them all.
  const englishNames = useMemo(() => partnerNames(dataset.events), [dataset]);
  const names = useMemo(
    () =>
      language === 'en'
        ? englishNames
        : countryNamesIn(
            countryPoints.keys(),
            language,
            (iso3) => englishNames.get(iso3) ?? countryPoints.get(iso3)?.name,
          ),
    [language, englishNames, countryPoints],
  );
  const stacks = useMemo(() => stackPoints(shown, countryPoints, DENSE_POINT_COUNT), [shown, countryPoints]);
  const countryName = useCallback(
    (iso3: string) => names.get(iso3) ?? countryPoints.get(iso3)?.name ?? iso3,
    [names, countryPoints],
  );
  const describeEvent = useCallback(
    (id: string) => {
      const event = dataset.events[positionById.get(id) ?? -1];
      return event ? eventSummary(event, words) : undefined;
    },
    [dataset, positionById, words],
  );
  const describeCountry = useCallback(
    (iso3: string) => countrySummary(shown, iso3, countryName(iso3), words),
    [shown, countryName, words],
  );
  const eventOrder = useCallback(() => shown.map((e) => e.id), [shown]);

  const filterKey = eventMapFilterKey(state);
  const query = searchQuery(state);
  // A letter that finds the same events keeps the same list, and the map keeps its tiles.
  const matches = useSameIndexes(useMemo(() => search.resultFor(query)?.positions ?? [], [search, query]));
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the filter's meaning.
  const filter = useMemo(
    () => eventMapFilter(state, matches, dataset.events.length),
    [filterKey, matches, dataset],
  );
  const { from, to } = state;
  const globalState = useMemo(() => windowGlobalState({ from, to }), [from, to]);

  const selectedEvent = state.event ? dataset.events[positionById.get(state.event) ?? -1] : undefined;
  const selectedIndexes = useMemo(
    () => (state.event && positionById.has(state.event) ? [positionById.get(state.event) as number] : []),
    [state.event, positionById],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the filter's meaning.
  const selectedFilter = useMemo(
    () => selectedEventsFilter(state, matches, selectedIndexes, dataset.events.length),
    [filterKey, matches, selectedIndexes, dataset],
  );
  const links = useMemo(
    () => selectionLinks(selectedEvent, state.country, countryPoints),
    [selectedEvent, state.country, countryPoints],
  );

  /**
   * What a selection must show: an event's place(s), China and each partner; a country, China
   * and where its shown events with China took place. The camera keeps these clear of panels.
   */
  const focusPoints = useMemo((): [number, number][] => {
    const pointOf = (iso3: string): [number, number][] => {
      const point = countryPoints.get(iso3);
      return point ? [[point.lon, point.lat]] : [];
    };
    if (selectedIndexes.length > 0) {
      const wanted = new Set(selectedIndexes);
      const places = mapEvents.points.features
        .filter((f) => wanted.has(Number(f.id)))
        .map((f) => f.geometry.coordinates as [number, number]);
      const partners = selectedEvent?.partners.flatMap((p) => pointOf(p.iso3)) ?? [];
      return [...places, ...pointOf(HOST_ISO3), ...partners];
    }
    if (!state.country) return [];
    const wanted = new Set(eventsWithPartner(shown, state.country).map((e) => positionById.get(e.id)));
    const places = mapEvents.points.features
      .filter((f) => wanted.has(Number(f.id)))
      .map((f) => f.geometry.coordinates as [number, number]);
    return [...pointOf(state.country), ...pointOf(HOST_ISO3), ...places];
  }, [selectedIndexes, selectedEvent, mapEvents, state.country, shown, positionById, countryPoints]);

  // The years come from the dataset, so next year's article loads without a code change.
  const years = yearsLabel(context.defaults);
  const title = coverageTitle(years, words);

  const selection: Selection | undefined = useMemo(() => {
    if (selectedEvent) return { type: 'event', event: selectedEvent };
    if (!state.country) return undefined;
    const all = eventsWithPartner(dataset.events, state.country);
    return {
      type: 'country',
      iso3: state.country,
      name: countryName(state.country),
      events: eventsWithPartner(shown, state.country),
      total: all.length,
      years,
    };
  }, [selectedEvent, state.country, dataset, shown, countryName, years]);

  const selectEvent = useCallback((id: string) => update({ event: id, country: null }), [update]);
  const selectCountry = useCallback((iso3: string) => update({ country: iso3, event: null }), [update]);
  const clearSelection = useCallback(() => update({ event: null, country: null }), [update]);

  /** What every surface passes to MapView; a surface adds its label and its own options. */
  const mapProps = {
    mapEvents,
    filter,
    selectedFilter,
    globalState,
    countryColors,
    selectedEventIndexes: selectedIndexes,
    selectedCountry: state.country,
    links,
    camera: state.map,
    focusPoints,
    memberOnly,
    partnerCounts,
    labelPriority,
    partnerNames: names,
    stacks,
    describeEvent,
    describeCountry,
    eventOrder,
    onSelectEvent: selectEvent,
    onSelectCountry: selectCountry,
    onUserCamera: (map: MapCamera) => update({ map }),
  };

  return {
    language,
    setLanguage: (lang: Language) => update({ lang }),
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
    mapEvents,
    shown,
    shownIndexes,
    settling,
    counts,
    histogramIndexes,
    scale,
    countryColors,
    filter,
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
