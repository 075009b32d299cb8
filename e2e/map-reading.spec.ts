import {
  countryPointsFile,
  eventTable,
  loadDataset,
  openAtlas,
  pagePoint,
  showFilters,
  waitForCameraStill,
} from './support/atlas-driver.ts';
import { seriousViolations } from './support/axe.ts';
import { expect, test } from './support/test.ts';

const BEIJING: [number, number] = [116.4, 39.9];

test('hovering a country tells its events with China by basis; hovering a point tells its title, date and place', async ({
  page,
}) => {
  await openAtlas(page);
  const points = await countryPointsFile(page);
  const usa = points.get('USA');
  if (!usa) throw new Error('no point for the United States');
  const at = await pagePoint(page, usa);
  await page.mouse.move(at.x, at.y);
  const tooltip = page.getByRole('tooltip');
  await expect(tooltip).toContainText('United States');
  await expect(tooltip).toContainText('1 event with China');
  await expect(tooltip).toContainText('Member of a named organisation: 1 (ADMM-Plus)');

  // A point with no other within reach: the tooltip describes that one event.
  const lone = await page.evaluate(() => {
    const map = window.__atlas?.map;
    if (!map) throw new Error('no map');
    const features = map.queryRenderedFeatures({ layers: ['event-points'] });
    const placed = features.map((f) => ({
      id: String(window.__atlas?.atlas.eventIdsOf([f])[0]),
      p: map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]),
    }));
    const alone = placed.find(({ id, p }) =>
      placed.every((o) => o.id === id || Math.hypot(o.p.x - p.x, o.p.y - p.y) > 30),
    );
    if (!alone) throw new Error('every point has a neighbour');
    const r = map.getContainer().getBoundingClientRect();
    return { id: alone.id, x: r.x + alone.p.x, y: r.y + alone.p.y };
  });
  const dataset = await loadDataset(page);
  const event = dataset.events.find((e) => e.id === lone.id);
  if (!event) throw new Error(`no event ${lone.id}`);
  await page.mouse.move(lone.x, lone.y);
  await expect(tooltip).toContainText(event.title);
  // Its place, or for an event without one (aid to many countries) the partners it is drawn at.
  await expect(tooltip).toContainText(event.location?.name ?? event.partners[0]?.name ?? '');
  await expect(tooltip).toContainText(/20\d\d/);
  expect(await seriousViolations(page)).toEqual([]);
});

test('the Beijing stack says how many events it holds, and a click lists every one of them', async ({
  page,
}) => {
  const dataset = await loadDataset(page);
  const inBeijing = dataset.events.filter(
    (e) =>
      e.location &&
      Math.abs(e.location.lon - BEIJING[0]) < 0.3 &&
      Math.abs(e.location.lat - BEIJING[1]) < 0.3,
  );
  expect(inBeijing.length).toBeGreaterThanOrEqual(5);
  await openAtlas(page);
  const count = await page.evaluate(() => {
    const map = window.__atlas?.map;
    const badge = map?.queryRenderedFeatures({ layers: ['stack-count'] }).find((f) => {
      const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates as [number, number];
      return Math.abs(lon - 116.4) < 3 && Math.abs(lat - 39.9) < 3;
    });
    return Number(badge?.properties.point_count ?? 0);
  });
  expect(count).toBeGreaterThanOrEqual(inBeijing.length);

  const at = await pagePoint(page, BEIJING);
  await page.mouse.click(at.x, at.y);
  const popup = page.getByRole('dialog', { name: `${count} events here` });
  await expect(popup).toBeVisible();
  await expect(popup.getByRole('heading')).toHaveText(`${count} events here`);
  await expect(popup.getByRole('listitem')).toHaveCount(count);
  for (const event of inBeijing) await expect(popup.getByRole('button', { name: event.title })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  const chosen = inBeijing[inBeijing.length - 1];
  if (!chosen) throw new Error('no event');
  await popup.getByRole('button', { name: chosen.title }).click();
  await expect(page.getByRole('complementary', { name: chosen.title })).toBeVisible();
});

test('selecting an event leaves its place, China and every partner inside the unobscured map', async ({
  page,
}) => {
  const dataset = await loadDataset(page);
  const event = dataset.events.find((e) => e.partners.length >= 10);
  if (!event) throw new Error('no event with many partners');
  await openAtlas(page);
  const points = await countryPointsFile(page);
  await eventTable(page).locator(`tr[data-event-id="${event.id}"]`).click();
  await expect(page.getByRole('complementary', { name: event.title })).toBeVisible();
  await waitForCameraStill(page);

  const covers = await page.evaluate(() =>
    ['.details-dock > *', '.legend', '.map-controls'].map((selector) => {
      const r = document.querySelector(selector)?.getBoundingClientRect();
      return { selector, box: r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null };
    }),
  );
  const mapBox = await page.locator('[data-map-state]').boundingBox();
  if (!mapBox) throw new Error('no map box');
  const wanted = ['CHN', ...event.partners.map((p) => p.iso3)];
  for (const iso3 of wanted) {
    const point = points.get(iso3);
    if (!point) throw new Error(`no point for ${iso3}`);
    const at = await pagePoint(page, point);
    expect(at.x, `${iso3} inside the map`).toBeGreaterThan(mapBox.x);
    expect(at.x, `${iso3} inside the map`).toBeLessThan(mapBox.x + mapBox.width);
    expect(at.y, `${iso3} inside the map`).toBeGreaterThan(mapBox.y);
    expect(at.y, `${iso3} inside the map`).toBeLessThan(mapBox.y + mapBox.height);
    for (const { selector, box } of covers) {
      if (!box) continue;
      const under = at.x >= box.x && at.x <= box.x + box.width && at.y >= box.y && at.y <= box.y + box.height;
      expect(under, `${iso3} under ${selector}`).toBe(false);
    }
  }
});

test('"Skip to map" comes first, and the zoom buttons, reset and event keys work by keyboard', async ({
  page,
}) => {
  await openAtlas(page);
  const zoom = () => page.evaluate(() => window.__atlas?.map.getZoom() ?? 0);
  const world = await zoom();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to map' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  const map = page.getByRole('region', { name: 'Map of the events' });
  await expect(map).toBeFocused();
  const outline = await map.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');

  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tooltip')).toBeVisible();
  await expect(page.getByText(/^Event 1 of \d+ in view: /)).toBeAttached();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText(/^Event 2 of \d+ in view: /)).toBeAttached();
  await page.keyboard.press('Enter');
  await expect(page.locator('.details-dock')).toBeVisible();
  await page.keyboard.press('Escape');

  await waitForCameraStill(page);
  const start = await zoom();
  const zoomIn = page.getByRole('button', { name: 'Zoom in' });
  await zoomIn.focus();
  await page.keyboard.press('Enter');
  await expect.poll(zoom).toBeGreaterThan(start + 0.9);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Zoom out' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Reset view' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(zoom).toBeCloseTo(world, 1);
  await expect(page).not.toHaveURL(/[?&]map=/);
});

