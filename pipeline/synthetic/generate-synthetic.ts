import { lastDayOfMonth } from '../../src/domain/dates.ts';
import type { CountryPoint } from '../../src/domain/event-features.ts';
import type {
  AtlasEvent,
  Dataset,
  DatePrecision,
  DateSpan,
  EventFormat,
  EventKind,
  Partner,
  Theme,
} from '../../src/domain/event-schema.ts';
import { UNNAMED_QUALIFIERS } from '../../src/domain/event-schema.ts';

// A synthetic dataset for performance work: N made-up events shaped like the real ones (kinds,
// themes, date precisions, partner bases, aid drawn at several countries), so the app can be
// measured at 5,000 or 50,000 events. Everything comes from one seeded PRNG, so the same inputs
// give the same file byte for byte and a benchmark can be rerun against identical data.

export interface SyntheticOptions {
  count: number;
  /** The dataset's themes (the real article's seven), so theme filters behave as in the app. */
  themes: readonly Theme[];
  /** Countries a partner can be drawn from, at their representative points. */
  countries: readonly CountryPoint[];
  seed?: number;
  /** Every date falls in this year, so the app's default extent stays one year, like the real data. */
  year?: number;
}

export const DEFAULT_SEED = 2021;

/** mulberry32: a tiny, fast 32-bit PRNG, plenty for test data (not for anything secret). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function weighted<T extends string | number>(random: Random, weights: readonly (readonly [T, number])[]): T {
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of weights) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return (weights.at(-1) as readonly [T, number])[0];
}

// Roughly the real article's mix: many meetings, calls and exchanges, fewer rescues.
const KIND_WEIGHTS: readonly (readonly [EventKind, number])[] = [
  ['meeting', 20],
  ['call', 14],
  ['exercise', 14],
  ['exchange', 12],
  ['visit', 12],
  ['aid', 8],
  ['forum', 6],
  ['patrol', 5],
  ['competition', 5],
  ['rescue', 2],
];

const KIND_TITLE: Record<EventKind, string> = {
  exercise: 'Joint exercise',
  patrol: 'Joint patrol',
  meeting: 'Defence talks',
  visit: 'Delegation visit',
  call: 'Video call',
  aid: 'Vaccine donation',
  competition: 'Military competition',
  forum: 'Security forum',
  rescue: 'Rescue at sea',
  exchange: 'Staff exchange',
};

const FORMAT_WEIGHTS: Record<'call' | 'forum' | 'other', readonly (readonly [EventFormat, number])[]> = {
  call: [
    ['online', 85],
    ['hybrid', 15],
  ],
  forum: [
    ['in-person', 50],
    ['online', 30],
    ['hybrid', 20],
  ],
  other: [
    ['in-person', 83],
    ['online', 10],
    ['hybrid', 5],
    ['remote', 1],
    ['unreported', 1],
  ],
};

// Mostly exact days, as in the real data; month- and year-only dates exercise the imprecise lane.
const PRECISION_WEIGHTS: readonly (readonly [DatePrecision, number])[] = [
  ['day', 80],
  ['month', 13],
  ['year', 7],
];

const PARTNER_COUNT_WEIGHTS: readonly (readonly [number, number])[] = [
  [0, 5],
  [1, 50],
  [2, 20],
  [3, 12],
  [5, 8],
  [8, 5],
];

/** Organisation labels for `basis: member` partners; synthetic, so membership is not checked. */
const ORGANISATIONS = ['SCO', 'ASEAN', 'ADMM-Plus', 'CSTO', 'BRICS'] as const;

const HOST: CountryPoint = { iso3: 'CHN', name: 'Beijing', lon: 116.4, lat: 39.9 };
const JITTER_DEGREES = 0.6;
/** The one source every synthetic fact cites. */
const SOURCE_ID = 'synthetic';

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const round3 = (value: number) => Math.round(value * 1000) / 1000;
const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

function syntheticDate(random: Random, year: number): DateSpan {
  const precision = weighted(random, PRECISION_WEIGHTS);
  if (precision === 'year') return { start: `${year}-01-01`, end: `${year}-12-31`, precision };
  if (precision === 'month') {
    const month = int(random, 1, 12);
    const last = lastDayOfMonth(year, month);
    const mm = String(month).padStart(2, '0');
    return { start: `${year}-${mm}-01`, end: `${year}-${mm}-${last}`, precision };
  }
  const first = Date.UTC(year, 0, 1);
  const last = Date.UTC(year, 11, 31);
  const start = first + int(random, 0, (last - first) / DAY_MS) * DAY_MS;
  // Most events last a day; exercises and forums run for a few.
  const days = random() < 0.7 ? 0 : int(random, 1, 9);
  return { start: isoDay(start), end: isoDay(Math.min(start + days * DAY_MS, last)), precision };
}

