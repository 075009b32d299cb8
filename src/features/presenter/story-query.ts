import { queryOptions, useQuery } from '@tanstack/react-query';
import type { StoryCaptions } from '../../domain/story-steps.ts';
import { storyCaptionsSchema } from '../../domain/story-steps.ts';

/** The curated captions; a dataset without them (a synthetic one) still gets a derived story. */
async function fetchStoryCaptions(
  baseUrl: string,
  dataName: string,
  signal: AbortSignal,
): Promise<StoryCaptions> {
  if (dataName !== 'events') return {};
  try {
    const response = await fetch(`${baseUrl}data/story.json`, { signal });
    if (!response.ok) return {};
    const parsed = storyCaptionsSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function useStoryCaptions(dataName: string) {
  return useQuery(
    queryOptions({
      queryKey: ['story-captions', import.meta.env.BASE_URL, dataName],
      queryFn: ({ signal }) => fetchStoryCaptions(import.meta.env.BASE_URL, dataName, signal),
      staleTime: Number.POSITIVE_INFINITY,
    }),
  );
}
