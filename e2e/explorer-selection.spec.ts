import {
  drawnEventIds,
  drawnValues,
  eventTable,
  loadDataset,
  openAtlas,
  showFilters,
  viewParams,
  waitForMapState,
} from './support/atlas-driver.ts';
import { expect, test } from './support/test.ts';

test('a keyboard alone selects an event from the table and closes its details with Escape', async ({
  page,
}) => {
  const dataset = await loadDataset(page);
  await openAtlas(page);
  const firstRow = eventTable(page).locator('tbody tr[data-event-id]').first();
  const id = (await firstRow.getAttribute('data-event-id')) as string;
  const event = dataset.events.find((e) => e.id === id);
  await firstRow.focus();
  await page.keyboard.press('Enter');
  const details = page.getByRole('complementary', { name: event?.title });
  await expect(details).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`event=${id}`));
  await expect(firstRow).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
  expect(viewParams(page).get('event')).toBeNull();
});

test('the details panel tells the date honestly and links its sources in a new tab', async ({ page }) => {
  await openAtlas(page, { event: 'joint-sea-2021' });
  const details = page.getByRole('complementary', { name: 'Joint Sea-2021' });
  await expect(details).toContainText('14–17 October 2021');
  await expect(details).toContainText('Russia');
  const links = details.getByRole('list', { name: 'Sources' }).getByRole('link');
  expect(await links.count()).toBeGreaterThan(0);
  for (const link of await links.all()) {
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('href', /^https?:\/\//);
  }
  await openAtlas(page, { event: 'china-africa-military-medicine-forum-2021' });
  await expect(page.getByRole('complementary', { name: /China–Africa/ })).toContainText(
    /Cameroon.*and 18 more African countries, not named/s,
  );
  await openAtlas(page, { event: 'vaccine-aid-2021-other-countries' });
  await expect(page.getByRole('complementary', { name: /vaccine aid/i })).toContainText(
    '2021, date not reported',
  );
});

test('clicking an event point on the map selects it', async ({ page }) => {
  // Zoomed in on it, where it overlaps no other event (a click on a stack lists them instead).
  await openAtlas(page, { map: '6/42.75/131.75' });
  const point = await page.evaluate(() => {
    const map = window.__atlas?.map;
    const feature = map
      ?.queryRenderedFeatures({ layers: ['event-points'] })
      .find((f) => window.__atlas?.atlas.eventIdsOf([f])[0] === 'joint-sea-2021');
    if (!map || !feature || feature.geometry.type !== 'Point') return null;
    const p = map.project(feature.geometry.coordinates as [number, number]);
    const box = map.getCanvas().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  });
  expect(point).not.toBeNull();
  await page.mouse.click(point?.x ?? 0, point?.y ?? 0);
  await expect(page).toHaveURL(/event=/);
  await expect(page.locator('aside.details')).toBeVisible();
});

test('selecting a country lists its events and draws lines from China', async ({ page }) => {
  const dataset = await loadDataset(page);
  await openAtlas(page, { country: 'VNM' });
  const vietnam = dataset.events.filter((e) => e.partners.some((p) => p.iso3 === 'VNM'));
  const panel = page.getByRole('complementary', { name: /Vietnam/ });
  await expect(panel).toBeVisible();
  for (const event of vietnam) await expect(panel).toContainText(event.title);
  await waitForMapState(page);
  const linkCount = await page.evaluate(
    () => window.__atlas?.map.queryRenderedFeatures({ layers: ['links'] }).length ?? 0,
  );
  expect(linkCount).toBeGreaterThan(0);
});

test('the selected country, and no other, is outlined on the map until the selection closes', async ({
  page,
}) => {
  const outlined = () => drawnValues(page, 'country-selected', 'iso3');
  await openAtlas(page, { country: 'VNM' });
  await expect.poll(outlined).toEqual(['VNM']);
  await page.getByRole('complementary', { name: /Vietnam/ }).focus();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('complementary', { name: /Vietnam/ })).toBeHidden();
  await waitForMapState(page);
  await expect.poll(outlined).toEqual([]);
  await openAtlas(page, { country: 'PAK' });
  await expect.poll(outlined).toEqual(['PAK']);
});

test('a selected event that the search does not find is not drawn, and is again once it does', async ({
  page,
}) => {
  const selectedDrawn = () => drawnEventIds(page, 'event-selected');
  await openAtlas(page, { event: 'joint-sea-2021', q: 'sea' });
  await expect.poll(selectedDrawn).toEqual(['joint-sea-2021']);
  await showFilters(page);
  const search = page.getByRole('searchbox', { name: /search/i });
  await search.fill('peace mission');
  await waitForMapState(page);
  await expect.poll(selectedDrawn).toEqual([]);
  await search.fill('joint sea');
  await waitForMapState(page);
  await expect.poll(selectedDrawn).toEqual(['joint-sea-2021']);
});
