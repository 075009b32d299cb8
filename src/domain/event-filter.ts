import { countrySearchNames } from './country-names.ts';
import { dayNumber } from './dates.ts';
import type { AtlasEvent } from './event-schema.ts';
import { basisBit, basisMaskOf, EVENT_FORMATS, EVENT_KINDS, PARTNER_BASES } from './event-schema.ts';
import type { DaySpans } from './time-window.ts';
import type { ViewState } from './view-state.ts';

// Which events pass the view's filters, and how many each option would give. The map applies the
// same rules as expressions (map-filter.ts); a unit test holds the two in step.

export type FacetKey = 'theme' | 'kind' | 'format' | 'basis';

/**
 * An event prepared once for filtering: day numbers and small-integer codes for its
 * kind, format, partner bases and partner countries, so that filtering, facet counts and the
 * choropleth's tallies over 50,000 events on every change of the view hash no strings.
 */
export interface IndexedEvent {
  event: AtlasEvent;
  /** Its position in the dataset: the map's feature id. */
  position: number;
  start: number;
  end: number;
  /** Month- or year-only (isImprecise). */
  imprecise: boolean;
  /** Position in EVENT_KINDS / EVENT_FORMATS (-1 for a value outside them). */
  kindSlot: number;
  formatSlot: number;
  /** Bit i set when a partner has PARTNER_BASES[i]. */
  basisMask: number;
  /** Per partner entry: its country's slot (partnerSlotCode) × 2, + 1 where its basis is not `member`. */
  partnerCodes: readonly number[];
}

const kindSlots = new Map<string, number>(EVENT_KINDS.map((kind, i) => [kind, i]));
const formatSlots = new Map<string, number>(EVENT_FORMATS.map((format, i) => [format, i]));

// Partner countries by slot, shared by every index made in this page (a few hundred codes at most).
const partnerSlots = new Map<string, number>();
const partnerCodesBySlot: string[] = [];

function partnerSlot(iso3: string): number {
  let slot = partnerSlots.get(iso3);
  if (slot === undefined) {
    slot = partnerCodesBySlot.length;
    partnerSlots.set(iso3, slot);
    partnerCodesBySlot.push(iso3);
  }
  return slot;
}

/**
 * Everything a reader may type to find the event, in any of the atlas's languages: a Chinese
 * reader finds Russia's events by "俄罗斯" and an English one by "Russia", whatever the interface.
 */
export function searchTextOf(event: AtlasEvent): string {
  let head = event.title;
  for (const texts of Object.values(event.i18n ?? {})) head += ` ${texts.title}`;
  if (event.location) head += ` ${event.location.name}`;
  // Joined, not added on: `+=` leaves a rope that V8 flattens on the first search, which at
  // 50,000 events was 10 MB of new strings (and the young-generation collections that copy
  // them) inside the keystroke's task. A joined string is flat from the start, made in the idle
  // moments that prepare the texts.
  const parts = [head.toLowerCase()];
  for (const p of event.partners) {
    parts.push(partnerSearchText(p.iso3, p.name));
    if (p.mention) parts.push(` ${p.mention.toLowerCase()}`);
  }
  return parts.join('');
}

// Made once a country (and spelling) rather than once a partner of each of 50,000 events.
const partnerTexts = new Map<string, string>();

function partnerSearchText(iso3: string, name: string): string {
  const key = `${iso3}|${name}`;
  let text = partnerTexts.get(key);
  if (text === undefined) {
    text = ` ${[...countrySearchNames(iso3, name), iso3].join(' ')}`.toLowerCase();
    partnerTexts.set(key, text);
  }
  return text;
}

/** The search box's words as the index compares them. */
export function searchQuery(state: Pick<ViewState, 'q'>): string {
  return state.q.trim().toLowerCase();
}

/** Each index's search texts so far, item i's at i: all made once there are as many as items. */
const textsByIndex = new WeakMap<readonly IndexedEvent[], string[]>();

/** How many texts prepareSearchTexts makes between two looks at the clock. */
const TEXTS_PER_STEP = 500;

