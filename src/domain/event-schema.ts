import { z } from 'zod';
import { isRealIsoDate, lastDayOfMonth } from './dates.ts';

// Zod compiles object parsers with `new Function` unless told not to, and its probe for that
// (at schema construction) is itself a script-src violation under a strict CSP.
z.config({ jitless: true });

// The one schema of `data/events.json`, shared by the pipeline (which writes it) and the app
// (which validates what it fetches). Field names are a public contract: see README "JSON layout".

export const EVENT_KINDS = [
  'exercise',
  'patrol',
  'meeting',
  'visit',
  'call',
  'aid',
  'competition',
  'forum',
  'rescue',
  'exchange',
] as const;
// `remote`: letters and telephone calls, not a video meeting; `unreported`: no source says how the
// event was held, which is said rather than guessed.
export const EVENT_FORMATS = ['in-person', 'online', 'hybrid', 'remote', 'unreported'] as const;
export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export const PARTNER_BASES = ['named', 'member', 'reported'] as const;

export type EventKind = (typeof EVENT_KINDS)[number];
export type EventFormat = (typeof EVENT_FORMATS)[number];
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
export type PartnerBasis = (typeof PARTNER_BASES)[number];

/** A basis as one bit (bit i for PARTNER_BASES[i]; 0 for a value outside them), so sets of bases compare as numbers. */
export const basisBit = (basis: string): number => {
  const i = (PARTNER_BASES as readonly string[]).indexOf(basis);
  return i < 0 ? 0 : 1 << i;
};

/** The bases of an event's partners, as basisBit's bits. */
export function basisMaskOf(partners: readonly { basis: string }[]): number {
  let mask = 0;
  for (const partner of partners) mask |= basisBit(partner.basis);
  return mask;
}

const isoDate = z.string().refine(isRealIsoDate, { message: 'must be a real date written YYYY-MM-DD' });

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export const httpUrl = z.string().refine(isHttpUrl, { message: 'must be an http(s) URL' });

/** The id of the dataset's source article among each event's sources. */
export const ARTICLE_SOURCE_ID = 'article';

const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Names the entry of the event's `sources` that backs a value: every fact can be traced. */
export const sourceRef = z.string().regex(slug, 'must be the id of one of the event’s sources');

const dateSpanShape = { start: isoDate, end: isoDate, precision: z.enum(DATE_PRECISIONS) };

/**
 * A date span is honest about what is known: `month` spans its whole month and `year` the whole
 * year, so no reader is shown a day that no source gives.
 */
function checkDateSpan(
  date: { start: string; end: string; precision: DatePrecision },
  ctx: z.RefinementCtx,
): void {
  if (!isRealIsoDate(date.start) || !isRealIsoDate(date.end)) return;
  if (date.end < date.start) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: `end ${date.end} is before start ${date.start}` });
  }
  const [sy, sm] = date.start.split('-').map(Number) as [number, number];
  if (date.precision === 'month') {
    const monthEnd = `${date.start.slice(0, 8)}${String(lastDayOfMonth(sy, sm)).padStart(2, '0')}`;
    if (!date.start.endsWith('-01') || date.end !== monthEnd) {
      ctx.addIssue({
        code: 'custom',
        path: ['precision'],
        message: `a month-precision date spans its whole month (${date.start.slice(0, 8)}01 to ${monthEnd})`,
      });
    }
  }
  if (date.precision === 'year' && (!date.start.endsWith('-01-01') || date.end !== `${sy}-12-31`)) {
    ctx.addIssue({
      code: 'custom',
      path: ['precision'],
      message: `a year-precision date spans its whole year (${sy}-01-01 to ${sy}-12-31)`,
    });
  }
}

export const dateSpanSchema = z.object(dateSpanShape).superRefine(checkDateSpan);

/** What another source says of the date, kept beside the primary value rather than dropped. */
export const alternativeDateSchema = z
  // `note` says whose value it is, in our words: "Russia's defence ministry, the host".
  .object({ ...dateSpanShape, source: sourceRef, note: z.string().min(1) })
  .superRefine(checkDateSpan);

