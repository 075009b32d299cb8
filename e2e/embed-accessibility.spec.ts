import { waitForMapState } from './support/atlas-driver.ts';
import { seriousViolations } from './support/axe.ts';
import { expect, test } from './support/test.ts';

// The embed at the narrowest and a middling article column, folded and unfolded.

for (const width of [320, 640]) {
  test(`the embed at ${width} px has no serious accessibility violations`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('./?mode=embed');
    await waitForMapState(page);
    expect(await seriousViolations(page)).toEqual([]);

    // Filters unfolded and an event selected: the details panel too.
    await page.goto('./?mode=embed&event=joint-sea-2021');
    await waitForMapState(page);
    await page.getByRole('button', { name: 'Filters' }).click();
    await expect(page.getByRole('searchbox', { name: 'Search countries and events' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Joint Sea-2021', level: 2 })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('the embed fits 300 to 1200 pixels without sideways scrolling', async ({ page }) => {
  for (const width of [300, 480, 800, 1200]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('./?mode=embed&event=joint-sea-2021');
    await waitForMapState(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `at ${width} px`).toBeLessThanOrEqual(0);
    // The map's height follows the width, within bounds, never the viewport's height.
    const map = await page.locator('.map').boundingBox();
    expect(map?.height, `at ${width} px`).toBeGreaterThanOrEqual(258);
    expect(map?.height, `at ${width} px`).toBeLessThanOrEqual(520);
  }
});
