import {
  embedSnippetSrc,
  expectCount,
  isOnMap,
  linesSwitch,
  loadDataset,
  mapCamera,
  openAtlas,
  renderedNetworkLines,
  settledTableTitles,
  showFilters,
  viewParams,
  waitForCameraAtRest,
  waitForMapState,
} from './support/atlas-driver.ts';
import { expect, test } from './support/test.ts';

test('the URL round trip: set a view, reload, the same view', async ({ page }) => {
  const dataset = await loadDataset(page);
  await openAtlas(page);
  await showFilters(page);
  await page
    .getByRole('group', { name: 'Kind' })
    .getByRole('checkbox', { name: /^Exercise/ })
    .check();
  await page.getByRole('searchbox', { name: /search/i }).fill('russia');
  const titles = await settledTableTitles(page);
  await eventRow(page, titles[0] as string).click();
  await page.waitForURL(/event=/);
  // Selecting may frame the event clear of its details panel; that framing is part of the view.
  await waitForCameraAtRest(page);
  const before = viewParams(page).toString();
  expect(before).toContain('kind=exercise');
  await page.reload();
  await expectCount(page, titles.length, dataset.events.length);
  expect(await settledTableTitles(page)).toEqual(titles);
  await expect(
    page.getByRole('group', { name: 'Kind' }).getByRole('checkbox', { name: /^Exercise/ }),
  ).toBeChecked();
  await expect(page.getByRole('searchbox', { name: /search/i })).toHaveValue('russia');
  expect(viewParams(page).toString()).toBe(before);
});

test('the URL writes only what differs from the defaults, and a map camera survives a reload', async ({
  page,
}) => {
  await openAtlas(page, { map: '3/30/100' });
  expect(viewParams(page).get('map')).toBe('3/30/100');
  const zoom = await page.evaluate(() => window.__atlas?.map.getZoom());
  expect(zoom).toBeCloseTo(3, 1);
  await openAtlas(page);
  await showFilters(page);
  expect(viewParams(page).toString()).toBe('');
});

test('a framing the app makes for a selection is written to the link, and the link keeps it', async ({
  page,
}) => {
  const dataset = await loadDataset(page);
  // Zoomed in on Moscow; then pick the event placed farthest from it, off the screen.
  await openAtlas(page, { map: '5/55.75/37.6' });
  const located = dataset.events.filter((e) => e.location);
  const far = located.reduce((a, b) =>
    Math.hypot((b.location?.lon ?? 0) - 37.6, (b.location?.lat ?? 0) - 55.75) >
    Math.hypot((a.location?.lon ?? 0) - 37.6, (a.location?.lat ?? 0) - 55.75)
      ? b
      : a,
  );
  const place = far.location as { lon: number; lat: number };
  expect(await isOnMap(page, place.lon, place.lat)).toBe(false);
  await showFilters(page);
  await page.getByRole('searchbox', { name: /search/i }).fill(far.title);
  await eventRow(page, far.id).click();
  await expect.poll(() => isOnMap(page, place.lon, place.lat)).toBe(true);
  await expect.poll(() => viewParams(page).get('map')).not.toBe('5/55.75/37.6');
  await waitForMapState(page);
  const framed = await mapCamera(page);
  const link = viewParams(page).get('map') as string;
  const [zoom, lat, lon] = link.split('/').map(Number) as [number, number, number];
  expect(zoom).toBeCloseTo(framed.zoom, 1);
  expect(lat).toBeCloseTo(framed.lat, 1);
  expect(lon).toBeCloseTo(framed.lon, 1);
  await page.reload();
  await waitForMapState(page);
  expect(await isOnMap(page, place.lon, place.lat)).toBe(true);
  expect((await mapCamera(page)).zoom).toBeCloseTo(framed.zoom, 1);
});

test('garbage in every parameter still gives a working app, with a notice', async ({ page }) => {
  const dataset = await loadDataset(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openAtlas(page, {
    from: '2021-13-45',
    to: 'yesterday',
    undated: 'maybe',
    theme: '99,abc',
    kind: 'party',
    format: '<b>x</b>',
    basis: 'none',
    q: 'x'.repeat(5000),
    country: 'ZZZ',
    event: '<script>alert(1)</script>',
    map: 'NaN/abc/1000',
  });
  await expect(page.getByText(/could not be read and were ignored/)).toHaveText(
    'Some settings in this link could not be read and were ignored: from, to, undated, theme, kind, format, basis, q, country, event, map.',
  );
  // Every unreadable value fell back to its default; only the search (cut to its longest) is kept,
  // and no event's text holds a hundred x's.
  await expect.poll(() => viewParams(page).toString()).toBe(`q=${'x'.repeat(100)}`);
  await showFilters(page);
  await expect(page.getByRole('searchbox', { name: /search/i })).toHaveValue('x'.repeat(100));
  await expectCount(page, 0, dataset.events.length);
  await page.getByRole('searchbox', { name: /search/i }).fill('');
  await expectCount(page, dataset.events.length, dataset.events.length);
  expect(errors).toEqual([]);
});

function eventRow(page: import('./support/test.ts').Page, id: string) {
  return page.locator(`tr[data-event-id="${id}"]`);
}

test('"Lines to partners" is part of the shared view: lines=1 in the link, the embed code and after a reload', async ({
  page,
}) => {
  await openAtlas(page);
  expect(viewParams(page).has('lines')).toBe(false);
  expect(await renderedNetworkLines(page)).toBe(0);
  await linesSwitch(page).check();
  await expect(page).toHaveURL(/[?&]lines=1(&|$)/);
  // The lines reach the map through its worker: drawn a moment after the switch.
  await expect.poll(() => renderedNetworkLines(page)).toBeGreaterThan(0);
  expect(new URL(await embedSnippetSrc(page)).searchParams.get('lines')).toBe('1');

  await page.reload();
  await waitForMapState(page);
  await expect(linesSwitch(page)).toBeChecked();
  await expect.poll(() => renderedNetworkLines(page)).toBeGreaterThan(0);
  await linesSwitch(page).uncheck();
  await expect(page).not.toHaveURL(/lines=/);
});