/**
 * The index's search texts (searchTextOf), item i's at i. Not made with the index: at 50,000
 * events they are most of its cost, on the path to the first view, and nothing there reads them.
 * prepareSearchTexts makes them in idle moments after the first map is drawn; a search before
 * that finishes them at once.
 */
export function searchTexts(items: readonly IndexedEvent[]): readonly string[] {
  const texts = textsOf(items);
  appendTexts(items, texts, items.length);
  return texts;
}

function textsOf(items: readonly IndexedEvent[]): string[] {
  let texts = textsByIndex.get(items);
  if (!texts) {
    texts = [];
    textsByIndex.set(items, texts);
  }
  return texts;
}

function appendTexts(items: readonly IndexedEvent[], texts: string[], end: number): void {
  for (let i = texts.length; i < end; i++) texts.push(searchTextOf((items[i] as IndexedEvent).event));
}

/**
 * Makes more of the index's search texts, at least one step's worth and then until `timeLeft()`
 * (in ms) runs out; true once all are made.
 */
export function prepareSearchTexts(items: readonly IndexedEvent[], timeLeft: () => number): boolean {
  const texts = textsOf(items);
  if (texts.length === items.length) return true;
  do appendTexts(items, texts, Math.min(items.length, texts.length + TEXTS_PER_STEP));
  while (texts.length < items.length && timeLeft() > 0);
  return texts.length === items.length;
}

/**
 * The dataset positions (the map's feature ids) of the events whose text holds `query`: the map
 * filters a search by these, since its tiles carry no text.
 */
export function searchMatches(items: readonly IndexedEvent[], query: string): number[] {
  return matchesAmong(items, query, null);
}

function matchesAmong(
  items: readonly IndexedEvent[],
  query: string,
  among: readonly number[] | null,
): number[] {
  const matches: number[] = [];
  if (query === '') return matches;
  const texts = searchTexts(items);
  if (among === null) {
    texts.forEach((text, position) => {
      if (text.includes(query)) matches.push(position);
    });
  } else {
    for (const position of among) if (texts[position]?.includes(query)) matches.push(position);
  }
  return matches;
}

/** A search's matches, as positions and as a flag per position (what a filter pass reads). */
export interface SearchResult {
  positions: readonly number[];
  flags: Uint8Array;
}

/** The search over one index, remembering its recent queries' matches. */
export interface EventSearch {
  /** The matches of `query` (searchQuery's form); null for an empty query, which every event passes. */
  resultFor(query: string): SearchResult | null;
}

const REMEMBERED_QUERIES = 8;

/**
 * Typing narrows a query letter by letter, and every text holding "russ" is among those holding
 * "rus": a query is searched among the matches of the narrowest remembered query it contains,
 * not across all 50,000 texts. Within one change the map's filter, the table's rows and the
 * histogram ask for the same query, so its matches are found once.
 */
export function eventSearch(items: readonly IndexedEvent[]): EventSearch {
  const remembered = new Map<string, SearchResult>();
  return {
    resultFor(query) {
      if (query === '') return null;
      const known = remembered.get(query);
      if (known) {
        remembered.delete(query);
        remembered.set(query, known);
        return known;
      }
      let among: readonly number[] | null = null;
      for (const [earlier, result] of remembered) {
        if (query.includes(earlier) && (among === null || result.positions.length < among.length))
          among = result.positions;
      }
      const positions = matchesAmong(items, query, among);
      const flags = new Uint8Array(items.length);
      for (const position of positions) flags[position] = 1;
      const result = { positions, flags };
      remembered.set(query, result);
      if (remembered.size > REMEMBERED_QUERIES) remembered.delete(remembered.keys().next().value as string);
      return result;
    },
  };
}

/** Indexes the events in the dataset's order: item i is event i. */
export function indexEvents(events: readonly AtlasEvent[]): IndexedEvent[] {
  return events.map((event, position) => ({
    event,
    position,
    start: dayNumber(event.date.start),
    end: dayNumber(event.date.end),
    imprecise: isImprecise(event),
    kindSlot: kindSlots.get(event.kind) ?? -1,
    formatSlot: formatSlots.get(event.format) ?? -1,
    basisMask: basisMaskOf(event.partners),
    partnerCodes: event.partners.map((p) => partnerSlot(p.iso3) * 2 + (p.basis === 'member' ? 0 : 1)),
  }));
}

