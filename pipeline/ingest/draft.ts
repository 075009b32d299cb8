import type { EventFormat, EventKind, UnnamedPartners } from '../../src/domain/event-schema.ts';
import type { DraftDate } from './findings.ts';
import type { Evidence } from './source-text.ts';

// The draft in the dataset's input format (pipeline/input-schema.ts), plus what a reviewer needs:
// `review` (what to check or write) and `evidence` (the words every value was read from). Both are
// extra keys the input schema lets through, so a reviewed draft goes to `npm run data` as it is.
// The fields only a person can fill are left so that validation fails until they do: `summary`
// is null, and so is `location` when no place can be derived; an unknown kind is "TODO".

export type DraftPartner =
  | { name: string; mention?: string; basis: 'named'; source?: string }
  | { organisation: string; mention?: string; except?: string[]; source?: string };

export type DraftSource = 'article' | { id: string; title: string; url: string };

/** The id a draft gives its own article when it is not the dataset's (`article`). */
export const DRAFT_SOURCE_ID = 'ingested-article';

/** The id every value of a draft cites: its article's. */
export function draftSourceId(sources: readonly DraftSource[]): string {
  const first = sources[0];
  return !first || first === 'article' ? 'article' : first.id;
}

export interface DraftEvidence {
  sentence: Evidence;
  partners?: Array<{ name: string; iso3: string; demonym?: true } & Evidence>;
  ambiguous?: Array<{ candidates: string[] } & Evidence>;
  organisations?: Array<{ id: string; members: string[]; note?: string } & Evidence>;
  names?: Array<{ name: string } & Evidence>;
  dates?: Array<{ value: DraftDate; note?: string } & Evidence>;
  counts?: Array<{ count: number; approximate: boolean; qualifier?: string; region?: string } & Evidence>;
  unresolved?: Array<{ what: string } & Evidence>;
}

export interface DraftEvent {
  id: string;
  theme: number;
  title: string;
  summary: null;
  kind: EventKind | 'TODO';
  format: EventFormat;
  date: DraftDate & { source: string };
  location: { name: string; kind: 'venue' | 'host'; lon: number; lat: number; source: string } | null;
  partners: DraftPartner[];
  unnamedPartners?: UnnamedPartners;

  sources: DraftSource[];
  review: string[];
  evidence: DraftEvidence;
}

export interface Draft {
  article: {
    title: string;
    url: string;
    published: string;
    themes: Array<{ id: number; title: string }>;
  };
  ingest: {
    file: string;
    year: number;
    encoding: string;
    offsets: string;
    sentences: number;
  };
  events: DraftEvent[];
}

export const TODO_URL = 'TODO: the article URL';
export const OFFSETS =
  'UTF-16 code units (JavaScript string indices) into the text as read, after removing a leading ' +
  'byte-order mark: text.slice(start, end) is the quote';
