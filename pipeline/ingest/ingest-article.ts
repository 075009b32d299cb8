import { isRealIsoDate } from '../../src/domain/dates.ts';
import type { Geocoder } from '../gazetteer/geocoder.ts';
import { normaliseName } from '../gazetteer/geocoder.ts';
import { readStructure, splitClauses } from './article-structure.ts';
import type { Draft, DraftEvent, DraftSource } from './draft.ts';
import { DRAFT_SOURCE_ID, OFFSETS, TODO_URL } from './draft.ts';
import type { EventContext } from './draft-event.ts';
import { buildEvent, slug } from './draft-event.ts';
import { findCounts } from './find-counts.ts';
import { findDates } from './find-dates.ts';
import { findMentions } from './find-mentions.ts';
import { findNamedEvents } from './find-named-events.ts';
import type { Finding, FindingOf } from './findings.ts';
import { byStart } from './findings.ts';
import type { Lexicon } from './lexicon.ts';
import { groupSentence } from './sentence-groups.ts';
import type { Evidence } from './source-text.ts';
import { evidenceOf, normaliseSource, tokenise } from './source-text.ts';

// An article's text in, a draft of events out: pure, so tests pass texts and small gazetteers.

export interface IngestOptions {
  /** the article's file name, as the draft and the report show it */
  file: string;
  /** how the file was decoded, for the draft's `ingest` block */
  encoding: string;
  /** the year dates without one belong to; default: a year in the title, else the byline's */
  year?: number | undefined;
  url?: string | undefined;
  /** data/article.yaml's source: a draft of that same article cites it as `article` */
  knownArticle?: { title: string; url: string } | undefined;
  points: ReadonlyMap<string, readonly [number, number]>;
}

export interface Unresolved extends Evidence {
  what: string;
}

export type IngestOutcome =
  | { ok: true; draft: Draft; outside: Unresolved[]; notes: string[] }
  | { ok: false; message: string };

/** Unique ids: "draft-joint-sea-2021", then "draft-joint-sea-2021-v2" for the same name again. */
function idMaker(): (base: string) => string {
  const used = new Set<string>();
  const last = new Map<string, number>();
  return (base) => {
    let n = last.get(base) ?? 1;
    let id = n === 1 ? base : `${base}-v${n}`;
    while (used.has(id)) id = `${base}-v${++n}`;
    last.set(base, n);
    used.add(id);
    return id;
  };
}

function outsideOf(source: ReturnType<typeof normaliseSource>, findings: readonly Finding[]): Unresolved[] {
  return findings.flatMap((f): Unresolved[] => {
    const at = () => evidenceOf(source, f.span);
    if (f.type === 'vague') return [{ what: 'countries neither named nor counted', ...at() }];
    if (f.type === 'demonym')
      return [
        { what: `demonym (${f.iso3 ?? f.candidates.join(' or ')}) not standing for armed forces`, ...at() },
      ];
    if (f.type === 'unresolved-date') return [{ what: `date: ${f.reason}`, ...at() }];
    return [];
  });
}

export function ingestArticle(
  original: string,
  lexicon: Lexicon,
  geocoder: Geocoder,
  options: IngestOptions,
): IngestOutcome {
  const source = normaliseSource(original);
  const { text } = source;
  const structure = readStructure(text);
  const title = structure.title?.text;
  const published =
    structure.published && isRealIsoDate(structure.published) ? structure.published : undefined;
  const year =
    options.year ??
    (title ? Number(/\b(?:19|20)\d{2}\b/.exec(title)?.[0]) || undefined : undefined) ??
    (published ? Number(published.slice(0, 4)) : undefined);
  if (year === undefined) {
    return { ok: false, message: 'cannot tell which year the article is about: pass --year YYYY' };
  }

  const notes: string[] = [];
  const known = options.knownArticle;
  const sameArticle =
    known !== undefined && title !== undefined && normaliseName(known.title) === normaliseName(title);
  const url = sameArticle ? known.url : (options.url ?? TODO_URL);
  // A new article is not data/article.yaml's, so it gets an id of its own that every value cites.
  const sources: DraftSource[] = sameArticle
    ? ['article']
    : [{ id: DRAFT_SOURCE_ID, title: title ?? options.file, url }];
  if (sameArticle)
    notes.push('The title matches data/article.yaml, so events cite that article as `article`.');
  else
    notes.push(
      'This is not the article of data/article.yaml: add its themes there (see `article:` in the draft) or renumber `theme`.',
    );

  const themes = structure.headings.map((h) => ({ id: h.theme, title: h.title }));
  const themeTitles = new Map<number, string>();
  for (const heading of themes) if (!themeTitles.has(heading.id)) themeTitles.set(heading.id, heading.title);
  const firstTheme = themes[0]?.id;
  if (firstTheme === undefined) notes.push('No numbered headings: every event is under theme 1.');

  const context: EventContext = { source, geocoder, year, points: options.points, sources };
  const events: DraftEvent[] = [];
  const outside: Unresolved[] = [];
  const nextId = idMaker();
  const perTheme = new Map<number, number>();
  let paragraph = -1;
  let earlier: string[] = [];

  for (const sentence of structure.sentences) {
    if (sentence.paragraph !== paragraph) {
      paragraph = sentence.paragraph;
      earlier = [];
    }
    const counts = findCounts(text, sentence);
    const tokens = tokenise(text, sentence.start, sentence.end);
    const findings = [
      ...counts,
      ...findMentions(
        text,
        sentence,
        lexicon,
        counts.map((c) => c.span),
        tokens,
      ),
      ...findNamedEvents(text, sentence, tokens),
      ...findDates(text, sentence, year),
    ].sort(byStart);
    const groups = groupSentence(sentence, splitClauses(text, sentence), findings);
    if (groups.length === 0) outside.push(...outsideOf(source, findings));

    const theme = sentence.theme ?? firstTheme ?? 1;
    const themeNote =
      sentence.theme === undefined && firstTheme !== undefined
        ? 'theme: the sentence comes before the first heading, so it is put under the first theme; check'
        : undefined;
    const sentenceDates = findings.filter((f): f is FindingOf<'date'> => f.type === 'date');
    for (const group of groups) {
      const named = group.findings.find((f) => f.type === 'named');
      const index = (perTheme.get(theme) ?? 0) + 1;
      perTheme.set(theme, index);
      const themeTitle = themeTitles.get(theme);
      const base = `draft-${named ? slug(named.name) : `${themeTitle ? `${slug(themeTitle, 4)}-` : 'event-'}${index}`}`;
      const place = { sentence, theme, themeNote, earlier: [...earlier], sentenceDates };
      events.push(buildEvent(group, place, context, nextId(base)));
    }
    for (const f of findings) {
      if (f.type === 'country') earlier.push(geocoder.countryName(f.iso3) ?? f.mention);
    }
    earlier = [...new Set(earlier)];
  }

  const draft: Draft = {
    article: { title: title ?? options.file, url, published: published ?? 'TODO', themes },
    ingest: {
      file: options.file,
      year,
      encoding: options.encoding,
      offsets: OFFSETS,
      sentences: structure.sentences.length,
    },
    events,
  };
  return { ok: true, draft, outside, notes };
}
