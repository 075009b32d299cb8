import { eventTable, showEmbedList, waitForMapState } from './support/atlas-driver.ts';
import { expect, test } from './support/test.ts';

// Text and links from the data are shown inert in the embed: markup in a title is text, and a
// javascript: URL makes the dataset invalid, so it is listed, never linked.

const MARKUP = '<img src=x onerror="window.__pwned=1">';

declare global {
  interface Window {
    __pwned?: number;
  }
}

test('markup in a title is shown as text and never runs', async ({ page }) => {
  let id = '';
  await page.route('**/data/events.json', async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    id = json.events[0].id;
    json.events[0].title = `${MARKUP} Injected`;
    await route.fulfill({ response, json });
  });
  // The search narrows the (virtualised) table to the one event.
  await page.goto('./?mode=embed&q=Injected');
  await waitForMapState(page);
  await showEmbedList(page);
  await expect(eventTable(page).getByText(`${MARKUP} Injected`)).toBeVisible();

  await eventTable(page).locator(`tr[data-event-id="${id}"]`).click();
  await expect(page.getByRole('heading', { name: `${MARKUP} Injected`, level: 2 })).toBeVisible();
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
});

test('a javascript: source URL is refused with the field named, and nothing links to it', async ({
  page,
}) => {
  await page.route('**/data/events.json', async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    json.events[0].sources[0].url = 'javascript:alert(1)';
    await route.fulfill({ response, json });
  });
  await page.goto('./?mode=embed');
  await expect(page.getByRole('alert')).toContainText('sources.0.url');
  await waitForMapState(page, 'error');
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
});
