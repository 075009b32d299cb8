import type { ChoroplethClass } from '../../domain/choropleth.ts';
import type { SortDirection, SortKey } from '../../domain/event-description.ts';
import { coverageTitle, sortEvents } from '../../domain/event-description.ts';
import type { CountryPoint } from '../../domain/event-features.ts';
import type { AtlasEvent, Dataset } from '../../domain/event-schema.ts';
import type { ViewState } from '../../domain/view-state.ts';
import { extentYears, viewSummary } from '../../domain/view-summary.ts';
import type { Words } from '../../i18n/words.ts';
import { ENGLISH_WORDS, localized } from '../../i18n/words.ts';
import type { CitationInput } from './citation.ts';
import type { ImageText } from './image-layout.ts';

// What the Download and Cite dialogs need of a view, and the words they derive from it. The
// explorer's and the embed's view model (use-atlas-view.ts) has this shape already.

export interface ExportSource {
  dataset: Dataset;
  countryPoints: ReadonlyMap<string, CountryPoint>;
  context: { defaults: Pick<ViewState, 'from' | 'to'> };
  state: ViewState;
  /** The events passing the filters. */
  shown: readonly AtlasEvent[];
  scale: { classes: readonly ChoroplethClass[]; colorFor: (count: number) => string | null };
  /** Lines from China to the selection's partners. */
  links: GeoJSON.FeatureCollection<GeoJSON.LineString>;
}

export interface TableOrder {
  key: SortKey;
  direction: SortDirection;
}
/** The event table's own starting order. */
export const DEFAULT_TABLE_ORDER: TableOrder = { key: 'date', direction: 'asc' };

/** The view's events (or all of them) in the table's order: what the data files hold. */
export function exportedEvents(source: ExportSource, all: boolean, order: TableOrder): AtlasEvent[] {
  return sortEvents(all ? source.dataset.events : source.shown, order.key, order.direction);
}

/** "China's international military cooperation in 2021", the year from the dataset. */
export function atlasSubject(source: Pick<ExportSource, 'context'>, words: Words = ENGLISH_WORDS): string {
  return coverageTitle(extentYears(source.context.defaults), words);
}

export function summaryOf(source: ExportSource, all = false, words: Words = ENGLISH_WORDS) {
  const { state, dataset, context } = source;
  if (all) {
    const total = dataset.events.length;
    return viewSummary(
      { ...state, ...context.defaults, undated: true, theme: [], kind: [], format: [], basis: [], q: '' },
      dataset.themes,
      context.defaults,
      total,
      total,
      words,
    );
  }
  return viewSummary(
    state,
    dataset.themes,
    context.defaults,
    source.shown.length,
    dataset.events.length,
    words,
  );
}

export function imageText(source: ExportSource, viewUrl: string, words: Words = ENGLISH_WORDS): ImageText {
  const { dataset } = source;
  const english = words.language === 'en';
  return {
    title: words.t('embed.iframeTitle', { title: atlasSubject(source, words) }),
    subtitle: summaryOf(source, false, words).text,
    credits: [
      english
        ? `Source: “${dataset.source.title}”, China Military Online, ${dataset.source.published}, ${dataset.source.url}`
        : words.t('image.source', {
            title: localized(dataset.source, 'title', words.language).text,
            published: dataset.source.published,
            url: dataset.source.url,
          }),
      words.t('image.credit', { attribution: words.t('map.attribution'), url: viewUrl }),
    ],
  };
}

export function citationInput(source: ExportSource, viewUrl: string, accessed: string): CitationInput {
  return {
    title: atlasSubject(source),
    view: summaryOf(source).text,
    url: viewUrl,
    accessed,
    source: source.dataset.source,
  };
}
