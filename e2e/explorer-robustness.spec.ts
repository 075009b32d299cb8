import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium.ts';
import {
  eventTable,
  expectCount,
  loadDataset,
  openAtlas,
  showFilters,
  tableTitles,
  waitForMapState,
} from './support/atlas-driver.ts';
import { seriousViolations } from './support/axe.ts';
import { expect, test } from './support/test.ts';

test('a failed fetch shows an error panel whose retry recovers', async ({ page }) => {
  let fail = true;
  await page.route('**/data/events.json', (route) =>
    fail ? route.fulfill({ status: 503, body: 'down' }) : route.fallback(),
  );
  await page.goto('./');
  await expect(page.getByRole('alert')).toContainText('could not be loaded');
  await waitForMapState(page, 'error');
  fail = false;
  await page.getByRole('button', { name: 'Retry' }).click();
  await waitForMapState(page, 'ready');
});

test('invalid data names the events and fields that are wrong', async ({ page }) => {
  await page.route('**/data/events.json', async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    json.events[0].date.precision = 'week';
    json.events[1].sources[0].url = 'javascript:alert(1)';
    await route.fulfill({ response, json });
  });
  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('date.precision');
  await expect(alert).toContainText('sources.0.url');
});

test('the WebGL context comes back with its layers and selection', async ({ page }) => {
  await openAtlas(page, { event: 'joint-sea-2021' });
  await page.evaluate(() => {
    const gl = window.__atlas?.map.getCanvas().getContext('webgl2');
    const ext = gl?.getExtension('WEBGL_lose_context');
    ext?.loseContext();
    setTimeout(() => ext?.restoreContext(), 300);
  });
  await page.waitForTimeout(800);
  await waitForMapState(page, 'ready');
  // The points, and the selected event drawn over them by its own layer.
  const drawn = await page.evaluate(() => {
    const atlas = window.__atlas;
    const ids = (layer: string) =>
      atlas?.map.queryRenderedFeatures({ layers: [layer] }).map((f) => atlas.atlas.eventIdsOf([f])[0]);
    return { points: ids('event-points')?.length ?? 0, selected: ids('event-selected') };
  });
  expect(drawn.points).toBeGreaterThan(10);
  expect(drawn.selected).toEqual(['joint-sea-2021']);
});

test('the default view, the details panel and the phone layout have no serious accessibility violations', async ({
  page,
}) => {
  await openAtlas(page);
  expect(await seriousViolations(page)).toEqual([]);
  await openAtlas(page, { event: 'joint-sea-2021' });
  expect(await seriousViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 375, height: 667 });
  await openAtlas(page, { country: 'RUS' });
  expect(await seriousViolations(page)).toEqual([]);
});

test('without WebGL the filters, table and details still work', async ({ baseURL }) => {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumArgs, '--disable-3d-apis', '--disable-webgl'],
  });
  try {
    const page = await browser.newPage({ baseURL });
    const dataset = await loadDataset(page);
    await page.goto('./');
    await waitForMapState(page, 'unsupported');
    await expect(page.getByText(/cannot draw the interactive map/)).toBeVisible();
    await expectCount(page, dataset.events.length, dataset.events.length);
    await showFilters(page);
    await page
      .getByRole('group', { name: 'Kind' })
      .getByRole('checkbox', { name: /^Patrol/ })
      .check();
    const patrols = dataset.events
      .filter((e) => e.kind === 'patrol')
      .map((e) => e.id)
      .sort();
    // The table follows the filter a moment later (a deferred render), so wait for it.
    await expect.poll(async () => (await tableTitles(page)).sort()).toEqual(patrols);
    const firstId = (await tableTitles(page))[0] as string;
    const first = dataset.events.find((e) => e.id === firstId);
    await eventTable(page).locator(`tbody tr[data-event-id="${firstId}"]`).click();
    // The details panel names the event, and the static map marks it as the selected point.
    await expect(page.getByRole('complementary', { name: first?.title })).toBeVisible();
    await expect(page.locator(`[data-static-map] circle[data-event-id="${firstId}"]`)).toHaveAttribute(
      'aria-current',
      'true',
    );
  } finally {
    await browser.close();
  }
});
