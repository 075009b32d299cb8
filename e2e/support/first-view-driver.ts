import { waitForMapState } from './atlas-driver.ts';
import type { Page } from './test.ts';
import { expect } from './test.ts';

/**
 * Opens `url` with the events held back, marks the map drawn in the loading layout, lets the
 * events through and checks that the explorer shows that same map (not one made again).
 */
export async function expectEarlyMapAdopted(page: Page, url: string) {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/data/events.json', async (route) => {
    await held;
    await route.fallback();
  });
  await page.goto(url);
  await expect(page.getByRole('status')).toContainText('Loading the events');
  const earlyCanvas = page.locator('#loading-shell .map canvas');
  await expect(earlyCanvas).toBeVisible({ timeout: 60_000 });
  await earlyCanvas.evaluate((canvas) => {
    canvas.dataset.madeEarly = 'yes';
  });

  release();
  await waitForMapState(page);
  await expect(page.locator('#loading-shell')).toHaveCount(0);
  await expect(page.locator('[data-map-state]')).toHaveCount(1);
  await expect(page.locator('.map canvas')).toHaveAttribute('data-made-early', 'yes');
  await expect(page.getByRole('status').filter({ hasText: /\d+ of \d+ events/ })).toBeVisible();
}

/**
 * Opens `url` with the code that makes the early map held back until the events are in and the
 * app has had time to render, then checks that the page made one map, in the loading layout: the
 * explorer waited for that map and took it over rather than making its own after the data.
 */
export async function expectOneMapWhenDataComesFirst(page: Page, url: string) {
  await page.addInitScript(() => {
    const counted = window as unknown as { __maps: string[] };
    counted.__maps = [];
    const getContext = HTMLCanvasElement.prototype.getContext as (
      this: HTMLCanvasElement,
      kind: string,
      options?: unknown,
    ) => RenderingContext | null;
    HTMLCanvasElement.prototype.getContext = function (
      this: HTMLCanvasElement,
      kind: string,
      options?: unknown,
    ) {
      if (/^webgl/.test(kind) && this.classList.contains('maplibregl-canvas'))
        counted.__maps.push(this.closest('#loading-shell') ? 'loading layout' : 'view');
      return getContext.call(this, kind, options);
    } as typeof HTMLCanvasElement.prototype.getContext;
  });
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/assets\/early-map-[^/]*\.js$/, async (route) => {
    await held;
    await route.fallback();
  });
  const eventsIn = page.waitForResponse(/\/data\/events\.json$/);
  await page.goto(url);
  await eventsIn;
  // Long enough for the app chunk to run and render; a view that does not wait makes its map here.
  await page.waitForTimeout(1_000);
  release();
  await waitForMapState(page);
  await expect(page.locator('#loading-shell')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: /\d+ of \d+ events/ })).toBeVisible();
  const maps = await page.evaluate(() => (window as unknown as { __maps: string[] }).__maps);
  expect(maps).toEqual(['loading layout']);
}
