import type { FilterSpecification } from 'maplibre-gl';
import type { EventFeatureCollection, EventFeatureProperties } from '../domain/event-features.ts';
import { WINDOW } from '../domain/map-window.ts';

// Many events are split by date into a few sources (buckets), and each bucket's layers get the
// filters as MapLibre would evaluate them for that bucket's events and the current time window,
// with every clause the bucket's dates or precisions decide folded away. MapLibre re-tiles every
// source whose filters changed (or read a global state that changed): with one source, each move
// of the timeline re-tiled all 50,000 events, and the worker, the page and the GPU's uploads
// fought over two cores. Now a move re-tiles only the buckets at the window's edges, whose
// filters are the only ones it changes; a bucket wholly inside or outside keeps its filter.

/** From this many points the events are bucketed by date; below, one source tiles fast enough. */
export const BUCKETED_MIN_POINTS = 10_000;
/** About how many buckets the exactly dated events are split into. */
const DATED_BUCKETS = 12;
/** Up to this many months, each month's events dated only to it are a bucket of their own. */
const MAX_MONTH_BUCKETS = 16;

/** What a bucket's events have in common, for deciding filter clauses without looking at them. */
export interface BucketFacts {
  /** The smallest and largest first day of its events (day numbers, dates.ts). */
  start: readonly [number, number];
  /** The smallest and largest last day of its events. */
  end: readonly [number, number];
  precisions: ReadonlySet<string>;
}

export interface EventBucket extends BucketFacts {
  points: EventFeatureCollection;
}

export interface EventBuckets {
  buckets: EventBucket[];
  /** The bucket of each event, by feature id (an event's points share its dates and bucket). */
  bucketOf: Int32Array;
}

type EventFeature = EventFeatureCollection['features'][number];

/**
 * The events split by first day into about DATED_BUCKETS spans of equal length. Those dated only
 * to a month or a year are kept apart, by their month (or span, past MAX_MONTH_BUCKETS months) or
 * year: such an event spans its whole month or year, and whether it lies wholly or partly in the
 * window reads both of the window's ends, so among exactly dated ones it would have a bucket's
 * filter change with every move of either end. Alone, every event of the bucket has the same
 * dates, and every clause is decided. Fewer than BUCKETED_MIN_POINTS points stay one bucket.
 */
export function bucketEvents(points: EventFeatureCollection): EventBuckets {
  const features = points.features;
  const ids = features.map((feature) => Number(feature.id));
  const bucketOf = new Int32Array(ids.reduce((max, id) => Math.max(max, id + 1), 0));
  if (features.length < BUCKETED_MIN_POINTS) return { buckets: [bucketFrom(points, features)], bucketOf };

  const dated = features.filter((feature) => feature.properties.precision !== 'year');
  const first = dated.reduce((min, f) => Math.min(min, f.properties.start), Number.POSITIVE_INFINITY);
  const last = dated.reduce((max, f) => Math.max(max, f.properties.start), Number.NEGATIVE_INFINITY);
  const span = Math.max(1, Math.ceil((last - first + 1) / DATED_BUCKETS));
  const spanOf = (start: number) => Math.floor((start - first) / span);
  const months = new Set(
    features.filter((f) => f.properties.precision === 'month').map((f) => f.properties.start),
  );
  const monthKey = months.size <= MAX_MONTH_BUCKETS ? (start: number) => start : spanOf;
  const groups = new Map<string, EventFeature[]>();
  for (const feature of features) {
    const { precision, start } = feature.properties;
    const key =
      precision === 'year'
        ? `year ${start}`
        : precision === 'month'
          ? `month ${monthKey(start)}`
          : `days ${spanOf(start)}`;
    const group = groups.get(key);
    if (group) group.push(feature);
    else groups.set(key, [feature]);
  }
  const buckets = [...groups.values()].map((group) => bucketFrom(points, group));
  buckets.forEach((bucket, index) => {
    for (const feature of bucket.points.features) bucketOf[Number(feature.id)] = index;
  });
  return { buckets, bucketOf };
}

function bucketFrom(points: EventFeatureCollection, features: EventFeature[]): EventBucket {
  const range = (key: keyof Pick<EventFeatureProperties, 'start' | 'end'>): [number, number] => {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const feature of features) {
      const value = feature.properties[key];
      if (value < min) min = value;
      if (value > max) max = value;
    }
    return [min, max];
  };
  return {
    points: features === points.features ? points : { type: 'FeatureCollection', features },
    start: range('start'),
    end: range('end'),
    precisions: new Set(features.map((feature) => feature.properties.precision)),
  };
}

/** What is known when a filter is evaluated ahead of MapLibre; each part is optional. */
export interface KnownFacts {
  /** The time window's first and last day, read where the filter reads the window's global state. */
  window?: readonly [number, number];
  /** The dates and precisions of every feature the filter will see. */
  bucket?: BucketFacts;
  /** Which bucket's features the filter sees, by feature id: a search's ids are narrowed to it. */
  among?: { bucketOf: Int32Array; index: number };
}

type Partial = boolean | number | string | unknown[];

const COMPARISONS = new Set(['<', '<=', '>', '>=', '==', '!=']);

/**
 * The filter with what `facts` decide evaluated: the window's days written in, and clauses every
 * feature of the bucket passes (or fails) replaced by their value. MapLibre gets the same
 * decision for each of the bucket's features, from a filter that reads no global state and
 * changes only when a decided clause's value does.
 */
