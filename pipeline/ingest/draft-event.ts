import type { EventKind } from '../../src/domain/event-schema.ts';
import { EVENT_KINDS } from '../../src/domain/event-schema.ts';
import { KIND_LABELS } from '../../src/domain/filter-labels.ts';
import type { Geocoder } from '../gazetteer/geocoder.ts';
import { normaliseName } from '../gazetteer/geocoder.ts';
import type { DraftEvent, DraftEvidence, DraftSource } from './draft.ts';
import { draftSourceId } from './draft.ts';
import { draftPartners } from './draft-partners.ts';
import { quoted } from './draft-wording.ts';
import type { DraftDate, FindingOf } from './findings.ts';
import { byStart, findingsOf } from './findings.ts';
import { guessFormat, guessKind } from './guess-kind.ts';
import type { Group } from './sentence-groups.ts';
import type { SourceText, Span } from './source-text.ts';
import { evidenceOf, wordsOf } from './source-text.ts';

// One draft event from one group of findings (sentence-groups.ts): each field guessed from the
// words, each guess listed under `review`, each value's words under `evidence`.

export interface EventContext {
  source: SourceText;
  geocoder: Geocoder;
  year: number;
  /** a representative point per iso3, for a placeholder location */
  points: ReadonlyMap<string, readonly [number, number]>;
  sources: DraftSource[];
}

export interface EventPlace {
  sentence: Span;
  theme: number;
  themeNote: string | undefined;
  /** countries named earlier in the paragraph: a hint for "the two navies", never a partner */
  earlier: readonly string[];
  /** every date in the sentence, for a clause that gives none of its own */
  sentenceDates: readonly FindingOf<'date'>[];
}

const BEIJING = { lon: 116.4, lat: 39.9 };
/** longer sentences (a text without full stops) are quoted only as far as the event's own words */
const MAX_SENTENCE_QUOTE = 2000;

// The atlas's own kind labels, so a draft's title reads as the filters will show it.
const draftKindLabel = (kind: EventKind | 'TODO') => (kind === 'TODO' ? 'Event' : KIND_LABELS[kind]);

/** The first day a draft date covers, as build-dataset.ts expands it: organisations count members from it. */
export function firstDay(date: DraftDate): string {
  if (date.precision === 'day') return date.start;
  return date.precision === 'month' ? `${date.start}-01` : `${date.start}-01-01`;
}

const STOP_WORDS = new Set(['of', 'the', 'and', 'on', 'for', 'in', 'a', 'an', 'to', 'with', 'at', 's']);

/** "Joint Sea–2021" → "joint-sea-2021": lower case, at most `maxWords` words, no small words. */
export function slug(words: string, maxWords = 6): string {
  const parts = normaliseName(words)
    .replace(/[^a-z0-9]+/g, '-')
    .split('-')
    .filter((part) => part !== '' && !STOP_WORDS.has(part));
  return parts.slice(0, maxWords).join('-') || 'event';
}

function dateOf(
  dates: readonly FindingOf<'date'>[],
  place: EventPlace,
  context: EventContext,
): { date: DraftDate; used: FindingOf<'date'> | undefined; review: string[] } {
  const { source, year } = context;
  const [used = place.sentenceDates[0]] = dates;
  if (!used) {
    const note = `date: the text gives none for this event, so it is dated to the year ${year}; give the day if a source does`;
    return { date: { start: String(year), precision: 'year' }, used, review: [note] };
  }
  const review: string[] = [];
  if (dates.length === 0) {
    review.push(
      `date: taken from elsewhere in the sentence (${quoted(wordsOf(source, used.span))}); check it applies`,
    );
  }
  if (used.note) review.push(`date: ${used.note}`);
  if (dates.length > 1) {
    const all = dates.map((d) => quoted(wordsOf(source, d.span))).join(', ');
    review.push(`date: the text gives ${dates.length} dates (${all}); the draft uses the first`);
  }
  return { date: used.date, used, review };
}

