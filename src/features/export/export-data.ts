import Papa from 'papaparse';
import type { CountryPoint } from '../../domain/event-features.ts';
import { placementsOf } from '../../domain/event-features.ts';
import type { AtlasEvent, Dataset } from '../../domain/event-schema.ts';

// The view's events as files: CSV rows, a GeoJSON FeatureCollection and the dataset's own JSON.
// Pure, so the columns, the quoting and the neutralising are tested without a browser.

/** The CSV's columns, in order: a public contract (README "Downloads and citing"). */
export const CSV_COLUMNS = [
  'id',
  'title',
  'theme',
  'kind',
  'format',
  'date_start',
  'date_end',
  'date_precision',
  'place',
  'lon',
  'lat',
  'partners',
  'partner_names',
  'unnamed_partners',
  'sources',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** One event as the CSV and the GeoJSON properties hold it; lon/lat are null without a place. */
export type ExportRow = Record<Exclude<CsvColumn, 'theme' | 'lon' | 'lat'>, string> & {
  theme: number;
  lon: number | null;
  lat: number | null;
};

/** "nearly 70 (Africa)": the count as the source words it, and where. */
function unnamedText(event: AtlasEvent): string {
  const unnamed = event.unnamedPartners;
  if (!unnamed) return '';
  const count: number | undefined = unnamed.count;
  const qualifier = unnamed.qualifier ?? (unnamed.approximate ? 'about' : undefined);
  const amount = count === undefined ? 'unknown number' : qualifier ? `${qualifier} ${count}` : String(count);
  return unnamed.region ? `${amount} (${unnamed.region})` : amount;
}

export function exportRow(event: AtlasEvent): ExportRow {
  // Events drawn at their partners have no place of their own.
  const place = event.location;
  return {
    id: event.id,
    title: event.title,
    theme: event.theme,
    kind: event.kind,
    format: event.format,
    date_start: event.date.start,
    date_end: event.date.end,
    date_precision: event.date.precision,
    place: place?.name ?? '',
    lon: place?.lon ?? null,
    lat: place?.lat ?? null,
    partners: event.partners.map((p) => p.iso3).join(';'),
    partner_names: event.partners.map((p) => p.name).join(';'),
    unnamed_partners: unnamedText(event),
    sources: event.sources.map((s) => s.url).join(' '),
  };
}

/**
 * A cell that begins like a formula is shown as text by a spreadsheet once prefixed with `'`
 * (OWASP's CSV injection advice). Papa's own default pattern, `^[=+\-@\t\r].*$`, misses a
 * value with a line break after the `=`, since `.` stops there: hence our own.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

const BOM = '\uFEFF';

/**
 * RFC 4180 CSV (CRLF line ends, quotes only where needed, `""` inside quotes) with a UTF-8 byte
 * order mark so that Excel reads accented names right. Numbers are written as numbers, so a
 * negative longitude is not taken for a formula.
 */
export function eventsCsv(events: readonly AtlasEvent[]): string {
  const data = events.map((event) => {
    const row = exportRow(event);
    return CSV_COLUMNS.map((column) => row[column] ?? '');
  });
  const body = Papa.unparse(
    { fields: [...CSV_COLUMNS], data },
    { newline: '\r\n', escapeFormulae: FORMULA_START, quotes: false },
  );
  // Papa ends the last row without a line break, except after a header with no rows; RFC 4180
  // allows either, and our files always end in exactly one.
  return `${BOM}${body.replace(/(\r\n)+$/, '')}\r\n`;
}

export type ExportFeature = GeoJSON.Feature<GeoJSON.Point, ExportRow & { drawn_at: string }>;

/**
 * RFC 7946: one Point per event that has a place, and for events drawn at their partners, one per
 * partner point (`drawn_at` names that partner). Coordinates are the places themselves, not the
 * map's fanned-out display positions.
 */
export function eventsGeoJson(
  events: readonly AtlasEvent[],
  countryPoints: ReadonlyMap<string, CountryPoint>,
): GeoJSON.FeatureCollection<GeoJSON.Point, ExportFeature['properties']> {
  const features = events.flatMap((event) => {
    const row = exportRow(event);
    return placementsOf(event, countryPoints).map(
      (place): ExportFeature => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [place.lon, place.lat] },
        properties: { ...row, drawn_at: place.iso3 },
      }),
    );
  });
  return { type: 'FeatureCollection', features };
}

/** The dataset's own layout (README "The JSON layout") with only the view's events. */
export function datasetJson(dataset: Dataset, events: readonly AtlasEvent[]): Dataset {
  const wanted = new Set(events);
  return { ...dataset, events: dataset.events.filter((event) => wanted.has(event)) };
}
