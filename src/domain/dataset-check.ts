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

type Issue = z.core.$ZodIssue;

/**
 * The types the app reads from an event, checked by hand: a schema pass over 50,000 events costs
 * most of a second on the main thread, this a few milliseconds.
 */
function shapeIssues(events: readonly unknown[]): Issue[] {
  const issues: Issue[] = [];
  const want = (ok: boolean, path: (string | number)[], expected: string) => {
    if (!ok) issues.push({ code: 'custom', path, message: `expected ${expected}`, input: undefined });
  };
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  events.forEach((event, i) => {
    if (issues.length >= 100) return;
    if (!isObject(event)) {
      want(false, ['events', i], 'an object');
      return;
    }
    for (const key of ['id', 'title', 'kind', 'format'])
      want(typeof event[key] === 'string', ['events', i, key], 'a string');
    want(typeof event.theme === 'number', ['events', i, 'theme'], 'a number');
    const date = event.date;
    if (!isObject(date)) want(false, ['events', i, 'date'], 'an object');
    else
      for (const key of ['start', 'end', 'precision'])
        want(typeof date[key] === 'string', ['events', i, 'date', key], 'a string');
    const location = event.location;
    if (location !== undefined) {
      if (!isObject(location)) want(false, ['events', i, 'location'], 'an object');
      else
        for (const key of ['lon', 'lat'])
          want(typeof location[key] === 'number', ['events', i, 'location', key], 'a number');
    }
    for (const key of ['partners', 'sources']) {
      const list = event[key];
      if (!Array.isArray(list)) want(false, ['events', i, key], 'an array');
      else
        list.forEach((item, j) => {
          want(isObject(item), ['events', i, key, j], 'an object');
        });
    }
    if (Array.isArray(event.partners))
      event.partners.forEach((p: unknown, j) => {
        if (isObject(p)) want(typeof p.iso3 === 'string', ['events', i, 'partners', j, 'iso3'], 'a string');
      });
  });
  return issues;
}

/**
 * A large dataset's envelope. Its events are known to be an array by then (checkDataset), and are
 * left out: zod copies an array it checks, item by item (12 ms of 15 for this check at 50,000 events in Node).
 */
const largeDatasetSchema = z.looseObject({
  version: z.literal(1),
  source: z.looseObject({ title: z.string(), url: z.string(), published: z.string() }),
  themes: z.array(themeSchema).min(1),
});

export type DatasetCheck =
  | { success: true; data: Dataset }
  | { success: false; error: { issues: readonly z.core.$ZodIssue[] } };

export function checkDataset(raw: unknown): DatasetCheck {
  const events = (raw as { events?: unknown } | null)?.events;
  if (!Array.isArray(events) || events.length <= FULL_CHECK_LIMIT) return datasetSchema.safeParse(raw);
  const shape = largeDatasetSchema.safeParse(raw);
  if (!shape.success) return shape;
  const issues = shapeIssues(events);
  if (issues.length > 0) return { success: false, error: { issues } };
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
