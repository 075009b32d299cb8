import {
  boxesOverlap,
  eventTable,
  openAtlas,
  regionBoxes,
  showFilters,
  waitForMapState,
} from './support/atlas-driver.ts';
import { expect, test } from './support/test.ts';

const VIEWPORTS = [
  [2560, 1440],
  [1920, 1080],
  [1366, 768],
  [1280, 720],
  [1100, 800],
  [1024, 768],
  [900, 700],
  [768, 1024],
  [390, 844],
  [320, 568],
] as const;

test('no two regions overlap and nothing scrolls sideways, from 320×568 to 2560×1440', async ({ page }) => {
  await openAtlas(page);
  for (const [width, height] of VIEWPORTS) {
    await page.setViewportSize({ width, height });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), {
        message: `sideways scroll at ${width}×${height}`,
      })
      .toBe(true);
    const boxes = await regionBoxes(page);
    expect(Object.keys(boxes), `regions drawn at ${width}×${height}`).toEqual(
      expect.arrayContaining(['map', 'Timeline', 'Event list']),
    );
    const names = Object.keys(boxes);
    for (const [i, a] of names.entries()) {
      for (const b of names.slice(i + 1)) {
        const boxA = boxes[a];
        const boxB = boxes[b];
        if (!boxA || !boxB) continue;
        expect(boxesOverlap(boxA, boxB), `${a} and ${b} overlap at ${width}×${height}`).toBe(false);
      }
    }
  }
});

test('at 1280×720 the map covers at least half the screen with the default panels', async ({ page }) => {
  await openAtlas(page);
  const share = await page.evaluate(() => {
    const r = document.querySelector('[data-map-state]')?.getBoundingClientRect();
    return r ? (r.width * r.height) / (window.innerWidth * window.innerHeight) : 0;
  });
  expect(share).toBeGreaterThanOrEqual(0.5);
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Event list' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Filters' })).toBeVisible();
});

test('folding the event list and opening the filters resize the map, and both are remembered', async ({
  page,
}) => {
  await openAtlas(page);
  const mapWidth = () => page.locator('[data-map-state]').evaluate((el) => el.getBoundingClientRect().width);
  const before = await mapWidth();
  await page.getByRole('button', { name: /^Event list/ }).click();
  await expect(eventTable(page)).toBeHidden();
  await expect.poll(mapWidth).toBeGreaterThan(before + 200);
  await showFilters(page);
  await expect(page.getByRole('group', { name: 'Kind' })).toBeVisible();

  await page.reload();
  await waitForMapState(page);
  await expect(eventTable(page)).toBeHidden();
  await expect(page.getByRole('group', { name: 'Kind' })).toBeVisible();
});

test('on a phone the filters open as a sheet from a button and the event list is within two screens', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openAtlas(page);
  const top = await page
    .getByRole('region', { name: 'Event list' })
    .evaluate((el) => el.getBoundingClientRect().top);
  expect(top).toBeLessThan(2 * 844);
  await expect(page.getByRole('group', { name: 'Kind' })).toBeHidden();

  const open = page.getByRole('button', { name: /^Filters/ });
  await open.click();
  const sheet = page.getByRole('complementary', { name: 'Filters' });
  await expect(sheet.getByRole('group', { name: 'Kind' })).toBeVisible();
  await sheet
    .getByRole('group', { name: 'Kind' })
    .getByRole('checkbox', { name: /^Exercise/ })
    .check();
  await sheet.getByRole('button', { name: /^Show \d+ events$/ }).click();
  await expect(sheet).toBeHidden();
  await expect(open).toBeFocused();
  await expect(open).toHaveText('Filters (1)');
});
