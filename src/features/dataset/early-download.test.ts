import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatasetFetchError, fetchAtlasData } from './dataset-query.ts';
import { readJson, startDownload, takeDownload } from './early-download.ts';

// The page's first script starts the data's download and parsing; the dataset query takes it.
// fetch is a stand-in here: each test says what the network answers.

const file = (name: string) => readFileSync(new URL(`../../../public/data/${name}`, import.meta.url), 'utf8');

function answering(bodies: Record<string, string | number | Error>) {
  const fetch = vi.fn(async (url: string) => {
    const body = bodies[url];
    if (body === undefined || body instanceof Error) throw body ?? new TypeError('Failed to fetch');
    if (typeof body === 'number') return new Response('', { status: body, statusText: 'Not Found' });
    return new Response(body, { status: 200 });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => {
  vi.unstubAllGlobals();
  takeDownload('/data/events.json');
  takeDownload('/data/country-points.json');
});

describe('readJson', () => {
  it('says what the file came to: its value, no answer, an error status, or not JSON', async () => {
    answering({ '/ok.json': '{"a":1}', '/missing.json': 404, '/broken.json': '{"a":' });
    expect(await readJson('/ok.json')).toEqual({ kind: 'json', value: { a: 1 } });
    expect(await readJson('/missing.json')).toEqual({ kind: 'status', status: 404, statusText: 'Not Found' });
    expect(await readJson('/broken.json')).toEqual({ kind: 'invalid' });
    expect(await readJson('/offline.json')).toEqual({ kind: 'unreachable' });
  });

  it('rejects with the abort when its signal aborted the fetch', async () => {
    const abort = new DOMException('aborted', 'AbortError');
    answering({ '/ok.json': abort });
    const controller = new AbortController();
    controller.abort();
    await expect(readJson('/ok.json', controller.signal)).rejects.toBe(abort);
  });
});

describe('a download started early', () => {
  it('is handed over once: a second read (a retry) fetches again', async () => {
    const fetch = answering({ '/data/events.json': '{"a":1}' });
    startDownload('/data/events.json');
    startDownload('/data/events.json');
    expect(fetch).toHaveBeenCalledTimes(1);
    const download = takeDownload('/data/events.json');
    expect(await download).toEqual({ kind: 'json', value: { a: 1 } });
    expect(takeDownload('/data/events.json')).toBeUndefined();
  });

  it('is what the dataset query reads: the files are fetched once, and the data checked as ever', async () => {
    const fetch = answering({
      '/data/events.json': file('events.json'),
      '/data/country-points.json': file('country-points.json'),
    });
    startDownload('/data/events.json');
    startDownload('/data/country-points.json');
    const data = await fetchAtlasData('/', 'events', new AbortController().signal);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(data.dataset.events.length).toBeGreaterThan(30);
    expect(data.mapEvents.points.features.length).toBeGreaterThan(30);
  });

  it('reports a failed early download in the query’s own words', async () => {
    answering({ '/data/events.json': 404, '/data/country-points.json': file('country-points.json') });
    startDownload('/data/events.json');
    startDownload('/data/country-points.json');
    const query = fetchAtlasData('/', 'events', new AbortController().signal);
    await expect(query).rejects.toBeInstanceOf(DatasetFetchError);
    await expect(query).rejects.toThrow('/data/events.json answered 404 Not Found');
  });
});