export const eventDateSchema = z
  .object({
    ...dateSpanShape,
    source: sourceRef,
    alternatives: z.array(alternativeDateSchema).min(1).optional(),
  })
  .superRefine(checkDateSpan);

export const LOCATION_KINDS = ['venue', 'host'] as const;

/**
 * `venue`: where the event took place; `host`: the host's city of an event held online. An event
 * with no single place has no location at all and is drawn at its partners.
 */
export const locationSchema = z.object({
  name: z.string().min(1),
  kind: z.enum(LOCATION_KINDS),
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  source: sourceRef,
});

export const partnerSchema = z
  .object({
    iso3: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code'),
    name: z.string().min(1),
    mention: z.string().min(1).optional(),
    basis: z.enum(PARTNER_BASES),
    via: z.string().min(1).optional(),
    source: sourceRef,
  })
  .superRefine((partner, ctx) => {
    if (partner.basis === 'member' && !partner.via) {
      ctx.addIssue({
        code: 'custom',
        path: ['via'],
        message: 'a member partner names the organisation in `via`',
      });
    }
    if (partner.basis === 'reported' && partner.source === ARTICLE_SOURCE_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['source'],
        message: 'a `reported` partner is one the article does not name: cite the report that does',
      });
    }
  });

export const UNNAMED_QUALIFIERS = ['nearly', 'about', 'over', 'at least'] as const;

/**
 * Partners a source counts but does not name, *besides* the named ones: "19 African countries"
 * with Cameroon named is `count: 18`. No `count` means the source gives no number ("many
 * countries"), which is said rather than guessed.
 */
export const unnamedPartnersSchema = z.object({
  count: z.number().int().positive().optional(),
  approximate: z.boolean(),
  // How the source words the count ("nearly 70", "over 30"): `approximate` alone cannot tell a
  // lower bound from a rounded figure, and the details panel should say which.
  qualifier: z.enum(UNNAMED_QUALIFIERS).optional(),
  region: z.string().min(1).optional(),
  /** Where the sources' counts need a word of explanation, in our own words. */
  note: z.string().min(1).optional(),
  source: sourceRef,
});

/**
 * A language tag keying a translation: `zh` (Simplified Chinese) today; any BCP 47-style tag may
 * follow, so the next language is a data change, not a schema change. English is the base text.
 */
export const languageTag = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as `zh`');

/** A translated text: present means written, so blank is an editing slip, not a missing one. */
const translatedText = z.string().refine((value) => value.trim().length > 0, {
  message: 'is present but empty: write it or leave the field out',
});

/** An event's title and summary in another language; a reader with no translation sees English. */
export const eventTextsSchema = z.object({ title: translatedText, summary: translatedText });
export const eventI18nSchema = z.record(languageTag, eventTextsSchema);

/** A title alone in another language (the article's, a theme's). */
export const titleTextsSchema = z.object({ title: translatedText });
export const titleI18nSchema = z.record(languageTag, titleTextsSchema);

export const sourceSchema = z.object({
  id: z.string().regex(slug, 'must be a short slug (a-z, 0-9, hyphens)'),
  title: z.string().min(1),
  url: httpUrl,
});

/** Every `source` an event's values cite, with the path of the value that cites it. */
export function sourceCitations(event: {
  date: { source: string; alternatives?: readonly { source: string }[] | undefined };
  location?: { source: string } | undefined;
  partners: readonly { source: string }[];
  unnamedPartners?: { source: string } | undefined;
}): { path: (string | number)[]; source: string }[] {
  return [
    { path: ['date', 'source'], source: event.date.source },
    ...(event.date.alternatives ?? []).map((alt, i) => ({
      path: ['date', 'alternatives', i, 'source'],
      source: alt.source,
    })),
    ...(event.location ? [{ path: ['location', 'source'], source: event.location.source }] : []),
    ...event.partners.map((p, i) => ({ path: ['partners', i, 'source'], source: p.source })),
    ...(event.unnamedPartners
      ? [{ path: ['unnamedPartners', 'source'], source: event.unnamedPartners.source }]
      : []),
  ];
}

