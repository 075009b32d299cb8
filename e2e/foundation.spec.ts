import type { DatasetFile } from './support/atlas-driver.ts';
import { drawableIds, openAtlas, renderedEventIds } from './support/atlas-driver.ts';
import { expect, test } from './support/test.ts';

test('the built app draws every event of the dataset on the map', async ({ page, request }) => {
  const dataset = (await (await request.get('data/events.json')).json()) as DatasetFile;
  expect(dataset.events.length).toBeGreaterThanOrEqual(30);
  await openAtlas(page);
  const drawn = await renderedEventIds(page);
  // All but those with neither a place nor a named partner (listed, said to be off the map).
  expect(drawn).toEqual(drawableIds(dataset.events));
  expect(drawn.length).toBeGreaterThan(dataset.events.length - 5);
});
