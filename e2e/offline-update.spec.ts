import { waitForMapState } from './support/atlas-driver.ts';
import type { Deploys } from './support/deploy.ts';
import { makeDeploys } from './support/deploy.ts';
import type { StaticServer } from './support/host-server.ts';
import { startStaticServer } from './support/host-server.ts';
import type { Page } from './support/test.ts';
import { test as base, expect } from './support/test.ts';

// A deploy while a reader has the app cached: build A is opened, build B (one event renamed) is
// deployed, and a reload must run B's code with B's data, downloading only what changed; with
// the network off the page still comes up, as B.

const test = base.extend<{ extraOrigins: string[]; site: StaticServer; deploys: Deploys }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  deploys: async ({}, use) => {
    const deploys = await makeDeploys();
    await use(deploys);
    deploys.remove();
  },
  site: async ({ deploys }, use) => {
    const server = await startStaticServer({ root: deploys.a });
    await use(server);
    await server.close();
  },
  extraOrigins: async ({ site }, use) => use([site.origin]),
});
test.use({ serviceWorkers: 'allow' });

/** Resolves once a service worker controls the page: the precache is complete and in use. */
async function waitForOfflineCache(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 60_000,
  });
}

test('after a deploy a reload runs the new code with the new data, and offline still works', async ({
  page,
  context,
  site,
  deploys,
}) => {
  test.setTimeout(120_000);
  const { id, title } = deploys.changed;
  await page.goto(site.url(`/?event=${id}`));
  await waitForMapState(page);
  await waitForOfflineCache(page);
  const details = page.getByRole('complementary', { name: title });
  await expect(details).toBeHidden();

  site.setRoot(deploys.b);
  site.requests.length = 0;
  await page.reload();
  // The reload shows A from the cache while B installs; B takes over and the page reloads as B.
  await expect(details).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('meta[name="deploy"]')).toHaveAttribute('content', 'B');
  await waitForMapState(page);
  // Only what changed was downloaded: the page and the data, never the unchanged code.
  expect(site.requests.filter((path) => path.startsWith('/assets/'))).toEqual([]);
  expect(site.requests).toContain('/data/events.json');

  await context.setOffline(true);
  await page.reload();
  await expect(details).toBeVisible();
  await waitForMapState(page);
  await context.setOffline(false);
});