export function isImprecise(event: AtlasEvent): boolean {
  return event.date.precision !== 'day';
}

/**
 * An index's events as parallel typed arrays (a column per field, a row per item), made once per
 * index: the loops that run on every change of the view at 50,000 events read flat numbers here
 * rather than follow a pointer to an object per event, which on a busy main thread took them from
 * a few milliseconds to tens.
 */
interface EventColumns {
  position: Int32Array;
  start: Float64Array;
  end: Float64Array;
  imprecise: Uint8Array;
  kind: Int8Array;
  format: Int8Array;
  /** The event's theme as a slot of `themes`. */
  theme: Int32Array;
  themes: readonly number[];
  basis: Uint8Array;
  /** Item i's partner codes (IndexedEvent.partnerCodes) are partnerCode[partnerStart[i] .. partnerStart[i + 1]]. */
  partnerStart: Int32Array;
  partnerCode: Int32Array;
}

const columnsByIndex = new WeakMap<readonly IndexedEvent[], EventColumns>();

function columnsOf(items: readonly IndexedEvent[]): EventColumns {
  let columns = columnsByIndex.get(items);
  if (columns) return columns;
  const n = items.length;
  const themeSlots = new Map<number, number>();
  const themes: number[] = [];
  columns = {
    position: new Int32Array(n),
    start: new Float64Array(n),
    end: new Float64Array(n),
    imprecise: new Uint8Array(n),
    kind: new Int8Array(n),
    format: new Int8Array(n),
    theme: new Int32Array(n),
    themes,
    basis: new Uint8Array(n),
    partnerStart: new Int32Array(n + 1),
    partnerCode: new Int32Array(items.reduce((sum, item) => sum + item.partnerCodes.length, 0)),
  };
  let code = 0;
  items.forEach((item, i) => {
    const c = columns as EventColumns;
    c.position[i] = item.position;
    c.start[i] = item.start;
    c.end[i] = item.end;
    c.imprecise[i] = item.imprecise ? 1 : 0;
    c.kind[i] = item.kindSlot;
    c.format[i] = item.formatSlot;
    let slot = themeSlots.get(item.event.theme);
    if (slot === undefined) {
      slot = themes.length;
      themeSlots.set(item.event.theme, slot);
      themes.push(item.event.theme);
    }
    c.theme[i] = slot;
    c.basis[i] = item.basisMask;
    c.partnerStart[i] = code;
    for (const partner of item.partnerCodes) c.partnerCode[code++] = partner;
  });
  columns.partnerStart[n] = code;
  columnsByIndex.set(items, columns);
  return columns;
}

/**
 * The index's day spans as columns (time-window.ts's histogram reads them): a loop over 50,000
 * events on each change of the filters reads flat numbers rather than each event's date object.
 */
export function daySpans(items: readonly IndexedEvent[]): DaySpans {
  return columnsOf(items);
}

interface CompiledFilter {
  from: number;
  to: number;
  undated: boolean;
  /** Indexed by theme slot / kindSlot / formatSlot: whether the option is ticked. */
  theme: Uint8Array | null;
  kind: Uint8Array | null;
  format: Uint8Array | null;
  /** The ticked bases as a mask: an event passes when it shares a bit. */
  basis: number | null;
  /** The search's matches by position; null without a search, which every event passes. */
  matched: Uint8Array | null;
}

function slotFlags(
  values: readonly (string | number)[],
  slots: ReadonlyMap<string | number, number>,
): Uint8Array | null {
  if (values.length === 0) return null;
  const flags = new Uint8Array(slots.size);
  for (const value of values) {
    const slot = slots.get(value);
    if (slot !== undefined) flags[slot] = 1;
  }
  return flags;
}

