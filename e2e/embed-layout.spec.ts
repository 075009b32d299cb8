import { pagePoint, waitForCameraStill, waitForMapState } from './support/atlas-driver.ts';
import { seriousViolations } from './support/axe.ts';
import { expect, test } from './support/test.ts';

// The embed's own height is what the host sizes the iframe to (public/embed.js), so measuring
// the embed's root measures the iframe an article would get.
const embedHeight = (page: import('./support/test.ts').Page) =>
  page.locator('.embed').evaluate((el) => el.getBoundingClientRect().height);

test('at 600 px wide the embed is at most 600 px tall with a map of at least 300 px, its list folded', async ({
  page,
}) => {
  await page.setViewportSize({ width: 600, height: 900 });
  await page.goto('./?mode=embed');
  await waitForMapState(page);
  expect(await embedHeight(page)).toBeLessThanOrEqual(600);
  const map = await page.locator('[data-map-state]').boundingBox();
  expect(map?.height ?? 0).toBeGreaterThanOrEqual(300);
  await expect(page.getByRole('table', { name: 'Events' })).toBeHidden();
  const legend = page.getByRole('region', { name: 'Legend' });
  await expect(legend).toBeVisible();
  await expect(legend).toContainText('China');
  await page.getByRole('button', { name: /Show the event list/ }).click();
  await expect(page.getByRole('table', { name: 'Events' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('selecting a country in a 600 px embed shows its details without growing it by more than a tenth', async ({
  page,
}) => {
  await page.setViewportSize({ width: 600, height: 900 });
  await page.goto('./?mode=embed');
  await waitForMapState(page);
  const before = await embedHeight(page);
  // Western Siberia: inside Russia, away from the events drawn at its representative point.
  const at = await pagePoint(page, [75, 64]);
  await page.mouse.click(at.x, at.y);
  await expect(page.getByRole('complementary', { name: /Russia/ })).toBeVisible();
  await waitForCameraStill(page);
  expect(await embedHeight(page)).toBeLessThanOrEqual(before * 1.1);
});
