import { countryPointsFile, loadDataset, pagePoint, waitForCameraStill } from './support/atlas-driver.ts';
import { openPresenter } from './support/presenter-driver.ts';
import type { Page } from './support/test.ts';
import { expect, test } from './support/test.ts';

/** Whether a place is drawn inside the map and clear of the caption card and the legend. */
async function inFreeMap(page: Page, lonLat: [number, number]): Promise<string> {
  const at = await pagePoint(page, lonLat);
  return page.evaluate(({ x, y }) => {
    const inside = (el: Element | null) => {
      const r = el?.getBoundingClientRect();
      return !!r && x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
    };
    if (!inside(document.querySelector('[data-map-state]'))) return 'outside the map';
    if (inside(document.querySelector('.story-caption'))) return 'under the caption card';
    if (inside(document.querySelector('.legend'))) return 'under the legend';
    return 'free';
  }, at);
}

async function openStepOfTheme(page: Page, theme: number) {
  const dataset = await loadDataset(page);
  const themes = [...dataset.themes].sort((a, b) => a.id - b.id).map((t) => t.id);
  // Step 1 is the opening; each theme with events follows in order.
  await openPresenter(page, { step: String(themes.indexOf(theme) + 2) });
  await expect(page).toHaveURL(new RegExp(`theme=${theme}`));
  await waitForCameraStill(page);
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`at ${size.width}×${size.height} the China–Russia step shows Russia and the China–Africa step shows Cameroon and Africa, clear of the caption`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    const points = await countryPointsFile(page);
    const point = (iso3: string) => {
      const p = points.get(iso3);
      if (!p) throw new Error(`no point for ${iso3}`);
      return p;
    };

    await openStepOfTheme(page, 2);
    expect(await inFreeMap(page, point('RUS'))).toBe('free');
    expect(await inFreeMap(page, point('CHN'))).toBe('free');

    await openStepOfTheme(page, 7);
    expect(await inFreeMap(page, point('CMR'))).toBe('free');
    expect(await inFreeMap(page, point('CHN'))).toBe('free');
    // Africa itself, not just one point: its far west, east and south are on screen too.
    for (const [lon, lat] of [
      [-10, 12],
      [40, 5],
      [25, -25],
    ] as [number, number][]) {
      expect(await inFreeMap(page, [lon, lat]), `Africa at ${lon},${lat}`).toBe('free');
    }

    const card = await page.locator('.story-caption').boundingBox();
    if (!card) throw new Error('no caption card');
    expect(card.width * card.height).toBeLessThanOrEqual(0.25 * size.width * size.height);
  });
}

test('the opening step shows one world, not two side by side', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPresenter(page, { step: '1' });
  await waitForCameraStill(page);
  expect(await page.evaluate(() => window.__atlas?.map.getRenderWorldCopies())).toBe(false);
  // Beijing appears once: its copy one world to the east or west is off the map.
  const mapBox = await page.locator('[data-map-state]').boundingBox();
  if (!mapBox) throw new Error('no map box');
  const east = await pagePoint(page, [116.4 + 360, 39.9]);
  const west = await pagePoint(page, [116.4 - 360, 39.9]);
  for (const copy of [east, west]) {
    const onMap = copy.x >= mapBox.x && copy.x <= mapBox.x + mapBox.width;
    expect(onMap).toBe(false);
  }
});
