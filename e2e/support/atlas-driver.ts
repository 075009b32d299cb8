import type { Page } from './test.ts';
import { expect } from './test.ts';

// Domain actions on the app, so specs read as what a person does.

export type MapState = 'loading' | 'ready' | 'error' | 'unsupported';

export interface DatasetFile {
  themes: { id: number; title: string }[];
  events: {
    id: string;
    title: string;
    theme: number;
    kind: string;
    format: string;
    date: { start: string; end: string; precision: string };
    location?: { name: string; lon: number; lat: number };
    partners: { iso3: string; name: string; basis: string }[];
  }[];
}

/**
 * Ids of the events the map can draw, sorted: one with no place is drawn at its partners, and one
 * with neither is listed but not drawn.
 */
export function drawableIds(events: DatasetFile['events']): string[] {
  return events
    .filter((e) => e.location || e.partners.length > 0)
    .map((e) => e.id)
    .sort();
}

export function atlasUrl(params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return query ? `./?${query}` : './';
}

export async function loadDataset(page: Page): Promise<DatasetFile> {
  const response = await page.request.get('data/events.json');
  return (await response.json()) as DatasetFile;
}

export async function openAtlas(page: Page, params: Record<string, string> = {}, state: MapState = 'ready') {
  await page.goto(atlasUrl(params));
  await waitForMapState(page, state);
}

export async function waitForMapState(page: Page, state: MapState = 'ready') {
  await expect(page.locator('[data-map-state]')).toHaveAttribute('data-map-state', state, {
    timeout: 30_000,
  });
}

/** Ids of the events drawn on the map right now, from MapLibre's rendered features. */
export async function renderedEventIds(page: Page): Promise<string[]> {
  await waitForMapState(page, 'ready');
  return page.evaluate(() => {
    const map = window.__atlas?.map;
    if (!map) throw new Error('the map is not exposed on window.__atlas');
    const features = map.queryRenderedFeatures({ layers: ['event-points'] });
    return [...new Set(features.map((f) => String(f.properties.eventId)))].sort();
  });
}

export const eventTable = (page: Page) => page.getByRole('table', { name: 'Events' });

/** Titles in the event table's body, in the order shown. */
export async function tableTitles(page: Page): Promise<string[]> {
  const rows = eventTable(page).locator('tbody tr[data-event-id]');
  return rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-event-id') ?? ''));
}

export const countStatus = (page: Page) => page.getByRole('status').filter({ hasText: / of \d+ events$/ });

export async function expectCount(page: Page, shown: number, total: number) {
  await expect(countStatus(page)).toHaveText(`${shown} of ${total} events`);
}

export function viewParams(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

export function overlaps(event: DatasetFile['events'][number], from: string, to: string): boolean {
  return event.date.end >= from && event.date.start <= to;
}
