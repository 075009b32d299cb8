import { openAtlas, renderedEventIds } from './support/atlas-driver.ts';
import { expect, test } from './support/test.ts';

test('the built app draws every event of the dataset on the map', async ({ page, request }) => {
  const dataset = (await (await request.get('data/events.json')).json()) as { events: { id: string }[] };
  expect(dataset.events.length).toBeGreaterThanOrEqual(30);
  await openAtlas(page);
  const drawn = await renderedEventIds(page);
  expect(drawn).toEqual(dataset.events.map((e) => e.id).sort());
});
