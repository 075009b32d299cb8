import { z } from 'zod';
import {
  EVENT_FORMATS,
  EVENT_KINDS,
  httpUrl,
  PARTNER_BASES,
  themeSchema,
  unnamedPartnersSchema,
} from '../src/domain/event-schema.ts';

// The human-edited input under data/: what a person writes, before geocoding and date expansion.
// It is looser than the output (partial dates, country names rather than codes, organisations
// rather than members) and every shorthand is expanded by build-dataset.ts.

/** `2021`, `2021-05` or `2021-05-03`; YAML reads a bare year as a number. */
const partialDate = z.union([z.string(), z.number().int()]).transform((value) => String(value));

export const inputDateSchema = z.object({
  start: partialDate,
  end: partialDate.optional(),
  precision: z.enum(['day', 'month', 'year']),
});

export const inputPartnerSchema = z.union([
  z.object({
    name: z.string().min(1),
    mention: z.string().min(1).optional(),
    basis: z.enum(PARTNER_BASES),
    via: z.string().min(1).optional(),
  }),
  z.object({
    // Expands to the organisation's members on the event's start date, each with basis `member`.
    organisation: z.string().min(1),
    mention: z.string().min(1).optional(),
    except: z.array(z.string()).optional(),
  }),
]);

/** `article` stands for the source article itself; anything else is a title and an http(s) URL. */
export const inputSourceSchema = z.union([
  z.literal('article'),
  z.object({ title: z.string().min(1), url: httpUrl }),
]);

export const inputEventSchema = z.looseObject({
  id: z.string().min(1),
  theme: z.number().int(),
  title: z.string().min(1),
  summary: z.string().min(1),
  kind: z.enum(EVENT_KINDS),
  format: z.enum(EVENT_FORMATS),
  date: inputDateSchema,
  location: z.object({ name: z.string().min(1), lon: z.number(), lat: z.number() }),
  partners: z.array(inputPartnerSchema).default([]),
  unnamedPartners: unnamedPartnersSchema.optional(),
  sources: z.array(inputSourceSchema),
});

export const inputEventsFileSchema = z.looseObject({ events: z.array(z.unknown()) });

export const articleFileSchema = z.object({
  source: z.object({ title: z.string().min(1), url: httpUrl, published: z.string() }),
  themes: z.array(themeSchema).min(1),
});

export type InputEvent = z.infer<typeof inputEventSchema>;
export type InputPartner = z.infer<typeof inputPartnerSchema>;
export type ArticleFile = z.infer<typeof articleFileSchema>;
