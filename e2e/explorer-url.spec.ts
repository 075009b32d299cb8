import {
  expectCount,
  loadDataset,
  openAtlas,
  showFilters,
  tableTitles,
  viewParams,
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
  const titles = await tableTitles(page);
  await eventRow(page, titles[0] as string).click();
  await page.waitForURL(/event=/);
  const before = viewParams(page).toString();
  expect(before).toContain('kind=exercise');
  await page.reload();
  await expectCount(page, titles.length, dataset.events.length);
  expect(await tableTitles(page)).toEqual(titles);
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
  await expect(page.getByText(/could not be read and were ignored/)).toBeVisible();
  const shown = await tableTitles(page);
  expect(shown.length).toBeLessThanOrEqual(dataset.events.length);
  expect(errors).toEqual([]);
});

function eventRow(page: import('./support/test.ts').Page, id: string) {
  return page.locator(`tr[data-event-id="${id}"]`);
}