export const eventSchema = z
  .object({
    id: z.string().regex(slug, 'must be a lowercase slug (a-z, 0-9, hyphens)'),
    theme: z.number().int().min(1),
    title: z.string().min(1),
    summary: z.string().min(1),
    i18n: eventI18nSchema.optional(),
    kind: z.enum(EVENT_KINDS),
    format: z.enum(EVENT_FORMATS),
    date: eventDateSchema,
    location: locationSchema.optional(),
    partners: z.array(partnerSchema),
    unnamedPartners: unnamedPartnersSchema.optional(),
    sources: z.array(sourceSchema).min(1, 'needs at least one source'),
  })
  .superRefine((event, ctx) => {
    const ids = new Set<string>();
    event.sources.forEach((source, index) => {
      if (ids.has(source.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['sources', index, 'id'],
          message: `duplicate source id "${source.id}"`,
        });
      }
      ids.add(source.id);
    });
    for (const { path, source } of sourceCitations(event)) {
      if (!ids.has(source)) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `source "${source}" is not one of this event's sources (${[...ids].join(', ')})`,
        });
      }
    }
  });

export const themeSchema = z.object({
  id: z.number().int().min(1),
  title: z.string().min(1),
  i18n: titleI18nSchema.optional(),
});

export const datasetSchema = z
  .object({
    version: z.literal(1),
    source: z.object({
      title: z.string().min(1),
      i18n: titleI18nSchema.optional(),
      url: httpUrl,
      published: isoDate,
    }),
    themes: z.array(themeSchema).min(1),
    events: z.array(eventSchema),
  })
  .superRefine((dataset, ctx) => {
    const themeIds = new Set(dataset.themes.map((t) => t.id));
    const seen = new Set<string>();
    dataset.events.forEach((event, index) => {
      if (seen.has(event.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['events', index, 'id'],
          message: `duplicate id "${event.id}"`,
        });
      }
      seen.add(event.id);
      if (!themeIds.has(event.theme)) {
        ctx.addIssue({
          code: 'custom',
          path: ['events', index, 'theme'],
          message: `theme ${event.theme} is not one of the dataset's themes`,
        });
      }
    });
  });

export type DateSpan = z.infer<typeof dateSpanSchema>;
export type EventDate = z.infer<typeof eventDateSchema>;
export type AlternativeDate = z.infer<typeof alternativeDateSchema>;
export type EventLocation = z.infer<typeof locationSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Partner = z.infer<typeof partnerSchema>;
export type UnnamedPartners = z.infer<typeof unnamedPartnersSchema>;
export type AtlasEvent = z.infer<typeof eventSchema>;
export type Theme = z.infer<typeof themeSchema>;
export type EventTexts = z.infer<typeof eventTextsSchema>;
export type Dataset = z.infer<typeof datasetSchema>;

export interface DatasetProblem {
  eventIndex?: number;
  eventId?: string;
  field: string;
  message: string;
}

/** Turns zod's issues into one readable line each, naming the event by its id where it has one. */
export function describeDatasetIssues(issues: readonly z.core.$ZodIssue[], raw: unknown): DatasetProblem[] {
  const events = (raw as { events?: unknown } | null)?.events;
  return issues.map((issue) => {
    const path = issue.path.map(String);
    if (path[0] !== 'events' || path.length < 2 || !Array.isArray(events)) {
      return { field: path.join('.') || '(root)', message: issue.message };
    }
    const eventIndex = Number(path[1]);
    const candidate = (events[eventIndex] as { id?: unknown } | undefined)?.id;
    return {
      eventIndex,
      eventId: typeof candidate === 'string' ? candidate : `#${eventIndex + 1}`,
      field: path.slice(2).join('.') || '(event)',
      message: issue.message,
    };
  });
}
