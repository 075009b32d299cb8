import { openAtlas, waitForMapState } from './support/atlas-driver.ts';
import type { Locator, Page } from './support/test.ts';
import { expect, test } from './support/test.ts';

// Every fact in the details panel names its source: a numbered note beside the date, the place
// and each partner leads to that entry of the sources list.

const factOf = (details: Locator, term: string) => details.locator(`dt:text-is("${term}") + dd`);

/** The note's target in the sources list, checked to be the source with that URL. */
async function expectNoteLeadsTo(page: Page, note: Locator, number: number, url: string) {
  await expect(note).toHaveAccessibleName(new RegExp(`^Source ${number}: `));
  const target = (await note.getAttribute('href'))?.slice(1) ?? '';
  const entry = page.locator(`[id="${target}"]`);
  await expect(entry.getByRole('link')).toHaveAttribute('href', url);
  await note.click();
  await expect(entry).toBeFocused();
}

test('the notes beside a date, a place and a partner lead to the sources that back them', async ({
  page,
}) => {
  await openAtlas(page, { event: 'peace-mission-2021' });
  const details = page.getByRole('complementary', { name: 'Peace Mission-2021' });
  const mod = 'http://eng.mod.gov.cn/news/2021-09/03/content_4893954.htm';
  const milru = 'https://eng.mil.ru/en/mission/practice/more.htm?id=12384912@egNews';

  const date = factOf(details, 'Date');
  await expectNoteLeadsTo(page, date.getByRole('link').first(), 2, mod);
  await expectNoteLeadsTo(page, factOf(details, 'Place').getByRole('link'), 5, milru);
  const kazakhstan = details.getByRole('listitem').filter({ hasText: 'Kazakhstan' });
  await expectNoteLeadsTo(page, kazakhstan.getByRole('link'), 5, milru);
  // A note moves within the panel; the view's URL keeps its event and gains no fragment.
  expect(new URL(page.url()).hash).toBe('');
  expect(new URL(page.url()).searchParams.get('event')).toBe('peace-mission-2021');

  await openAtlas(page, { event: 'joint-sea-2021' });
  const sea = page.getByRole('complementary', { name: 'Joint Sea-2021' });
  const russia = sea.getByRole('listitem').filter({ hasText: 'Russia' });
  await expect(russia.getByRole('link')).toHaveAccessibleName(/^Source 1: the article, Highlights of China/);
});

test('a date that sources disagree on reads out both, each with its source', async ({ page }) => {
  await openAtlas(page, { event: 'peace-mission-2021' });
  const details = page.getByRole('complementary', { name: 'Peace Mission-2021' });
  const date = factOf(details, 'Date');
  await expect(date).toContainText('11–25 September 2021');
  const alternative = date.getByText(/^Another source:/);
  await expect(alternative).toContainText('20–24 September 2021');
  await expect(alternative).toContainText("Russia's defence ministry, the host");
  await expect(alternative.getByRole('link')).toHaveAccessibleName(/^Source 5: Russian Ministry of Defence/);
});

test('an event with no single place is drawn at each partner and selecting it draws a line to each', async ({
  page,
}) => {
  await openAtlas(page, { event: 'vaccine-aid-2021-02-07' });
  const details = page.getByRole('complementary', { name: /Pakistan and Cambodia/ });
  await expect(factOf(details, 'Place')).toHaveText('No single place: shown at each partner country');
  await waitForMapState(page);
  const drawn = await page.evaluate(() => {
    const map = window.__atlas?.map;
    if (!map) throw new Error('no map');
    const points = map
      .queryRenderedFeatures({ layers: ['event-points'] })
      .filter((f) => window.__atlas?.atlas.eventIdsOf([f])[0] === 'vaccine-aid-2021-02-07')
      .map((f) => String(f.properties.placeIso3));
    return {
      points: [...new Set(points)].sort(),
      links: map.queryRenderedFeatures({ layers: ['links'] }).length,
    };
  });
  expect(drawn.points).toEqual(['KHM', 'PAK']);
  expect(drawn.links).toBeGreaterThanOrEqual(2);
});

test('an event with neither place nor named partner is listed, and says why it is not on the map', async ({
  page,
}) => {
  await openAtlas(page, { event: 'centenary-congratulations-2021' });
  const details = page.getByRole('complementary', { name: /Centenary congratulations/ });
  await expect(factOf(details, 'Place')).toHaveText('No place given: not drawn on the map');
  await expect(details).toContainText('Other countries, not named; no number given');
});

test('the embed and the presenter draw partner-placed events at their partners too', async ({ page }) => {
  const placesOf = () =>
    page.evaluate(() => {
      const map = window.__atlas?.map;
      if (!map) throw new Error('no map');
      return [
        ...new Set(
          map
            .queryRenderedFeatures({ layers: ['event-points'] })
            .filter((f) => window.__atlas?.atlas.eventIdsOf([f])[0] === 'vaccine-aid-2021-03-25')
            .map((f) => String(f.properties.placeIso3)),
        ),
      ].sort();
    });
  const views: Record<string, string>[] = [
    { mode: 'embed', theme: '3' },
    { mode: 'present', step: '4' },
  ];
  for (const params of views) {
    await openAtlas(page, params);
    await expect.poll(placesOf, { timeout: 20_000 }).toEqual(['COG', 'GNQ', 'TUN']);
  }
});
