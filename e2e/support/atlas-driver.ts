import type { Page } from './test.ts';
import { expect } from './test.ts';

// Domain actions on the app, so specs read as what a person does.

export type MapState = 'loading' | 'ready' | 'error' | 'unsupported';

export function atlasUrl(params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return query ? `./?${query}` : './';
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
  return page.evaluate(() => {
    const map = window.__atlas?.map;
    if (!map) throw new Error('the map is not exposed on window.__atlas');
    const features = map.queryRenderedFeatures({ layers: ['event-points'] });
    return [...new Set(features.map((f) => String(f.properties.eventId)))].sort();
  });
}
