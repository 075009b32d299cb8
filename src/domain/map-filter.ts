import type { ExpressionSpecification } from 'maplibre-gl';
import { dayNumber } from './dates.ts';
import { searchQuery } from './event-filter.ts';
import { WINDOW_FROM_DAY, WINDOW_TO_DAY, windowState } from './map-window.ts';
import type { ViewState } from './view-state.ts';

// The view's filters as a MapLibre expression over the properties of event-features.ts. It reads
// the time window from the style's global state, so scrubbing the timeline changes one value (the
// window's two days) instead of the filter, and never the data. event-filter.ts applies the same rules in JS.

export function windowGlobalState(state: Pick<ViewState, 'from' | 'to'>): Record<string, [number, number]> {
  return windowState(dayNumber(state.from), dayNumber(state.to));
}

/**
 * The filter without the time window's values: it changes only when a facet or the search does.
 * A search is given as `searchMatches` (event-filter.ts), the feature ids of the events whose
 * text holds it, in ascending order, among the dataset's `eventCount` events (ids 0 to
 * eventCount − 1): the tiles carry no text, which at 50,000 events would be most of what
 * MapLibre's worker has to copy and tile.
 */
export function eventMapFilter(
  state: ViewState,
  searchMatches: readonly number[],
  eventCount: number,
): ExpressionSpecification {
  const clauses: ExpressionSpecification[] = [
    ['<=', ['get', 'start'], WINDOW_TO_DAY],
    ['>=', ['get', 'end'], WINDOW_FROM_DAY],
  ];
  if (!state.undated) clauses.push(['==', ['get', 'precision'], 'day']);
  if (state.theme.length > 0) clauses.push(['in', ['get', 'theme'], ['literal', state.theme]]);
  if (state.kind.length > 0) clauses.push(['in', ['get', 'kind'], ['literal', state.kind]]);
  if (state.format.length > 0) clauses.push(['in', ['get', 'format'], ['literal', state.format]]);
  if (state.basis.length > 0) {
    clauses.push([
      'any',
      ...state.basis.map((basis): ExpressionSpecification => ['in', `|${basis}|`, ['get', 'bases']]),
    ]);
  }
  if (searchQuery(state)) clauses.push(searchClause(searchMatches, eventCount));
  return ['all', ...clauses];
}

/**
 * `match` looks its labels up in a table: one step per point, however many events match. But
 * MapLibre compiles the table on the main thread as well as in its worker, label by label (20 ms
 * for 40,000 on this machine), and a short search ("r") matches most events: past half of them
 * the table lists the events that do not match instead.
 */
function searchClause(matches: readonly number[], eventCount: number): ExpressionSpecification {
  // The same matches give the very same clause: the map keys a long id list by its identity, and
  // a new one, even equal, has it re-tile every event.
  const made = madeClauses.get(matches);
  if (made?.eventCount === eventCount) return made.clause;
  const clause = newSearchClause(matches, eventCount);
  madeClauses.set(matches, { eventCount, clause });
  return clause;
}

const madeClauses = new WeakMap<readonly number[], { eventCount: number; clause: ExpressionSpecification }>();

function newSearchClause(matches: readonly number[], eventCount: number): ExpressionSpecification {
  if (matches.length * 2 <= eventCount) return idClause(matches, true);
  const others: number[] = [];
  let next = 0;
  for (const id of matches) {
    for (; next < id; next++) others.push(next);
    next = id + 1;
  }
  for (; next < eventCount; next++) others.push(next);
  return idClause(others, false);
}

/** `listed` for the ids given, the opposite for every other. */
function idClause(ids: readonly number[], listed: boolean): ExpressionSpecification {
  return ids.length > 0
    ? (['match', ['id'], [...ids], listed, !listed] as ExpressionSpecification)
    : ['literal', !listed];
}

/**
 * The filter of the selected events' layer, which draws only them: with the search's matches
 * narrowed to them it decides as eventMapFilter does for them, and it stays small. MapLibre
 * parses, copies and sends each filter to its worker on the main thread, and a search's can list
 * 50,000 ids.
 */
export function selectedEventsFilter(
  state: ViewState,
  searchMatches: readonly number[],
  selected: readonly number[],
  eventCount: number,
): ExpressionSpecification {
  const chosen = new Set(selected);
  return eventMapFilter(
    state,
    chosen.size === 0 ? [] : searchMatches.filter((id) => chosen.has(id)),
    eventCount,
  );
}

/** A stable key for the non-window part of the filter, to skip setFilter when nothing changed. */
export function eventMapFilterKey(state: ViewState): string {
  return JSON.stringify([
    state.undated,
    state.theme,
    state.kind,
    state.format,
    state.basis,
    searchQuery(state),
  ]);
}
