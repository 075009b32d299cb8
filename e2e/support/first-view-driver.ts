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
  // Long enough for the app chunk to run and render; a view that does not wait makes its map here.
  await openWithEarlyMapAfterData(page, url, 1_000);
  await expect(page.getByRole('status').filter({ hasText: /\d+ of \d+ events/ })).toBeVisible();
  const maps = await page.evaluate(() => (window as unknown as { __maps: string[] }).__maps);
  expect(maps).toEqual(['loading layout']);
}

/**
 * Opens `url` with the early map's code held back until the events are in (so the data's shape
 * is known before the map is made), optionally with one event of the real data dated only to its
 * month, and checks that the map's canvas had one size from the loading layout to the view: the
 * loading layout was given the timeline's height for this data, and the view resized nothing.
 */
export async function expectMapMadeAtFinalSize(
  page: Page,
  url: string,
  { monthOnly }: { monthOnly: boolean },
) {
  await page.addInitScript(() => {
    const sizes: string[] = [];
    (window as unknown as { __canvasSizes: string[] }).__canvasSizes = sizes;
    const note = (canvas: HTMLCanvasElement) => {
      const size = `${canvas.width}×${canvas.height}`;
      if (sizes.at(-1) !== size) sizes.push(size);
    };
    new MutationObserver((records) => {
      for (const record of records) {
        const canvas = record.target as Element;
        if (canvas instanceof HTMLCanvasElement && canvas.classList.contains('maplibregl-canvas'))
          note(canvas);
        for (const added of record.addedNodes)
          if (added instanceof Element)
            for (const found of added.querySelectorAll<HTMLCanvasElement>('canvas.maplibregl-canvas'))
              note(found);
      }
    }).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['width', 'height'],
    });
  });
  await page.route('**/data/events.json', async (route) => {
    const response = await route.fetch();
    const dataset = (await response.json()) as {
      events: { date: { start: string; end: string; precision: string } }[];
    };
    if (monthOnly) {
      const dated = dataset.events.find((event) => event.date.precision === 'day');
      if (!dated) throw new Error('the data has no event dated to the day');
      const [year, month] = dated.date.start.split('-').map(Number) as [number, number];
      const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
      const prefix = dated.date.start.slice(0, 8);
      dated.date = { ...dated.date, start: `${prefix}01`, end: `${prefix}${lastDay}`, precision: 'month' };
    }
    await route.fulfill({ response, json: dataset });
  });
  // Long enough for the data to be parsed and offered to a waiting map (none yet).
  await openWithEarlyMapAfterData(page, url, 500);
  await expect(page.locator('.timeline-lane-marks')).toHaveCount(monthOnly ? 1 : 0);
  const sizes = await page.evaluate(() => (window as unknown as { __canvasSizes: string[] }).__canvasSizes);
  expect(sizes).toHaveLength(1);
}

/**
 * Opens `url` with the code that makes the early map held back until the events are in and
 * `waitMs` more have passed, then waits for the view's map and for the loading layout to go.
 */
async function openWithEarlyMapAfterData(page: Page, url: string, waitMs: number) {
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
  await page.waitForTimeout(waitMs);
  release();
  await waitForMapState(page);
  await expect(page.locator('#loading-shell')).toHaveCount(0);
}