function compile(
  items: readonly IndexedEvent[],
  state: ViewState,
  columns: EventColumns,
  search?: EventSearch,
): CompiledFilter {
  const q = searchQuery(state);
  let basis = 0;
  for (const b of state.basis) basis |= basisBit(b);
  return {
    from: dayNumber(state.from),
    to: dayNumber(state.to),
    undated: state.undated,
    theme: slotFlags(state.theme, new Map(columns.themes.map((theme, slot) => [theme, slot]))),
    kind: slotFlags(state.kind, kindSlots),
    format: slotFlags(state.format, formatSlots),
    basis: state.basis.length === 0 ? null : basis,
    // Without the index's EventSearch, a one-off one finds the matches, once, before the loop.
    matched: (search ?? eventSearch(items)).resultFor(q)?.flags ?? null,
  };
}

/** The filters that are not facets, for item i: the time window, undated events, the search. */
function passesBase(c: EventColumns, i: number, f: CompiledFilter): boolean {
  if (c.end[i] < f.from || c.start[i] > f.to) return false;
  if (!f.undated && c.imprecise[i] === 1) return false;
  if (f.matched && f.matched[c.position[i] as number] !== 1) return false;
  return true;
}

const failsTheme = (c: EventColumns, i: number, f: CompiledFilter) =>
  f.theme !== null && f.theme[c.theme[i]] !== 1;
const failsKind = (c: EventColumns, i: number, f: CompiledFilter) =>
  f.kind !== null && f.kind[c.kind[i]] !== 1;
const failsFormat = (c: EventColumns, i: number, f: CompiledFilter) =>
  f.format !== null && f.format[c.format[i]] !== 1;
const failsBasis = (c: EventColumns, i: number, f: CompiledFilter) =>
  f.basis !== null && (c.basis[i] & f.basis) === 0;

/**
 * The indexes in `items` of the events that pass the view's filters, in the dataset's order.
 * Give the index's EventSearch to reuse its matches rather than read every text again.
 */
export function filterIndexes(
  items: readonly IndexedEvent[],
  state: ViewState,
  search?: EventSearch,
): Int32Array {
  const c = columnsOf(items);
  const f = compile(items, state, c, search);
  const indexes = new Int32Array(items.length);
  let count = 0;
  for (let i = 0; i < items.length; i++) {
    if (
      passesBase(c, i, f) &&
      !failsTheme(c, i, f) &&
      !failsKind(c, i, f) &&
      !failsFormat(c, i, f) &&
      !failsBasis(c, i, f)
    )
      indexes[count++] = i;
  }
  return indexes.slice(0, count);
}

/**
 * Whether two lists of indexes are the same, in the same order. A filter change that leaves the
 * same events (a longer search word that narrows nothing, a window moved over an empty day) keeps
 * the last list, so nothing that follows from it is done again: at 50,000 events that is the
 * table's rows, the choropleth's tallies and the map's stacks.
 */