function syntheticPartners(
  random: Random,
  countries: readonly CountryPoint[],
): { partners: Partner[]; first: CountryPoint | undefined } {
  const count = Math.min(weighted(random, PARTNER_COUNT_WEIGHTS), countries.length);
  const chosen = new Map<string, CountryPoint>();
  while (chosen.size < count) {
    const country = pick(random, countries);
    chosen.set(country.iso3, country);
  }
  const organisation = count >= 2 && random() < 0.25 ? pick(random, ORGANISATIONS) : undefined;
  const points = [...chosen.values()];
  const partners = points.map((country): Partner => {
    if (organisation)
      return {
        iso3: country.iso3,
        name: country.name,
        basis: 'member',
        via: organisation,
        source: SOURCE_ID,
      };
    return {
      iso3: country.iso3,
      name: country.name,
      basis: random() < 0.85 ? 'named' : 'reported',
      source: SOURCE_ID,
    };
  });
  return { partners, first: points[0] };
}

function titleFor(kind: EventKind, partners: readonly Partner[], serial: number): string {
  const names = partners.map((p) => p.name);
  const withWhom =
    names.length === 0
      ? 'with foreign attachés'
      : names.length <= 3
        ? `with ${names.join(', ')}`
        : `with ${names.length} countries`;
  return `${KIND_TITLE[kind]} ${withWhom} (synthetic ${serial})`;
}

function syntheticEvent(
  random: Random,
  serial: number,
  options: Required<Pick<SyntheticOptions, 'themes' | 'countries' | 'year'>>,
): AtlasEvent {
  const id = `syn-${String(serial).padStart(6, '0')}`;
  const kind = weighted(random, KIND_WEIGHTS);
  const format = weighted(
    random,
    FORMAT_WEIGHTS[kind === 'call' ? 'call' : kind === 'forum' ? 'forum' : 'other'],
  );
  const theme = pick(random, options.themes).id;
  const date = syntheticDate(random, options.year);
  const { partners, first } = syntheticPartners(random, options.countries);
  // Calls and a share of the rest happen in Beijing; the others at the first partner's point.
  const place = !first || kind === 'call' || random() < 0.2 ? HOST : first;
  const location = {
    name: place.name,
    kind: format === 'online' ? ('host' as const) : ('venue' as const),
    source: SOURCE_ID,
    lon: round3(clamp(place.lon + (random() * 2 - 1) * JITTER_DEGREES, -180, 180)),
    lat: round3(clamp(place.lat + (random() * 2 - 1) * JITTER_DEGREES, -85, 85)),
  };
  const unnamed =
    random() < 0.04
      ? {
          unnamedPartners: {
            count: int(random, 5, 80),
            approximate: true,
            qualifier: pick(random, UNNAMED_QUALIFIERS),
            source: SOURCE_ID,
          },
        }
      : {};
  const sources = [
    { id: SOURCE_ID, title: `Synthetic source for ${id}`, url: `https://example.org/synthetic/${id}` },
  ];
  if (random() < 0.2)
    sources.push({
      id: 'follow-up',
      title: 'Synthetic follow-up report',
      url: `https://example.com/r/${id}`,
    });
  const how = format === 'online' ? 'held online' : format === 'hybrid' ? 'partly online' : 'held in person';
  return {
    id,
    theme,
    title: titleFor(kind, partners, serial),
    summary: `A made-up ${KIND_TITLE[kind].toLowerCase()} ${how} in ${location.name}, generated to measure how the atlas copes with many events. It did not happen.`,
    kind,
    format,
    date: { ...date, source: SOURCE_ID },
    location,
    partners,
    ...unnamed,
    sources,
  };
}

export function generateSynthetic(options: SyntheticOptions): Dataset {
  const { count, themes, seed = DEFAULT_SEED, year = 2021 } = options;
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be a whole number, got ${count}`);
  if (themes.length === 0) throw new RangeError('needs at least one theme');
  // The host is never its own partner (the pipeline enforces the same rule for real data).
  const countries = options.countries.filter((c) => c.iso3 !== HOST.iso3 && /^[A-Z]{3}$/.test(c.iso3));
  if (countries.length === 0) throw new RangeError('needs at least one partner country');
  const random = mulberry32(seed);
  const events: AtlasEvent[] = [];
  for (let serial = 1; serial <= count; serial++) {
    events.push(syntheticEvent(random, serial, { themes, countries, year }));
  }
  return {
    version: 1,
    source: {
      title: `Synthetic dataset of ${count} made-up events (for performance tests)`,
      url: 'https://example.org/synthetic',
      published: `${year}-12-31`,
    },
    themes: themes.map((t) => ({ id: t.id, title: t.title })),
    events,
  };
}

/** Compact, as a production deploy would ship it; key order is fixed by construction. */
export function serializeDataset(dataset: Dataset): string {
  return `${JSON.stringify(dataset)}\n`;
}
