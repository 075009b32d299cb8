import { queryOptions, useQuery } from '@tanstack/react-query';
import { checkDataset } from '../../domain/dataset-check.ts';
import type { CountryPoint } from '../../domain/event-features.ts';
import type { Dataset, DatasetProblem } from '../../domain/event-schema.ts';
import { describeDatasetIssues } from '../../domain/event-schema.ts';
import { dataFiles } from './data-name.ts';

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
}

async function fetchJson(url: string, signal: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new DatasetFetchError(`Could not reach ${url}`);
  }
  if (!response.ok)
    throw new DatasetFetchError(`${url} answered ${response.status} ${response.statusText}`.trim());
  try {
    return await response.json();
  } catch {
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
  return { dataset: parsed.data, countryPoints };
}

export const atlasDataQuery = (baseUrl: string, dataName: string) =>
  queryOptions({
    queryKey: ['atlas-data', baseUrl, dataName],
    queryFn: ({ signal }) => fetchAtlasData(baseUrl, dataName, signal),
    staleTime: Number.POSITIVE_INFINITY,
    // A broken dataset will not fix itself; a network blip might, once.
    retry: (count, error) => !(error instanceof DatasetInvalidError) && count < 1,
  });

export function useAtlasData(dataName = 'events') {
  return useQuery(atlasDataQuery(import.meta.env.BASE_URL, dataName));
}
