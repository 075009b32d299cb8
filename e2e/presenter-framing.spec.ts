import type { DatasetFile } from './support/atlas-driver.ts';
import { countryPointsFile, hiddenPlaces, loadDataset, viewParams } from './support/atlas-driver.ts';
import { openPresenter, stepTotal, waitForStepFramed } from './support/presenter-driver.ts';
import type { Page } from './support/test.ts';
import { expect, test } from './support/test.ts';

type Places = Record<string, [number, number]>;

/** What a step's caption talks about: its events' places, their partners and China. */
function placesOf(events: DatasetFile['events'], points: Map<string, [number, number]>): Places {
  const places: Places = {};
  const china = points.get('CHN');
  if (china) places.CHN = china;
  for (const event of events) {
    if (event.location) places[`${event.id} (place)`] = [event.location.lon, event.location.lat];
    for (const partner of event.partners) {
      const point = points.get(partner.iso3);
      if (point) places[partner.iso3] = point;
    }
  }
  return places;
}

/** The events of the step on screen: a step is a view, here one theme or (opening, closing) all. */
function stepEvents(page: Page, dataset: DatasetFile): DatasetFile['events'] {
  const theme = viewParams(page).get('theme');
  return theme ? dataset.events.filter((e) => String(e.theme) === theme) : dataset.events;
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`at ${size.width}×${size.height} every step shows its events, their partners and China clear of the caption and the controls`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    const dataset = await loadDataset(page);
    const points = await countryPointsFile(page);
    await openPresenter(page, { step: '1' });
    await waitForStepFramed(page, 1);
    const total = await stepTotal(page);
    for (let step = 1; step <= total; step++) {
      if (step > 1) {
        await page.keyboard.press('ArrowRight');
        await waitForStepFramed(page, step);
      }
      const places = placesOf(stepEvents(page, dataset), points);
      expect(await hiddenPlaces(page, places), `step ${step}`).toEqual([]);
      // The China–Africa step shows Africa itself: its far west, east and south.
      if (viewParams(page).get('theme') === '7') {
        const africa: Places = { west: [-10, 12], east: [40, 5], south: [25, -25] };
        expect(await hiddenPlaces(page, africa), 'Africa').toEqual([]);
      }
    }
    const card = await page.locator('.story-caption').boundingBox();
    if (!card) throw new Error('no caption card');
    expect(card.width * card.height).toBeLessThanOrEqual(0.25 * size.width * size.height);
  });
}

test('the opening step shows one world, not two side by side, all of it beside the caption', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPresenter(page, { step: '1' });
  await waitForStepFramed(page, 1);
  // No copies are drawn, so the world narrower than the screen appears once.
  expect(await page.evaluate(() => window.__atlas?.map.getRenderWorldCopies())).toBe(false);
  // The inhabited world, from Alaska to New Zealand, is clear of the card and the controls.
  const world: Record<string, [number, number]> = {
    alaska: [-150, 62],
    chile: [-71, -40],
    newZealand: [172, -41],
    siberia: [160, 66],
  };
  expect(await hiddenPlaces(page, world)).toEqual([]);
});
