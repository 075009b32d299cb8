import {
  download,
  downloadDialog,
  openAtlas,
  openDownloads,
  waitForMapState,
} from './support/atlas-driver.ts';
import { seriousViolations } from './support/axe.ts';
import { expect, test } from './support/test.ts';

// The embed offers the same Download dialog from a small button, unless its host says downloads=0.

test('the embed opens the Download dialog from its small button, and it saves the view', async ({ page }) => {
  await openAtlas(page, { mode: 'embed', kind: 'exercise' });
  await openDownloads(page);
  expect(await seriousViolations(page)).toEqual([]);
  const file = await download(page, 'Data (CSV)');
  expect(file.name).toBe('cooperation-atlas-2021-exercise.csv');
  await page.keyboard.press('Escape');
  await expect(downloadDialog(page)).toBeHidden();
});

test('downloads=0 in the embed URL hides the button', async ({ page }) => {
  await openAtlas(page, { mode: 'embed', downloads: '0' });
  await expect(page.getByRole('link', { name: /Open full map/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download', exact: true })).toHaveCount(0);
});

test("the embed snippet's option writes downloads=0 into the embed's URL", async ({ page }) => {
  await openAtlas(page, { kind: 'exercise' });
  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this map' });
  const code = dialog.getByRole('textbox', { name: 'Embed code' });
  expect(await code.inputValue()).not.toContain('downloads=');
  await dialog.getByRole('checkbox', { name: /Offer downloads/ }).uncheck();
  const snippet = await code.inputValue();
  const src = /src="([^"]+)"/.exec(snippet)?.[1]?.replace(/&amp;/g, '&') ?? '';
  expect(src).toContain('mode=embed&kind=exercise&downloads=0');

  await page.goto(src);
  await waitForMapState(page);
  await expect(page.getByRole('button', { name: 'Download', exact: true })).toHaveCount(0);
});
