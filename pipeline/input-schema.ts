import { z } from 'zod';
import {
  EVENT_FORMATS,
  EVENT_KINDS,
  eventI18nSchema,
  httpUrl,
  LOCATION_KINDS,
  PARTNER_BASES,
  themeSchema,
  titleI18nSchema,
  UNNAMED_QUALIFIERS,
} from '../src/domain/event-schema.ts';

// The human-edited input under data/: what a person writes, before geocoding and date expansion.
// It is looser than the output (partial dates, country names rather than codes, organisations
// rather than members) and every shorthand is expanded by build-dataset.ts.

/** `2021`, `2021-05` or `2021-05-03`; YAML reads a bare year as a number. */
const partialDate = z.union([z.string(), z.number().int()]).transform((value) => String(value));

/**
 * `source` is optional here only so that build-dataset.ts can say what is missing in words an
 * editor understands ("an exact day needs the source that gives it"); the output requires it.
 */
const citing = z.string().min(1).optional();

const inputDateSpan = {
  start: partialDate,
  end: partialDate.optional(),
  precision: z.enum(['day', 'month', 'year']),
};

export const inputDateSchema = z.object({
  ...inputDateSpan,
  source: citing,
  alternatives: z
    .array(z.object({ ...inputDateSpan, source: z.string().min(1), note: z.string().min(1) }))
    .optional(),
});

export const inputPartnerSchema = z.union([
  z.object({
    name: z.string().min(1),
    mention: z.string().min(1).optional(),
    basis: z.enum(PARTNER_BASES),
    via: z.string().min(1).optional(),
    source: citing,
  }),
  z.object({
    // Expands to the organisation's members on the event's start date, each with basis `member`
    // and this entry's source.
    organisation: z.string().min(1),
    mention: z.string().min(1).optional(),
    except: z.array(z.string()).optional(),
    source: citing,
  }),
]);

export const inputUnnamedPartnersSchema = z.object({
  count: z.number().int().positive().optional(),
  approximate: z.boolean(),
  qualifier: z.enum(UNNAMED_QUALIFIERS).optional(),
  region: z.string().min(1).optional(),
  note: z.string().min(1).optional(),
  source: citing,
});

/**
 * `article` stands for the source article itself (its id is `article`); anything else has a short
 * id that the event's values cite, a title and an http(s) URL.
 */
export const inputSourceSchema = z.union([
  z.literal('article'),
  z.object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a short slug (a-z, 0-9, hyphens)'),
    title: z.string().min(1),
    url: httpUrl,
  }),
]);

export const inputEventSchema = z.looseObject({
  id: z.string().min(1),
  theme: z.number().int(),
  title: z.string().min(1),
  summary: z.string().min(1),
  // `i18n: { zh: { title, summary } }`: the event's texts in other languages, our own words.
  i18n: eventI18nSchema.optional(),
  kind: z.enum(EVENT_KINDS),
  format: z.enum(EVENT_FORMATS),
  date: inputDateSchema,
  // Absent for an event with no single place (vaccine aid to many countries): drawn at its partners.
  location: z
    .object({
      name: z.string().min(1),
      kind: z.enum(LOCATION_KINDS),
      lon: z.number(),
      lat: z.number(),
      source: citing,
    })
    .optional(),
  partners: z.array(inputPartnerSchema).default([]),
  unnamedPartners: inputUnnamedPartnersSchema.optional(),
  sources: z.array(inputSourceSchema),
});

export const inputEventsFileSchema = z.looseObject({ events: z.array(z.unknown()) });

export const articleFileSchema = z.object({
  source: z.object({
    title: z.string().min(1),
    i18n: titleI18nSchema.optional(),
    url: httpUrl,
    published: z.string(),
  }),
  themes: z.array(themeSchema).min(1),
});

export type InputEvent = z.infer<typeof inputEventSchema>;
export type InputPartner = z.infer<typeof inputPartnerSchema>;
export type ArticleFile = z.infer<typeof articleFileSchema>;
