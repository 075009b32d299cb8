import { dayNumber } from './dates.ts';
import { searchTextOf } from './event-features.ts';
import type { AtlasEvent, EventFormat, EventKind, PartnerBasis } from './event-schema.ts';
import type { ViewState } from './view-state.ts';

// Which events pass the view's filters, and how many each option would give. The map applies the
// same rules as expressions (map-filter.ts); a unit test holds the two in step.

export type FacetKey = 'theme' | 'kind' | 'format' | 'basis';

/** An event prepared once for filtering: day numbers and search text computed up front. */
export interface IndexedEvent {
  event: AtlasEvent;
  start: number;
  end: number;
  text: string;
  bases: ReadonlySet<PartnerBasis>;
}

export function indexEvents(events: readonly AtlasEvent[]): IndexedEvent[] {
  return events.map((event) => ({
    event,
    start: dayNumber(event.date.start),
    end: dayNumber(event.date.end),
    text: searchTextOf(event),
    bases: new Set(event.partners.map((p) => p.basis)),
  }));
}

export function isImprecise(event: AtlasEvent): boolean {
  return event.date.precision !== 'day';
}

interface CompiledFilter {
  from: number;
  to: number;
  undated: boolean;
  theme: ReadonlySet<number> | null;
  kind: ReadonlySet<EventKind> | null;
  format: ReadonlySet<EventFormat> | null;
  basis: readonly PartnerBasis[] | null;
  q: string;
}

function compile(state: ViewState, skip?: FacetKey): CompiledFilter {
  const set = <T>(key: FacetKey, values: readonly T[]) =>
    key === skip || values.length === 0 ? null : new Set(values);
  return {
    from: dayNumber(state.from),
    to: dayNumber(state.to),
    undated: state.undated,
    theme: set('theme', state.theme),
    kind: set('kind', state.kind),
    format: set('format', state.format),
    basis: skip === 'basis' || state.basis.length === 0 ? null : state.basis,
    q: state.q.trim().toLowerCase(),
  };
}

function passes(item: IndexedEvent, f: CompiledFilter): boolean {
  const { event } = item;
  if (item.end < f.from || item.start > f.to) return false;
  if (!f.undated && isImprecise(event)) return false;
  if (f.theme && !f.theme.has(event.theme)) return false;
  if (f.kind && !f.kind.has(event.kind)) return false;
  if (f.format && !f.format.has(event.format)) return false;
  if (f.basis && !f.basis.some((b) => item.bases.has(b))) return false;
  if (f.q && !item.text.includes(f.q)) return false;
  return true;
}

export function filterEvents(items: readonly IndexedEvent[], state: ViewState): AtlasEvent[] {
  const compiled = compile(state);
  return items.filter((item) => passes(item, compiled)).map((item) => item.event);
}

export type FacetCounts = Record<FacetKey, Map<string, number>>;

/**
 * For each option of each facet, how many events it would give with every other filter as it
 * is: one pass per facet, not one per option.
 */
export function facetCounts(items: readonly IndexedEvent[], state: ViewState): FacetCounts {
  const counts: FacetCounts = { theme: new Map(), kind: new Map(), format: new Map(), basis: new Map() };
  for (const facet of Object.keys(counts) as FacetKey[]) {
    const compiled = compile(state, facet);
    const bucket = counts[facet];
    for (const item of items) {
      if (!passes(item, compiled)) continue;
      const keys =
        facet === 'theme'
          ? [String(item.event.theme)]
          : facet === 'kind'
            ? [item.event.kind]
            : facet === 'format'
              ? [item.event.format]
              : [...item.bases];
      for (const key of keys) bucket.set(key, (bucket.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/** Events that share a partner with the given country, among those given. */
export function eventsWithPartner(events: readonly AtlasEvent[], iso3: string): AtlasEvent[] {
  return events.filter((event) => event.partners.some((p) => p.iso3 === iso3));
}

/** Events per partner country, for the choropleth. */
export function partnerEventCounts(events: readonly AtlasEvent[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const event of events) {
    for (const partner of event.partners) counts.set(partner.iso3, (counts.get(partner.iso3) ?? 0) + 1);
  }
  return counts;
}
