import { searchQuery } from '../domain/event-filter.ts';
import { eventMapFilter, windowGlobalState } from '../domain/map-filter.ts';
import { hasMonthMarks } from '../domain/time-window.ts';
import { parseViewState } from '../domain/view-state.ts';
import type { AtlasData } from '../features/dataset/dataset-query.ts';
import { offerToWaitingMap } from '../map/map-host.ts';
import { fitLoadingShellTo } from './loading-shell.ts';

/**
 * The map made while the data loaded (boot.ts) gets the events the moment they arrive, filtered
 * as the URL asks, instead of when React has rendered the first view: MapLibre's worker tiles
 * them while React renders (seconds of work at 50,000 events). A search is left to the view,
 * which filters it by the index's matches (the map's tiles carry no text).
 */
export function prepareWaitingMap(data: AtlasData): void {
  fitLoadingShellTo({ monthMarks: hasMonthMarks(data.dataset.events) });
  const { state } = parseViewState(new URLSearchParams(window.location.search), data.context);
  if (searchQuery(state)) return;
  offerToWaitingMap({
    events: data.mapEvents,
    filter: eventMapFilter(state, [], data.dataset.events.length),
    globalState: windowGlobalState(state),
  });
}
