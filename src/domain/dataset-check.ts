import { z } from 'zod';
import type { Dataset } from './event-schema.ts';
import { datasetSchema, eventSchema, themeSchema } from './event-schema.ts';

// The browser checks what it loads before drawing it. A dataset of the size an article makes is
// checked field by field, as the pipeline does. A large one (the bench's 50,000 synthetic events)
// was validated by the pipeline that wrote it, and the full check would hold the main thread for
// most of a second: it is checked in full for its first events and by shape for the rest, enough
// that the app never meets a value of the wrong type.

/** Up to this many events, every field is checked. */
export const FULL_CHECK_LIMIT = 2_000;

const eventShape = z.looseObject({
  id: z.string(),
  theme: z.number(),
  title: z.string(),
  kind: z.string(),
  format: z.string(),
  date: z.looseObject({ start: z.string(), end: z.string(), precision: z.string() }),
  partners: z.array(z.looseObject({ iso3: z.string(), name: z.string(), basis: z.string() })),
  sources: z.array(z.looseObject({ url: z.string() })),
});

const largeDatasetSchema = z.looseObject({
  version: z.literal(1),
  source: z.looseObject({ title: z.string(), url: z.string(), published: z.string() }),
  themes: z.array(themeSchema).min(1),
  events: z.array(eventShape),
});

export type DatasetCheck =
  | { success: true; data: Dataset }
  | { success: false; error: { issues: readonly z.core.$ZodIssue[] } };

export function checkDataset(raw: unknown): DatasetCheck {
  const events = (raw as { events?: unknown } | null)?.events;
  if (!Array.isArray(events) || events.length <= FULL_CHECK_LIMIT) return datasetSchema.safeParse(raw);
  const shape = largeDatasetSchema.safeParse(raw);
  if (!shape.success) return shape;
  // The first events in full, so a file of the wrong schema version is still named field by field.
  const sample = z.array(eventSchema).safeParse(events.slice(0, 100));
  if (!sample.success) {
    return {
      success: false,
      error: { issues: sample.error.issues.map((issue) => ({ ...issue, path: ['events', ...issue.path] })) },
    };
  }
  return { success: true, data: raw as Dataset };
}
