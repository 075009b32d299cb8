import { eventTable, loadDataset, openAtlas, waitForMapState } from './support/atlas-driver.ts';
import {
  expectEarlyMapAdopted,
  expectMapMadeAtFinalSize,
  expectOneMapWhenDataComesFirst,
} from './support/first-view-driver.ts';
import type { Page } from './support/test.ts';
import { expect, test } from './support/test.ts';

// The first view is made fast by drawing the map before the app has loaded, into the static
// loading layout, and by drawing a simplified world basemap until the camera is close enough
// for the difference to show. These check that the speed costs nothing a reader would notice.

/** The basemap files the page asks for, in order (MapLibre's worker fetches them). */
function basemapRequests(page: Page): string[] {
  const files: string[] = [];
  page.on('request', (request) => {
    const file = /\/data\/(basemap(?:-world)?\.json)$/.exec(request.url())?.[1];
    if (file) files.push(file);
  });
  return files;
}

test('the map starts in the loading layout and the explorer takes that same map over', async ({ page }) => {
  await expectEarlyMapAdopted(page, './');
});

test('when the data is in before the early map, the explorer still waits for it and takes it over', async ({
  page,
}) => {
  await expectOneMapWhenDataComesFirst(page, './');
});

for (const monthOnly of [false, true]) {
  test(`a map made after the data is in is made at the size the view gives it (${monthOnly ? 'with' : 'no'} month-only events)`, async ({
    page,
  }) => {
    await expectMapMadeAtFinalSize(page, './', { monthOnly });
  });
}

test('the world view draws the simplified basemap; zooming in brings the full one, selection kept', async ({
  page,
}) => {
  const basemaps = basemapRequests(page);
  await openAtlas(page, { country: 'SGP' });
  expect(basemaps).toEqual(['basemap-world.json']);

  await page.evaluate(() => window.__atlas?.map.jumpTo({ center: [103.8, 1.35], zoom: 5 }));
  await waitForMapState(page);
  expect(basemaps).toEqual(['basemap-world.json', 'basemap.json']);
  const singapore = await page.evaluate(() => {
    const map = window.__atlas?.map;
    const drawnIn = (layer: string) =>
      (map?.queryRenderedFeatures({ layers: [layer] }) ?? []).some((f) => f.properties.iso3 === 'SGP');
    return { outlined: drawnIn('country-selected'), drawn: drawnIn('country-fill') };
  });
  expect(singapore).toEqual({ outlined: true, drawn: true });
});

test('a shared link already zoomed in starts with the full basemap, not both', async ({ page }) => {
  const basemaps: string[] = [];
  page.on('request', (request) => {
    if (/\/data\/basemap(-world)?\.json$/.test(request.url()))
      basemaps.push(request.url().replace(/.*\//, ''));
  });
  await openAtlas(page, { map: '5/1.35/103.8' });
  expect(basemaps).toEqual(['basemap.json']);
});

test('MapLibre’s worker starts before MapLibre’s own code has arrived, and it is the only one', async ({
  page,
}) => {
  const workerScript = /\/maplibre-gl-worker-[^/]*\.mjs$/;
  const workerRequests: string[] = [];
  let workerRequested: () => void = () => undefined;
  const workerSeen = new Promise<void>((resolve) => {
    workerRequested = resolve;
  });
  page.on('request', (request) => {
    if (!workerScript.test(request.url())) return;
    workerRequests.push(request.url());
    workerRequested();
  });
  // MapLibre's code is held back until its worker has been asked for (or 5 s have passed): a
  // worker started only by MapLibre could not be asked for before then. The code is told by its
  // content: the bundler's chunk names follow how the app is split, and change with it.
  let requestedWhileHeld = false;
  let held = 0;
  await page.route(/\/assets\/[^/]*\.js$/, async (route) => {
    const response = await route.fetch();
    if ((await response.text()).includes('Style is not done loading')) {
      held += 1;
      const seen = await Promise.race([
        workerSeen.then(() => true),
        page.waitForTimeout(5_000).then(() => false),
      ]);
      requestedWhileHeld ||= seen;
    }
    await route.fulfill({ response });
  });
  await openAtlas(page);
  expect(held).toBe(1);
  expect(requestedWhileHeld).toBe(true);
  expect(workerRequests).toHaveLength(1);
});

test('the event list is filled once the map is drawn, not on the first view’s way', async ({ page }) => {
  // What the list holds at the moment the map first reports ready, noted by an observer installed
  // before the page's own scripts run.
  await page.addInitScript(() => {
    const seen = window as unknown as { __listAtReady?: { rows: number; busy: string | null } };
    new MutationObserver(() => {
      if (seen.__listAtReady || document.querySelector('[data-map-state="ready"]') === null) return;
      const table = document.querySelector('table[aria-label="Events"]');
      seen.__listAtReady = {
        rows: table?.querySelectorAll('tbody tr[data-event-id]').length ?? -1,
        busy: table?.getAttribute('aria-busy') ?? null,
      };
    }).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-map-state'],
    });
  });
  const dataset = await loadDataset(page);
  await openAtlas(page);
  expect(await page.evaluate(() => (window as { __listAtReady?: unknown }).__listAtReady)).toEqual({
    rows: 0,
    busy: 'true',
  });
  // Then the list fills with every event and says it is no longer busy.
  await expect(eventTable(page)).not.toHaveAttribute('aria-busy');
  await expect(eventTable(page)).toHaveAttribute('aria-rowcount', String(dataset.events.length + 1));
  await expect(eventTable(page).locator('tbody tr[data-event-id]').first()).toBeVisible();
});