export function evaluateKnown(filter: FilterSpecification, facts: KnownFacts): FilterSpecification {
  return evaluate(filter as Partial, facts) as FilterSpecification;
}

function evaluate(expr: Partial, facts: KnownFacts): Partial {
  if (!Array.isArray(expr) || expr.length === 0 || typeof expr[0] !== 'string') return expr;
  const [operator, ...operands] = expr as [string, ...Partial[]];
  if (operator === 'literal') return expr;
  const day = windowDay(expr, facts);
  if (day !== undefined) return day;
  switch (operator) {
    case 'all':
    case 'any': {
      const decisive = operator === 'any';
      const open: Partial[] = [];
      for (const operand of operands) {
        const value = evaluate(operand, facts);
        if (value === decisive) return decisive;
        if (value !== !decisive) open.push(value);
      }
      if (open.length === 0) return !decisive;
      return open.length === 1 ? open[0] : [operator, ...open];
    }
    case '!': {
      const value = evaluate(operands[0], facts);
      return typeof value === 'boolean' ? !value : ['!', value];
    }
    case 'match':
      return evaluateIdMatch(expr, facts);
    default: {
      const values = operands.map((operand) => evaluate(operand, facts));
      if (COMPARISONS.has(operator) && values.length === 2) {
        const decided = decideComparison(operator, values[0], values[1], facts.bucket);
        if (decided !== undefined) return decided;
      }
      return values.every((value, at) => value === operands[at]) ? expr : [operator, ...values];
    }
  }
}

/** The window's first or last day where `expr` reads it (map-window.ts), if the window is known. */
function windowDay(expr: unknown[], facts: KnownFacts): number | undefined {
  if (!facts.window) return undefined;
  const read = expr[0] === 'number' && expr.length === 2 && Array.isArray(expr[1]) ? expr[1] : expr;
  if (read[0] !== 'at' || read.length !== 3) return undefined;
  const state = read[2];
  if (!Array.isArray(state) || state[0] !== 'global-state' || state[1] !== WINDOW) return undefined;
  const index = read[1];
  return index === 0 || index === 1 ? facts.window[index] : undefined;
}

/** `['match', ['id'], ids, yes, no]` (a search) with only the ids the features can have. */
function evaluateIdMatch(expr: unknown[], facts: KnownFacts): Partial {
  const [, input, labels, yes, no] = expr;
  const byId = Array.isArray(input) && input.length === 1 && input[0] === 'id';
  if (!facts.among || !byId || !Array.isArray(labels) || expr.length !== 5) return expr;
  const kept = idsInBucket(labels, facts.among);
  if (kept.length === labels.length) return expr;
  return kept.length === 0 ? (no as Partial) : ['match', input, kept, yes, no];
}

const idSplits = new WeakMap<readonly unknown[], { bucketOf: Int32Array; byBucket: unknown[][] }>();

/**
 * The ids of `labels` in the bucket, from one pass that splits them among all the buckets: every
 * bucket's two layers ask, and a first letter's search lists tens of thousands.
 */
function idsInBucket(labels: readonly unknown[], among: { bucketOf: Int32Array; index: number }): unknown[] {
  let split = idSplits.get(labels);
  if (split?.bucketOf !== among.bucketOf) {
    const byBucket: unknown[][] = [];
    for (const label of labels) {
      const bucket = among.bucketOf[Number(label)];
      if (bucket === undefined) continue;
      let ids = byBucket[bucket];
      if (!ids) {
        ids = [];
        byBucket[bucket] = ids;
      }
      ids.push(label);
    }
    split = { bucketOf: among.bucketOf, byBucket };
    idSplits.set(labels, split);
  }
  return split.byBucket[among.index] ?? [];
}

function decideComparison(
  operator: string,
  left: Partial,
  right: Partial,
  bucket: BucketFacts | undefined,
): boolean | undefined {
  if (!bucket || !Array.isArray(left) || left[0] !== 'get' || left.length !== 2) return undefined;
  const property = left[1];
  if (property === 'precision' && typeof right === 'string') {
    if (operator !== '==' && operator !== '!=') return undefined;
    const equal = bucket.precisions.size === 1 && bucket.precisions.has(right);
    const unequal = !bucket.precisions.has(right);
    if (!equal && !unequal) return undefined;
    return operator === '==' ? equal : unequal;
  }
  if ((property !== 'start' && property !== 'end') || typeof right !== 'number') return undefined;
  const [low, high] = bucket[property];
  switch (operator) {
    case '<=':
      return high <= right ? true : low > right ? false : undefined;
    case '<':
      return high < right ? true : low >= right ? false : undefined;
    case '>=':
      return low >= right ? true : high < right ? false : undefined;
    case '>':
      return low > right ? true : high <= right ? false : undefined;
    default:
      return undefined;
  }
}

const longArrayKeys = new WeakMap<object, number>();
let longArraysKeyed = 0;
/** Past this length an array in a filter is keyed by identity (a search's ids), not by content. */
const KEYED_BY_IDENTITY = 32;

/**
 * A key that is equal for two filters that are equal: cheap where a filter holds a search's
 * thousands of ids, since an evaluated filter keeps the very array it was given until the
 * search changes.
 */
export function filterKey(filter: FilterSpecification): string {
  return JSON.stringify(filter, (_, value: unknown) => {
    if (!Array.isArray(value) || value.length <= KEYED_BY_IDENTITY) return value;
    let key = longArrayKeys.get(value);
    if (key === undefined) {
      key = longArraysKeyed++;
      longArrayKeys.set(value, key);
    }
    return `#${key}`;
  });
}
