import {
  citeDialog,
  countStatus,
  download,
  imageColours,
  openAtlas,
  openCitation,
  openDownloads,
  pngSize,
  readSvg,
} from './support/atlas-driver.ts';
import { seriousViolations } from './support/axe.ts';
import { expect, test } from './support/test.ts';

// The images and the citation of a view, and the dialogs' accessibility.

const VIEW = { kind: 'exercise', from: '2021-08-01', to: '2021-09-30' };

test('the PNG is the map at the chosen scale, composed with title, legend and credits, and not blank', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openAtlas(page, VIEW);
  const map = await page.locator('[data-map-state]').boundingBox();
  if (!map) throw new Error('no map on the page');
  await openDownloads(page);

  for (const scale of [1, 2] as const) {
    const file = await download(page, 'Image (PNG)', { scale });
    expect(file.name).toBe('cooperation-atlas-2021-exercise-2021-08-01-2021-09-30.png');
    const size = pngSize(file.bytes);
    expect(size.width).toBe(Math.round(map.width) * scale);
    // Title and subtitle above, legend and credits below the map.
    expect(size.height).toBeGreaterThan(Math.round(map.height + 120) * scale);
    // The map area (below the heading) shows land, sea, borders and points: many colours.
    const colours = await imageColours(page, file.bytes, {
      x: 0,
      y: 100 * scale,
      width: size.width,
      height: Math.round(map.height / 2) * scale,
    });
    expect(colours).toBeGreaterThan(8);
  }
});

test('the SVG is a valid document with the title, the legend and the credit as text', async ({ page }) => {
  await openAtlas(page, VIEW);
  await openDownloads(page);
  const file = await download(page, 'Image (SVG)');
  expect(file.name).toBe('cooperation-atlas-2021-exercise-2021-08-01-2021-09-30.svg');
  const svg = await readSvg(page, file.text);
  expect(svg.errors).toBe(0);
  expect(svg.root).toBe('svg');
  expect(svg.texts).toContain('Cooperation Atlas: China’s international military cooperation in 2021');
  const count = await countStatus(page).textContent();
  expect(svg.texts.join(' ')).toContain(`${count} · Exercise · 1 Aug – 30 Sep 2021`);
  expect(svg.texts).toContain('Events shared with China');
  expect(svg.texts).toContain('Year only (date not reported)');
  expect(svg.texts.join(' ')).toContain('Boundaries: Natural Earth');
  expect(svg.texts.join(' ')).toContain('China Military Online');
  expect(svg.titles.length).toBeGreaterThan(1);
});

test("the citation holds the view's permanent link and today's date, and copies", async ({
  page,
  context,
  baseURL,
}) => {
  await openAtlas(page, VIEW);
  const link = page.url();
  const dialog = await openCitation(page);
  const apa = await dialog.getByRole('textbox', { name: 'APA' }).inputValue();
  expect(apa).toContain(`from ${link}`);
  const today = await page.evaluate(() => new Date().toLocaleDateString('en-US', { dateStyle: 'long' }));
  expect(apa).toContain(`Retrieved ${today}`);
  expect(await dialog.getByRole('textbox', { name: 'Chicago' }).inputValue()).toContain(link);
  const bibtex = await dialog.getByRole('textbox', { name: 'BibTeX' }).inputValue();
  expect(bibtex).toContain(`url = {${link}}`);

  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(baseURL ?? '/').origin,
  });
  await dialog.getByRole('button', { name: 'Copy BibTeX' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Copied' })).toHaveCount(1);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(bibtex);

  await page.keyboard.press('Escape');
  await expect(citeDialog(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Cite', exact: true })).toBeFocused();
});

test('axe finds nothing serious in the Download and Cite dialogs', async ({ page }) => {
  await openAtlas(page, VIEW);
  const downloads = await openDownloads(page);
  expect(await seriousViolations(page)).toEqual([]);
  await downloads.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: 'Download', exact: true })).toBeFocused();
  await openCitation(page);
  expect(await seriousViolations(page)).toEqual([]);
});
