import { download, openAtlas, openDownloads, readSvg, waitForMapState } from './support/atlas-driver.ts';
import { expect, test } from './support/test.ts';

// Downloads are made in the browser from what the offline cache holds: after a first visit they
// work with the network off (the dialog's code and the SVG's world map come from the cache).

test.use({ serviceWorkers: 'allow' });

test('after a first visit, the data and the images are made with the network off', async ({
  page,
  context,
}) => {
  await openAtlas(page, { kind: 'exercise' });
  // Active means installed, and installing means the whole app is in the cache; a reload puts
  // the page under the worker's control.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.reload();
  await waitForMapState(page, 'ready');

  await openDownloads(page);
  const csv = await download(page, 'Data (CSV)');
  expect(csv.name).toBe('cooperation-atlas-2021-exercise.csv');
  const svg = await readSvg(page, (await download(page, 'Image (SVG)')).text);
  expect(svg.errors).toBe(0);
  expect(svg.texts.join(' ')).toContain('Natural Earth');
  await download(page, 'Image (PNG)', { scale: 1 });
  await context.setOffline(false);
});
