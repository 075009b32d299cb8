import type { EventKind } from '../../src/domain/event-schema.ts';
import type { Span } from './source-text.ts';

// What the finders read in a sentence, each with the span of normalised text it came from.

/** A date as the input format writes it: `2021-08-23`, `2021-08` or `2021`. */
export interface DraftDate {
  start: string;
  end?: string;
  precision: 'day' | 'month' | 'year';
}

export type Qualifier = 'nearly' | 'about' | 'over' | 'at least';

export type Finding =
  /** a country standing for a partner, by its name or a demonym before a military noun */
  | { type: 'country'; span: Span; iso3: string; mention: string; viaDemonym: boolean }
  | { type: 'ambiguous'; span: Span; mention: string; candidates: string[]; viaDemonym: boolean }
  | { type: 'organisation'; span: Span; id: string; mention: string }
  /** a named exercise, meeting, forum or games; `head` is the kind its name says */
  | { type: 'named'; span: Span; name: string; head: EventKind | undefined }
  | { type: 'date'; span: Span; date: DraftDate; note?: string }
  | { type: 'unresolved-date'; span: Span; reason: string }
  | {
      type: 'count';
      span: Span;
      count: number;
      approximate: boolean;
      qualifier: Qualifier | undefined;
      region: string | undefined;
      /** how the text words an approximation the schema has no qualifier for ("up to") */
      wording: string | undefined;
    }
  /** "the two navies", "both sides": partners the text means but does not name */
  | { type: 'collective'; span: Span; phrase: string }
  /** "many countries", "other neighboring countries": no count, no names */
  | { type: 'vague'; span: Span; phrase: string }
  /** a demonym that does not clearly stand for a country's forces ("Russian President") */
  | { type: 'demonym'; span: Span; mention: string; iso3: string | null; candidates: string[] };

export type FindingOf<T extends Finding['type']> = Extract<Finding, { type: T }>;

export const byStart = (a: { span: Span }, b: { span: Span }) => a.span.start - b.span.start;

/** The findings of one type, in order. */
export function findingsOf<T extends Finding['type']>(findings: readonly Finding[], type: T): FindingOf<T>[] {
  return findings.filter((f): f is FindingOf<T> => f.type === type);
}

/** The first item for each key, in order. */
export function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
