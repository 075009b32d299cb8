import type { Words } from '../i18n/words.ts';
import { ENGLISH_WORDS } from '../i18n/words.ts';
import { formatEventDate } from './dates.ts';
import type { AlternativeDate, AtlasEvent, Source } from './event-schema.ts';
import { ARTICLE_SOURCE_ID } from './event-schema.ts';

// How a reader traces one fact to its source: the details panel numbers an event's sources
// 1, 2, 3 and puts the number beside the date, the place, each partner and the unnamed count.
// The numbering and the words live here so they are tested without a browser.

export interface NumberedSource extends Source {
  /** 1-based, in the event's own order of sources. */
  number: number;
}

export function numberedSources(event: Pick<AtlasEvent, 'sources'>): NumberedSource[] {
  return event.sources.map((source, index) => ({ ...source, number: index + 1 }));
}

/** The numbered source a value cites; undefined only for data the schema would have refused. */
export function citedSource(
  sources: readonly NumberedSource[],
  sourceId: string,
): NumberedSource | undefined {
  return sources.find((source) => source.id === sourceId);
}

/** "the article" or the source's title: how a note names its source to a screen reader. */
export function sourceName(source: Pick<Source, 'id' | 'title'>, words: Words = ENGLISH_WORDS): string {
  return source.id === ARTICLE_SOURCE_ID ? words.t('source.article', { title: source.title }) : source.title;
}

/** What kind of place an event has, in words, or why it has none. */
export function placeText(
  event: Pick<AtlasEvent, 'location' | 'partners'>,
  words: Words = ENGLISH_WORDS,
): string {
  const { location } = event;
  if (location)
    return location.kind === 'host' ? words.t('place.host', { name: location.name }) : location.name;
  if (event.partners.length > 0) return words.t('place.partners');
  return words.t('place.none');
}

/** "20–24 September 2021, per Russia's defence ministry, the host" */
export function alternativeDateText(alternative: AlternativeDate, words: Words = ENGLISH_WORDS): string {
  return words.t('date.alternative', { date: formatEventDate(alternative, words), note: alternative.note });
}
