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

function compile(state: ViewState): CompiledFilter {
  const set = <T>(values: readonly T[]) => (values.length === 0 ? null : new Set(values));
  return {
    from: dayNumber(state.from),
    to: dayNumber(state.to),
    undated: state.undated,
    theme: set(state.theme),
    kind: set(state.kind),
    format: set(state.format),
    basis: state.basis.length === 0 ? null : state.basis,
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
 * is. One pass over the events, not one per facet: an event that passes every filter counts in
 * every facet; one that fails exactly one facet's filter counts only in that facet (its own
 * filter is the one left out there); one that fails two or more counts nowhere. At 50,000 events
 * this runs on every change of the view, so it allocates nothing per event.
 */
export function facetCounts(items: readonly IndexedEvent[], state: ViewState): FacetCounts {
  const f = compile(state);
  const theme = new Map<number, number>();
  const kind = new Map<string, number>();
  const format = new Map<string, number>();
  const basis = new Map<string, number>();
  const add = <K>(bucket: Map<K, number>, key: K) => bucket.set(key, (bucket.get(key) ?? 0) + 1);
  for (const item of items) {
    const { event } = item;
    if (item.end < f.from || item.start > f.to) continue;
    if (!f.undated && isImprecise(event)) continue;
    if (f.q && !item.text.includes(f.q)) continue;
    const failsTheme = f.theme !== null && !f.theme.has(event.theme);
    const failsKind = f.kind !== null && !f.kind.has(event.kind);
    const failsFormat = f.format !== null && !f.format.has(event.format);
    const failsBasis = f.basis !== null && !f.basis.some((b) => item.bases.has(b));
    const failures = +failsTheme + +failsKind + +failsFormat + +failsBasis;
    if (failures > 1) continue;
    if (failures === 0 || failsTheme) add(theme, event.theme);
    if (failures === 0 || failsKind) add(kind, event.kind);
    if (failures === 0 || failsFormat) add(format, event.format);
    if (failures === 0 || failsBasis) for (const b of item.bases) add(basis, b);
  }
  return {
    theme: new Map([...theme].map(([key, count]) => [String(key), count])),
    kind,
    format,
    basis,
  };
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

/**
 * The choropleth's events per partner country (as partnerEventCounts) and the partners that
 * appear only as members of a group (as memberOnlyPartners), in one pass: both follow every
 * change of the view, over up to 50,000 events.
 */
export function partnerTallies(events: readonly AtlasEvent[]): {
  counts: Map<string, number>;
  memberOnly: Set<string>;
} {
  const counts = new Map<string, number>();
  const direct = new Set<string>();
  for (const event of events) {
    for (const partner of event.partners) {
      counts.set(partner.iso3, (counts.get(partner.iso3) ?? 0) + 1);
      if (partner.basis !== 'member') direct.add(partner.iso3);
    }
  }
  // Every partner entry is either a member's or not, so member-only is "never anything else".
  const memberOnly = new Set<string>();
  for (const iso3 of counts.keys()) if (!direct.has(iso3)) memberOnly.add(iso3);
  return { counts, memberOnly };
}