test("the map's labels take their Latin glyphs from the glyph ranges shipped with the site", async ({
  page,
}) => {
  const glyphRanges: { file: string; status: number }[] = [];
  page.on('response', (response) => {
    const file = /\/fonts\/glyphs\/(.+)$/.exec(new URL(response.url()).pathname)?.[1];
    if (file) glyphRanges.push({ file: decodeURIComponent(file), status: response.status() });
  });
  const glyphWarnings: string[] = [];
  page.on('console', (message) => {
    if (/glyph/i.test(message.text())) glyphWarnings.push(message.text());
  });
  await openAtlas(page);
  const partnerLabels = await page.evaluate(
    () => window.__atlas?.map.queryRenderedFeatures({ layers: ['partner-label'] }).length ?? 0,
  );
  expect(partnerLabels).toBeGreaterThan(5);
  // The names at world zoom are plain Latin: one range, served by the site, none drawn in the page.
  expect(glyphRanges).toEqual([{ file: 'noto-sans-regular/0-255.pbf', status: 200 }]);
  expect(glyphWarnings).toEqual([]);
});

test('partners reached only through a group are marked for the map, and the marks follow the view', async ({
  page,
}) => {
  await openAtlas(page);
  const marked = (iso3s: string[]) =>
    page.evaluate(
      (ids) =>
        ids.filter(
          (id) => window.__atlas?.map.getFeatureState({ source: 'countries', id })?.memberOnly === true,
        ),
      iso3s,
    );
  const countries = ['USA', 'AUS', 'KHM', 'RUS', 'PAK'];
  // The whole year: the United States and Australia take part only as ADMM-Plus members;
  // Cambodia has events of its own, Russia and Pakistan are named.
  await expect.poll(() => marked(countries)).toEqual(['USA', 'AUS']);
  await showFilters(page);
  const search = page.getByRole('searchbox', { name: 'Search countries and events' });
  await search.fill('pakistan');
  await expect.poll(() => marked(countries)).toEqual([]);
  // Russia's events include ADMM-Plus meetings but none of Cambodia's own.
  await search.fill('russia');
  await expect.poll(() => marked(countries)).toEqual(['USA', 'AUS', 'KHM']);
  await search.fill('');
  await expect.poll(() => marked(countries)).toEqual(['USA', 'AUS']);
});

test('partner labels name the partners shown; which wins a collision follows the filters, not each step of the time window', async ({
  page,
}) => {
  await openAtlas(page);
  const labels = () =>
    page.evaluate(() => {
      const map = window.__atlas?.map;
      return {
        shown: JSON.stringify(map?.getFilter('partner-label')),
        order: JSON.stringify(map?.getLayoutProperty('partner-label', 'symbol-sort-key')),
      };
    });
  const whole = await labels();
  await showFilters(page);
  await page.getByRole('slider', { name: /start of time window/i }).focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('PageUp');
  await expect(page).toHaveURL(/[?&]from=2021-05-01(&|$)/);
  // From May only some partners have events: the labels name those, in the year's order.
  await expect.poll(async () => (await labels()).shown).not.toBe(whole.shown);
  expect((await labels()).order).toBe(whole.order);
  await page
    .getByRole('group', { name: 'Kind' })
    .getByRole('checkbox', { name: /^Exercise/ })
    .check();
  await expect.poll(async () => (await labels()).order).not.toBe(whole.order);
});
