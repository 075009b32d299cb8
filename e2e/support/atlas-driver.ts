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

/** The live map's camera, as the `map` URL parameter writes it: zoom, latitude, longitude. */
export async function mapCamera(page: Page): Promise<{ zoom: number; lat: number; lon: number }> {
  return page.evaluate(() => {
    const map = window.__atlas?.map;
    if (!map) throw new Error('the map is not exposed on window.__atlas');
    const center = map.getCenter().wrap();
    return { zoom: map.getZoom(), lat: center.lat, lon: center.lng };
  });
}

/** Whether a place is inside the map's canvas right now. */
export async function isOnMap(page: Page, lon: number, lat: number): Promise<boolean> {
  return page.evaluate(
    ([lon, lat]) => {
      const map = window.__atlas?.map;
      if (!map) throw new Error('the map is not exposed on window.__atlas');
      const p = map.project([lon as number, lat as number]);
      const canvas = map.getCanvas();
      return p.x >= 0 && p.y >= 0 && p.x <= canvas.clientWidth && p.y <= canvas.clientHeight;
    },
    [lon, lat],
  );
}

/** Waits until the camera has stopped (a framing the app made has been written to the URL). */
export async function waitForCameraAtRest(page: Page) {
  await expect.poll(() => page.evaluate(() => window.__atlas?.map.isMoving() ?? false)).toBe(false);
  await waitForMapState(page, 'ready');
}

/** Opens the filter column where it starts folded (below 1440 px wide the map gets the room). */
export async function showFilters(page: Page) {
  const toggle = page
    .getByRole('complementary', { name: 'Filters' })
    .getByRole('button', { name: /^Filters/ });
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The page's regions as drawn now, by the names a screen reader hears; hidden ones left out. */
export async function regionBoxes(page: Page): Promise<Record<string, Box>> {
  return page.evaluate(() => {
    const boxes: Record<string, { x: number; y: number; width: number; height: number }> = {};
    const add = (name: string, el: Element | null) => {
      const r = el?.getBoundingClientRect();
      if (r && r.width > 0 && r.height > 0)
        boxes[name] = { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    add('Filters', document.querySelector('[aria-label="Filters"]'));
    add('map', document.querySelector('.map-frame'));
    add('Timeline', document.querySelector('[aria-label="Timeline"]'));
    add('Event list', document.querySelector('[aria-label="Event list"]'));
    return boxes;
  });
}

export function boxesOverlap(a: Box, b: Box): boolean {
  // Shared edges (a 1 px border) are not an overlap.
  const tolerance = 1;
  return (
    a.x + a.width - tolerance > b.x &&
    b.x + b.width - tolerance > a.x &&
    a.y + a.height - tolerance > b.y &&
    b.y + b.height - tolerance > a.y
  );
}

/** Waits until the camera has stopped and the map has drawn what it shows. */
export async function waitForCameraStill(page: Page) {
  await expect
    .poll(() => page.evaluate(() => window.__atlas?.map.isMoving() === false), { timeout: 20_000 })
    .toBe(true);
  await waitForMapState(page, 'ready');
}

/** Where a longitude/latitude is on the page, in page pixels. */
export async function pagePoint(page: Page, lonLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((lngLat) => {
    const map = window.__atlas?.map;
    if (!map) throw new Error('no map');
    const p = map.project(lngLat);
    const r = map.getContainer().getBoundingClientRect();
    return { x: r.x + p.x, y: r.y + p.y };
  }, lonLat);
}

export async function countryPointsFile(page: Page): Promise<Map<string, [number, number]>> {
  const response = await page.request.get('data/country-points.json');
  const json = (await response.json()) as {
    features: { properties: { iso3: string }; geometry: { coordinates: [number, number] } }[];
  };
  return new Map(json.features.map((f) => [f.properties.iso3, f.geometry.coordinates]));
}

/** Unfolds the embed's event list (folded by default, so the embed stays short in an article). */
export async function showEmbedList(scope: Pick<Page, 'getByRole'>) {
  const toggle = scope.getByRole('button', { name: /the event list/ });
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
}
