import { mapCamera } from './support/atlas-driver.ts';
import {
  captionMoments,
  openPresenter,
  recordCaptionMoments,
  stepTotal,
  waitForStepFramed,
} from './support/presenter-driver.ts';
import { expect, test } from './support/test.ts';

test("a step's words appear when the camera arrives at its frame, and are announced then", async ({
  page,
}) => {
  await openPresenter(page, { step: '2' });
  await waitForStepFramed(page, 2);
  const total = await stepTotal(page);
  await recordCaptionMoments(page);

  await page.keyboard.press('ArrowRight');
  await waitForStepFramed(page, 3);
  const arrived = await mapCamera(page);
  const moments = await captionMoments(page);

  // The camera set off while the caption still told step 2.
  expect(moments.find((m) => m.at === 'movestart')?.counter).toBe(`Step 2 of ${total}`);
  // Step 3's words came once the camera had stopped, where it still is.
  const shown = moments.find((m) => m.at === 'words' && m.counter === `Step 3 of ${total}`);
  if (!shown) throw new Error("step 3's words never appeared");
  expect(shown.moving).toBe(false);
  expect(shown.camera.zoom).toBeCloseTo(arrived.zoom, 2);
  expect(shown.camera.lat).toBeCloseTo(arrived.lat, 2);
  expect(shown.camera.lon).toBeCloseTo(arrived.lon, 2);
  // The new step is announced, with its title, once.
  const title = (await page.locator('.story-title').textContent()) ?? '';
  await expect(page.getByText(`Step 3 of ${total}: ${title}`)).toHaveCount(1);
});
