import { waitForMapState } from './atlas-driver.ts';
import type { Page } from './test.ts';
import { expect } from './test.ts';

/**
 * Opens `url` with the events held back, marks the map drawn in the loading layout, lets the
 * events through and checks that the explorer shows that same map (not one made again).
 */
export async function expectEarlyMapAdopted(page: Page, url: string) {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/data/events.json', async (route) => {
    await held;
    await route.fallback();
  });
  await page.goto(url);
  await expect(page.getByRole('status')).toContainText('Loading the events');
  const earlyCanvas = page.locator('#loading-shell .map canvas');
  await expect(earlyCanvas).toBeVisible({ timeout: 60_000 });
  await earlyCanvas.evaluate((canvas) => {
    canvas.dataset.madeEarly = 'yes';
  });

  release();
  await waitForMapState(page);
  await expect(page.locator('#loading-shell')).toHaveCount(0);
  await expect(page.locator('[data-map-state]')).toHaveCount(1);
  await expect(page.locator('.map canvas')).toHaveAttribute('data-made-early', 'yes');
  await expect(page.getByRole('status').filter({ hasText: /\d+ of \d+ events/ })).toBeVisible();
}
