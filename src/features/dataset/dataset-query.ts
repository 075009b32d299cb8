import { queryOptions } from '@tanstack/react-query';
import { checkDataset } from '../../domain/dataset-check.ts';
import type { CountryPoint, MapEvents } from '../../domain/event-features.ts';
import { buildMapEvents } from '../../domain/event-features.ts';
import type { Dataset, DatasetProblem } from '../../domain/event-schema.ts';
import { describeDatasetIssues } from '../../domain/event-schema.ts';
import { positionsById, viewContextFor } from '../../domain/selection.ts';
import type { ViewContext } from '../../domain/view-state.ts';
import { dataFiles } from './data-name.ts';
import { readJson, takeDownload } from './early-download.ts';

export class DatasetFetchError extends Error {}

/** The data was fetched but does not match the schema; carries every problem for the error panel. */
export class DatasetInvalidError extends Error {
  constructor(readonly problems: DatasetProblem[]) {
    super(`The dataset has ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  }
}

export interface AtlasData {
  dataset: Dataset;
  countryPoints: Map<string, CountryPoint>;
  /** The events as the map draws them (one point per place). */
  mapEvents: MapEvents;
  /** Each event's position in `dataset.events` by its id. */
  positionById: ReadonlyMap<string, number>;
  /** What a view's parameters are checked against (the dataset's years, ids, countries). */
  context: ViewContext;
}

async function fetchJson(url: string, signal: AbortSignal): Promise<unknown> {
  const outcome = await (takeDownload(url) ?? readJson(url, signal));
  switch (outcome.kind) {
    case 'json':
      return outcome.value;
    case 'unreachable':
      throw new DatasetFetchError(`Could not reach ${url}`);
    case 'status':
      throw new DatasetFetchError(`${url} answered ${outcome.status} ${outcome.statusText}`.trim());
    case 'invalid':
      throw new DatasetFetchError(`${url} is not valid JSON`);
  }
}

type PointsFile = GeoJSON.FeatureCollection<GeoJSON.Point, { iso3: string; name: string }>;

export async function fetchAtlasData(
  baseUrl: string,
  dataName: string,
  signal: AbortSignal,
): Promise<AtlasData> {
  const files = dataFiles(dataName);
  const [raw, points] = await Promise.all([
    fetchJson(`${baseUrl}${files.events}`, signal),
    fetchJson(`${baseUrl}${files.countryPoints}`, signal) as Promise<PointsFile>,
  ]);
  const parsed = checkDataset(raw);
  if (!parsed.success) throw new DatasetInvalidError(describeDatasetIssues(parsed.error.issues, raw));
  const countryPoints = new Map<string, CountryPoint>();
  for (const feature of points.features ?? []) {
    const [lon, lat] = feature.geometry.coordinates as [number, number];
    countryPoints.set(feature.properties.iso3, { ...feature.properties, lon, lat });
  }
  const mapEvents = buildMapEvents(parsed.data.events, countryPoints);
  const positionById = positionsById(parsed.data.events);
  const context = viewContextFor(parsed.data, countryPoints.keys(), positionById);
  return { dataset: parsed.data, countryPoints, mapEvents, positionById, context };
}

/**
 * `onLoaded` runs as soon as the data is in, before React renders anything with it (the map made
 * while the data loaded starts drawing it then).
 */
export const atlasDataQuery = (baseUrl: string, dataName: string, onLoaded?: (data: AtlasData) => void) =>
  queryOptions({
    queryKey: ['atlas-data', baseUrl, dataName],
    queryFn: async ({ signal }) => {
      const data = await fetchAtlasData(baseUrl, dataName, signal);
      onLoaded?.(data);
      return data;
    },
    staleTime: Number.POSITIVE_INFINITY,
    // A broken dataset will not fix itself; a network blip might, once.
    retry: (count, error) => !(error instanceof DatasetInvalidError) && count < 1,
  });