export function buildEvent(group: Group, place: EventPlace, context: EventContext, id: string): DraftEvent {
  const { source, geocoder } = context;
  const findings = [...group.findings].sort(byStart);
  const review = ['summary: write it in your own words (the sentence is under evidence.sentence)'];

  const dated = dateOf(findingsOf(findings, 'date'), place, context);
  review.push(...dated.review);
  const unresolvedDates = findingsOf(findings, 'unresolved-date');
  for (const bad of unresolvedDates) review.push(`date: ${bad.reason}`);

  const who = draftPartners({
    source,
    geocoder,
    findings,
    carried: group.inherited,
    carriedFrom: group.inheritedFrom,
    day: firstDay(dated.date),
    earlier: place.earlier,
  });
  review.push(...who.review);

  // kind and format from the event's own words, else from the words its named events share
  const names = findingsOf(findings, 'named');
  const [named] = names;
  const words = source.text.slice(group.span.start, group.span.end);
  const shared = group.context ? source.text.slice(group.context.start, group.context.end) : '';
  let guess = guessKind(words, named?.head);
  if (!guess.kind && shared) guess = guessKind(shared, undefined);
  const kind = guess.kind ?? 'TODO';
  if (!guess.kind) {
    review.push(
      `kind: no word for an activity found: choose one of ${EVENT_KINDS.join(', ')}, or delete this event if the sentence is commentary`,
    );
  } else {
    const from = named?.head
      ? `the name ${quoted(named.name)} or the words after it`
      : quoted(guess.words ?? '');
    const others = guess.candidates.filter((k) => k !== guess.kind).map((k) => `"${k}"`);
    review.push(
      `kind: guessed "${kind}" from ${from}${others.length ? `; the words also fit ${others.join(', ')}` : ''}`,
    );
  }
  const { format, words: formatWords } = guessFormat(`${shared} ${words}`);
  review.push(
    formatWords && format !== 'in-person'
      ? `format: guessed "${format}" from ${quoted(formatWords)}`
      : 'format: "in-person" because the text does not mention video or online; check',
  );

  const name = named?.name.replace(/^the\s+/i, '');
  const title = name
    ? `${name.charAt(0).toUpperCase()}${name.slice(1)}`
    : `${draftKindLabel(kind)}: ${who.who}`;
  review.push(
    name ? 'title: the name as the text writes it; check it' : 'title: made from the text; reword it',
  );
  if (names.length > 1) {
    review.push(
      `title: the text names ${names.length} events here (${names.map((n) => quoted(n.name)).join(', ')})`,
    );
  }
  if ((kind === 'visit' || kind === 'call') && who.countryCount > 1) {
    review.push(
      `partners: ${who.countryCount} countries in one ${kind}: split it into one event per country if they were separate`,
    );
  }

  const cited = draftSourceId(context.sources);
  let location: DraftEvent['location'];
  const first = who.firstCountry;
  const point = first ? context.points.get(first) : undefined;
  const country = first ? (geocoder.countryName(first) ?? first) : undefined;
  if (format === 'online') {
    location = { name: 'Beijing (video link)', kind: 'host', ...BEIJING, source: cited };
    review.push('location: Beijing, where online events are shown; check');
  } else if (country && point) {
    location = {
      name: `${country} (placeholder: the country's representative point)`,
      kind: 'venue',
      lon: point[0],
      lat: point[1],
      source: cited,
    };
    review.push(`location: a placeholder at ${country}'s representative point; give the place and its name`);
  } else if (country) {
    location = null;
    review.push('location: no point is known for the first partner; write name, lon and lat');
  } else {
    location = {
      name: 'Beijing (placeholder: place not found in the text)',
      kind: 'venue',
      ...BEIJING,
      source: cited,
    };
    review.push('location: a placeholder at Beijing; give the place and its name');
  }

  if (place.themeNote) review.push(place.themeNote);

  const quotedSpan =
    place.sentence.end - place.sentence.start <= MAX_SENTENCE_QUOTE ? place.sentence : group.span;
  const evidence: DraftEvidence = { sentence: evidenceOf(source, quotedSpan), ...who.evidence };
  if (names.length) evidence.names = names.map((n) => ({ name: n.name, ...evidenceOf(source, n.span) }));
  const dates = findingsOf(findings, 'date');
  const read = dates.length > 0 ? dates : dated.used ? [dated.used] : [];
  if (read.length) {
    evidence.dates = read.map(({ date, note, span }) => ({
      value: date,
      ...(note ? { note } : {}),
      ...evidenceOf(source, span),
    }));
  }
  if (unresolvedDates.length) {
    evidence.unresolved = [
      ...unresolvedDates.map((bad) => ({ what: `date: ${bad.reason}`, ...evidenceOf(source, bad.span) })),
      ...(evidence.unresolved ?? []),
    ];
  }

  return {
    id,
    theme: place.theme,
    title,
    summary: null,
    kind,
    format,
    // Every value of a draft is read from the article, so each cites it; a reviewer who checks a
    // value against another report changes its source.
    date: { ...dated.date, source: cited },
    location,
    partners: who.partners.map((partner) => ({ ...partner, source: cited })),
    ...(who.unnamed ? { unnamedPartners: { ...who.unnamed, source: cited } } : {}),
    sources: context.sources,
    review,
    evidence,
  };
}
