import type { DatasetFile } from './support/atlas-driver.ts';
import {
  countryPointsFile,
  hiddenPlaces,
  loadDataset,
  mapCamera,
  openAtlas,
  waitForCameraStill,
  waitForMapResized,
} from './support/atlas-driver.ts';
import { expect, test } from './support/test.ts';

// A shared link opens on a selection while the layout is still settling (at 1920 px the filter
// rail opens after the map is made): the selection must end up framed in the layout the reader
// sees, clear of the details, the legend, the controls and the rails.

type Places = Record<string, [number, number]>;

function countryPlaces(points: Map<string, [number, number]>, iso3s: string[]): Places {
  return Object.fromEntries(
    iso3s.map((iso3) => {
      const point = points.get(iso3);
      if (!point) throw new Error(`no point for ${iso3}`);
      return [iso3, point];
    }),
  );
}

function eventPlace(event: DatasetFile['events'][number]): Places {
  return event.location ? { [`${event.id} (place)`]: [event.location.lon, event.location.lat] } : {};
}

for (const size of [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
]) {
  test(`at ${size.width}×${size.height} ?event= frames its place, China and every partner in the free map`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    const dataset = await loadDataset(page);
    const points = await countryPointsFile(page);
    const event = dataset.events.find((e) => e.id === 'peace-mission-2021');
    if (!event) throw new Error('no peace-mission-2021');
    await openAtlas(page, { event: event.id });
    await expect(page.getByRole('complementary', { name: event.title })).toBeVisible();
    const places = {
      ...countryPlaces(points, ['CHN', ...event.partners.map((p) => p.iso3)]),
      ...eventPlace(event),
    };
    await expect.poll(() => hiddenPlaces(page, places), { timeout: 20_000 }).toEqual([]);
  });

  test(`at ${size.width}×${size.height} ?country= frames the country, China and its events' places in the free map`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    const dataset = await loadDataset(page);
    const points = await countryPointsFile(page);
    await openAtlas(page, { country: 'RUS' });
    await expect(page.getByRole('complementary', { name: 'Russia' })).toBeVisible();
    const events = dataset.events.filter((e) => e.partners.some((p) => p.iso3 === 'RUS'));
    const places = {
      ...countryPlaces(points, ['CHN', 'RUS']),
      ...Object.assign({}, ...events.map(eventPlace)),
    };
    await expect.poll(() => hiddenPlaces(page, places), { timeout: 20_000 }).toEqual([]);
  });
}

test('once a person has moved the map, a panel folding does not pull it back to the framing', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const points = await countryPointsFile(page);
  await openAtlas(page, { event: 'peace-mission-2021' });
  const places = countryPlaces(points, ['CHN', 'RUS']);
  await expect.poll(() => hiddenPlaces(page, places), { timeout: 20_000 }).toEqual([]);
  await waitForCameraStill(page);

  // Drag China out of the free map, far to the right, under the details.
  const map = await page.locator('[data-map-state]').boundingBox();
  if (!map) throw new Error('no map box');
  const start = { x: map.x + map.width * 0.3, y: map.y + map.height * 0.5 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(start.x + i * 50, start.y + i * 5);
  await page.mouse.up();
  await waitForCameraStill(page);
  const moved = await mapCamera(page);
  expect(await hiddenPlaces(page, places)).not.toEqual([]);

  await page.getByRole('button', { name: /^Event list/ }).click();
  await waitForMapResized(page);
  const after = await mapCamera(page);
  expect(after.zoom).toBeCloseTo(moved.zoom, 2);
  expect(after.lon).toBeCloseTo(moved.lon, 1);
  expect(after.lat).toBeCloseTo(moved.lat, 1);
});
