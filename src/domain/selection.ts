import type { CountryPoint } from './event-features.ts';
import type { AtlasEvent, Dataset } from './event-schema.ts';
import type { ViewContext, ViewState } from './view-state.ts';

export const HOST_ISO3 = 'CHN';

/** The years the dataset covers, as the timeline's extent and the default time window. */
export function datasetExtent(events: readonly AtlasEvent[]): { from: string; to: string } {
  if (events.length === 0) return { from: '2021-01-01', to: '2021-12-31' };
  let first = events[0]?.date.start ?? '2021-01-01';
  let last = events[0]?.date.end ?? '2021-12-31';
  for (const { date } of events) {
    if (date.start < first) first = date.start;
    if (date.end > last) last = date.end;
  }
  return { from: `${first.slice(0, 4)}-01-01`, to: `${last.slice(0, 4)}-12-31` };
}

/** Each event's position in the dataset by its id: made once, read by the view and its URL's check. */
export function positionsById(events: readonly AtlasEvent[]): ReadonlyMap<string, number> {
  const positions = new Map<string, number>();
  for (let position = 0; position < events.length; position++)
    positions.set((events[position] as AtlasEvent).id, position);
  return positions;
}

export function viewContextFor(
  dataset: Dataset,
  countries: Iterable<string>,
  positionById: ReadonlyMap<string, number>,
): ViewContext {
  return {
    defaults: datasetExtent(dataset.events),
    themes: dataset.themes.map((t) => t.id),
    eventIds: positionById,
    countries: new Set(countries),
  };
}

const line = (from: CountryPoint, to: { lon: number; lat: number }): GeoJSON.Feature<GeoJSON.LineString> => ({
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'LineString',
    coordinates: [
      [from.lon, from.lat],
      [to.lon, to.lat],
    ],
  },
});

/** Lines from China to each partner of the selected event, or to the selected country. */
export function selectionLinks(
  selectedEvent: AtlasEvent | undefined,
  selectedCountry: string | null,
  countryPoints: ReadonlyMap<string, CountryPoint>,
): GeoJSON.FeatureCollection<GeoJSON.LineString> {
  const host = countryPoints.get(HOST_ISO3);
  const features: GeoJSON.Feature<GeoJSON.LineString>[] = [];
  if (host) {
    const targets = selectedEvent
      ? selectedEvent.partners.map((p) => p.iso3)
      : selectedCountry && selectedCountry !== HOST_ISO3
        ? [selectedCountry]
        : [];
    for (const iso3 of targets) {
      const point = countryPoints.get(iso3);
      if (point) features.push(line(host, point));
    }
  }
  return { type: 'FeatureCollection', features };
}

export function isViewDefault(state: ViewState, context: Pick<ViewContext, 'defaults'>): boolean {
  return (
    state.from === context.defaults.from &&
    state.to === context.defaults.to &&
    state.undated &&
    state.theme.length + state.kind.length + state.format.length + state.basis.length === 0 &&
    !state.q
  );
}