export function sameIndexes(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The indexed events that pass the view's filters, in the dataset's order (as filterIndexes). */
export function filterItems(
  items: readonly IndexedEvent[],
  state: ViewState,
  search?: EventSearch,
): IndexedEvent[] {
  return eventsAt(items, filterIndexes(items, state, search));
}

/**
 * The elements of `list` at `indexes`, in their order. A plain loop: Array.from over a typed
 * array steps an iterator, which allocated an object per element (28 MB over the bench's drive
 * through the UI at 50,000 events, and the collections to go with it).
 */
export function eventsAt<T>(list: readonly T[], indexes: ArrayLike<number>): T[] {
  const picked = new Array<T>(indexes.length);
  for (let k = 0; k < indexes.length; k++) picked[k] = list[indexes[k] as number] as T;
  return picked;
}

export function filterEvents(items: readonly IndexedEvent[], state: ViewState): AtlasEvent[] {
  return filterItems(items, state).map((item) => item.event);
}

export type FacetCounts = Record<FacetKey, Map<string, number>>;

/** Nonzero counts by slot as a map keyed by the slot's value. */
function slotCounts(counts: Int32Array, values: readonly (string | number)[]): Map<string, number> {
  const map = new Map<string, number>();
  counts.forEach((count, slot) => {
    const value = values[slot];
    if (count > 0 && value !== undefined) map.set(String(value), count);
  });
  return map;
}

/**
 * For each option of each facet, how many events it would give with every other filter as it
 * is. One pass over the events, not one per facet: an event that passes every filter counts in
 * every facet; one that fails exactly one facet's filter counts only in that facet (its own
 * filter is the one left out there); one that fails two or more counts nowhere. At 50,000 events
 * this runs on every change of the view, so it counts into typed arrays and allocates nothing
 * per event.
 */
export function facetCounts(items: readonly IndexedEvent[], state: ViewState): FacetCounts {
  return filterAndCount(items, state).counts;
}

/**
 * The events that pass the view's filters (as filterItems, but as their indexes in `items`, in
 * order) and the facet counts (as facetCounts), in the one pass: the view needs both on every
 * change, and at 50,000 events a second pass, or an array of 50,000 items made only to be read
 * once, is a good part of a render that holds the main thread.
 */
export function filterAndCount(
  items: readonly IndexedEvent[],
  state: ViewState,
  search?: EventSearch,
): { shown: Int32Array; counts: FacetCounts } {
  const c = columnsOf(items);
  const f = compile(items, state, c, search);
  const indexes = new Int32Array(items.length);
  let shownCount = 0;
  const theme = new Int32Array(c.themes.length);
  const kind = new Int32Array(EVENT_KINDS.length);
  const format = new Int32Array(EVENT_FORMATS.length);
  const basis = new Int32Array(PARTNER_BASES.length);
  for (let i = 0; i < items.length; i++) {
    if (!passesBase(c, i, f)) continue;
    const t = failsTheme(c, i, f);
    const k = failsKind(c, i, f);
    const m = failsFormat(c, i, f);
    const b = failsBasis(c, i, f);
    const failures = +t + +k + +m + +b;
    if (failures > 1) continue;
    if (failures === 0) indexes[shownCount++] = i;
    if (failures === 0 || t) theme[c.theme[i] as number] += 1;
    if ((failures === 0 || k) && (c.kind[i] as number) >= 0) kind[c.kind[i] as number] += 1;
    if ((failures === 0 || m) && (c.format[i] as number) >= 0) format[c.format[i] as number] += 1;
    if (failures === 0 || b) {
      const mask = c.basis[i] as number;
      for (let bit = 0; bit < PARTNER_BASES.length; bit++) if (mask & (1 << bit)) basis[bit] += 1;
    }
  }
  return {
    shown: indexes.slice(0, shownCount),
    counts: {
      theme: slotCounts(theme, c.themes),
      kind: slotCounts(kind, EVENT_KINDS),
      format: slotCounts(format, EVENT_FORMATS),
      basis: slotCounts(basis, PARTNER_BASES),
    },
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
 * appear only as members of a group (as memberOnlyPartners), in one pass over indexed events:
 * both follow every change of the view, over up to 50,000 events. `among` picks items by their
 * index in `items` (filterAndCount's shownIndexes); without it every item counts.
 */
export function partnerTallies(
  items: readonly IndexedEvent[],
  among?: ArrayLike<number>,
): {
  counts: Map<string, number>;
  memberOnly: Set<string>;
} {
  const { partnerStart, partnerCode } = columnsOf(items);
  const counts = new Int32Array(partnerCodesBySlot.length);
  const direct = new Uint8Array(partnerCodesBySlot.length);
  const n = among ? among.length : items.length;
  for (let k = 0; k < n; k++) {
    const i = among ? (among[k] as number) : k;
    const last = partnerStart[i + 1] as number;
    for (let p = partnerStart[i] as number; p < last; p++) {
      const code = partnerCode[p] as number;
      counts[code >> 1] += 1;
      if (code & 1) direct[code >> 1] = 1;
    }
  }
  const byCountry = new Map<string, number>();
  // Every partner entry is either a member's or not, so member-only is "never anything else".
  const memberOnly = new Set<string>();
  counts.forEach((count, slot) => {
    const iso3 = partnerCodesBySlot[slot];
    if (count === 0 || iso3 === undefined) return;
    byCountry.set(iso3, count);
    if (direct[slot] !== 1) memberOnly.add(iso3);
  });
  return { counts: byCountry, memberOnly };
}
