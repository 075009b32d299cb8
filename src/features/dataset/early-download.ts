// The data's download and parsing, started by the page's first script (boot.ts) and taken by the
// dataset query once the app has loaded. A preload only fetched the file: its parsing waited for
// the app's code, then for the map's construction and the app's evaluation ahead of it on the
// main thread, so at 5,000 events the events reached MapLibre's worker 300 to 400 ms after the
// file had arrived. Parsed as it arrives, the data is ready when the app's code is.

/** What reading a JSON file came to, kept as a value so the query can report it in its words. */
export type JsonOutcome =
  | { kind: 'json'; value: unknown }
  | { kind: 'unreachable' }
  | { kind: 'status'; status: number; statusText: string }
  | { kind: 'invalid' };

const started = new Map<string, Promise<JsonOutcome>>();

/** Fetches and parses `url`; a fetch aborted by `signal` rejects with the abort, as fetch does. */
export async function readJson(url: string, signal?: AbortSignal): Promise<JsonOutcome> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    return { kind: 'unreachable' };
  }
  if (!response.ok) return { kind: 'status', status: response.status, statusText: response.statusText };
  try {
    return { kind: 'json', value: await response.json() };
  } catch (error) {
    if (signal?.aborted) throw error;
    return { kind: 'invalid' };
  }
}

export function startDownload(url: string): void {
  if (!started.has(url)) started.set(url, readJson(url));
}

/** The download started for `url`, once: a second read (a retry) fetches the file again. */
export function takeDownload(url: string): Promise<JsonOutcome> | undefined {
  const download = started.get(url);
  started.delete(url);
  return download;
}
