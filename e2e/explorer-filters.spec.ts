import {
  countStatus,
  drawableIds,
  drawnEventIds,
  eventTable,
  expectCount,
  loadDataset,
  openAtlas,
  overlaps,
  renderedEventIds,
  showFilters,
  tableTitles,
  viewParams,
  waitForMapState,
} from './support/atlas-driver.ts';
import { expect, test } from './support/test.ts';

declare global {
  interface Window {
    /** How many times the test saw the map's stacks source given new data. */
    __stacksSent?: number;
  }
}

test('every filter panel changes the table, the count and the drawn events', async ({ page }) => {
  const dataset = await loadDataset(page);
  const total = dataset.events.length;
  await openAtlas(page);
  await showFilters(page);
  await expectCount(page, total, total);
  expect(await renderedEventIds(page)).toEqual(drawableIds(dataset.events));

  const cases: {
    group: string;
    option: RegExp;
    keep: (e: (typeof dataset.events)[number]) => boolean;
    param: string;
  }[] = [
    { group: 'Highlight', option: /^2\. /, keep: (e) => e.theme === 2, param: 'theme' },
    { group: 'Kind', option: /^Exercise/, keep: (e) => e.kind === 'exercise', param: 'kind' },
    { group: 'Format', option: /^Online/, keep: (e) => e.format === 'online', param: 'format' },
    {
      group: 'Partner basis',
      option: /^Reported elsewhere/,
      keep: (e) => e.partners.some((p) => p.basis === 'reported'),
      param: 'basis',
    },
  ];
  for (const { group, option, keep, param } of cases) {
    const box = page.getByRole('group', { name: group }).getByRole('checkbox', { name: option });
    await box.check();
    const expected = dataset.events
      .filter(keep)
      .map((e) => e.id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(total);
    await expectCount(page, expected.length, total);
    await expect.poll(async () => (await tableTitles(page)).sort()).toEqual(expected);
    expect(await renderedEventIds(page)).toEqual(drawableIds(dataset.events.filter(keep)));
    expect(viewParams(page).get(param)).toBeTruthy();
    await box.uncheck();
    await expectCount(page, total, total);
  }
});

test('the search box narrows to a country by name', async ({ page }) => {
  const dataset = await loadDataset(page);
  await openAtlas(page);
  await showFilters(page);
  await page.getByRole('searchbox', { name: /search/i }).fill('Indonesia');
  const expected = dataset.events
    .filter((e) => e.partners.some((p) => p.iso3 === 'IDN') || e.title.toLowerCase().includes('indonesia'))
    .map((e) => e.id)
    .sort();
  await expectCount(page, expected.length, dataset.events.length);
  expect(await renderedEventIds(page)).toEqual(expected);
  await expect(page).toHaveURL(/q=Indonesia/);
});

test('a longer search word that finds the same events does not send the map the shown events again', async ({
  page,
}) => {
  await openAtlas(page);
  await showFilters(page);
  const search = page.getByRole('searchbox', { name: /search/i });
  const settled = async (q: string) => {
    await expect(page).toHaveURL(new RegExp(`q=${q}(&|$)`));
    await expect(countStatus(page)).toHaveAttribute('aria-busy', 'false');
    await waitForMapState(page, 'ready');
  };
  await search.fill('Russ');
  await settled('Russ');
  const russ = { count: await countStatus(page).textContent(), titles: await tableTitles(page) };
  expect(russ.titles.length).toBeGreaterThan(1);
  // The counts drawn on overlapping events are the one map source that follows the shown events.
  await page.evaluate(() => {
    const source = window.__atlas?.map.getSource('stacks') as unknown as {
      setData: (data: unknown) => unknown;
    };
    const setData = source.setData.bind(source);
    window.__stacksSent = 0;
    source.setData = (data) => {
      window.__stacksSent = (window.__stacksSent ?? 0) + 1;
      return setData(data);
    };
  });
  await search.press('i');
  await settled('Russi');
  await search.press('a');
  await settled('Russia');
  // The premise: "Russia" finds what "Russ" found.
  expect({ count: await countStatus(page).textContent(), titles: await tableTitles(page) }).toEqual(russ);
  expect(await page.evaluate(() => window.__stacksSent)).toBe(0);
});

test('active filters show as chips that remove themselves, with one clear all', async ({ page }) => {
  const dataset = await loadDataset(page);
  await openAtlas(page, { kind: 'exercise,patrol', format: 'in-person' });
  await showFilters(page);
  await page.getByRole('button', { name: 'Remove filter: Patrol' }).click();
  await expect(page).not.toHaveURL(/patrol/);
  await page.getByRole('button', { name: /clear all/i }).click();
  await expectCount(page, dataset.events.length, dataset.events.length);
  expect(viewParams(page).toString()).toBe('');
});

test('facet counts tell how many events each option would give', async ({ page }) => {
  const dataset = await loadDataset(page);
  await openAtlas(page, { theme: '2' });
  await showFilters(page);
  const exercisesInTheme2 = dataset.events.filter((e) => e.theme === 2 && e.kind === 'exercise').length;
  await expect(
    page.getByRole('group', { name: 'Kind' }).getByRole('checkbox', { name: /^Exercise/ }),
  ).toHaveAccessibleName(new RegExp(`\\(${exercisesInTheme2}\\)`));
});

test('a time window in the URL shows exactly the events whose spans overlap it', async ({ page }) => {
  const dataset = await loadDataset(page);
  for (const [from, to] of [
    ['2021-10-17', '2021-10-20'],
    ['2021-02-01', '2021-03-31'],
    ['2021-06-24', '2021-06-24'],
  ] as const) {
    await openAtlas(page, { from, to });
    const shown = dataset.events.filter((e) => overlaps(e, from, to));
    const expected = shown.map((e) => e.id).sort();
    await expectCount(page, expected.length, dataset.events.length);
    await expect.poll(async () => (await tableTitles(page)).sort()).toEqual(expected);
    expect(await renderedEventIds(page)).toEqual(drawableIds(shown));
  }
  // Without the events that have no exact date.
  await openAtlas(page, { from: '2021-10-01', to: '2021-10-31', undated: '0' });
  const exact = drawableIds(
    dataset.events.filter((e) => e.date.precision === 'day' && overlaps(e, '2021-10-01', '2021-10-31')),
  );
  expect(await renderedEventIds(page)).toEqual(exact);
  await expect(page.getByRole('switch', { name: /without an exact date/i })).not.toBeChecked();
});

test('events dated only to a month or year that merely overlap the window are faded, as the filters leave them', async ({
  page,
}) => {
  const dataset = await loadDataset(page);
  const partly = (from: string, to: string, kind?: string) =>
    drawableIds(
      dataset.events.filter(
        (e) =>
          (!kind || e.kind === kind) &&
          e.date.precision !== 'day' &&
          overlaps(e, from, to) &&
          (e.date.start < from || e.date.end > to),
      ),
    );
  const faded = async () => (await drawnEventIds(page, 'event-points-faded')).sort();
  const whole = async () => (await drawnEventIds(page, 'event-points')).sort();
  // The whole year: every event lies inside it, none is faded.
  await openAtlas(page);
  expect(await faded()).toEqual([]);
  // A month later by the start handle: the events dated only to the year are faded.
  await showFilters(page);
  const start = page.getByRole('slider', { name: /start of time window/i });
  await start.focus();
  await page.keyboard.press('PageUp');
  await expect(start).toHaveAttribute('aria-valuetext', '1 February 2021');
  expect(partly('2021-02-01', '2021-12-31').length).toBeGreaterThan(1);
  await expect.poll(faded).toEqual(partly('2021-02-01', '2021-12-31'));

  const [from, to] = ['2021-07-01', '2021-08-31'];
  await openAtlas(page, { from, to });
  await waitForMapState(page, 'ready');
  expect(await faded()).toEqual(partly(from, to));
  // Drawn once, faded: the points layer leaves them out, and the map still has every shown event.
  const wholeIds = await whole();
  expect(partly(from, to).filter((id) => wholeIds.includes(id))).toEqual([]);
  expect(wholeIds.length).toBeGreaterThan(0);
  // The fading follows the other filters: only the vaccine aid among them.
  await openAtlas(page, { from, to, kind: 'aid' });
  await waitForMapState(page, 'ready');
  expect(partly(from, to, 'aid').length).toBeGreaterThan(0);
  expect(partly(from, to, 'aid').length).toBeLessThan(partly(from, to).length);
  expect(await faded()).toEqual(partly(from, to, 'aid'));
});

test('the time window handles are keyboard sliders with dates as their value text', async ({ page }) => {
  await openAtlas(page);
  await showFilters(page);
  const start = page.getByRole('slider', { name: /start of time window/i });
  await expect(start).toHaveAttribute('aria-valuetext', '1 January 2021');
  await start.focus();
  // PageUp moves a calendar month later, PageDown a month earlier, arrows a day.
  await page.keyboard.press('PageUp');
  await expect(start).toHaveAttribute('aria-valuetext', '1 February 2021');
  await page.keyboard.press('ArrowRight');
  await expect(start).toHaveAttribute('aria-valuetext', '2 February 2021');
  await expect(page).toHaveURL(/[?&]from=2021-02-02(&|$)/);
  await page.keyboard.press('PageDown');
  await expect(start).toHaveAttribute('aria-valuetext', '2 January 2021');
  await expect(page).toHaveURL(/[?&]from=2021-01-02(&|$)/);
  await waitForMapState(page, 'ready');
  await expect(countStatus(page)).toBeVisible();
  await expect(eventTable(page)).toBeVisible();
});

test('the time window follows the pointer: a handle dragged, then the whole window', async ({ page }) => {
  await openAtlas(page);
  const chart = await page.getByRole('img', { name: /^Events with an exact date, per week/ }).boundingBox();
  const endHandle = await page.getByRole('slider', { name: /end of time window/i }).boundingBox();
  if (!chart || !endHandle) throw new Error('the timeline has no box');
  const y = endHandle.y + endHandle.height / 2;
  const dayOf = (param: string) => Date.parse(`${viewParams(page).get(param)}T00:00:00Z`) / 86_400_000;
  const jan1 = Date.parse('2021-01-01T00:00:00Z') / 86_400_000;
  const daysAcross = (fraction: number) => fraction * 365;

  // The end handle to the middle of the year's chart: the window ends about 2 July.
  await page.mouse.move(endHandle.x + endHandle.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(chart.x + chart.width / 2, y, { steps: 8 });
  await page.mouse.up();
  // Pointer moves are rendered (and written to the URL) a moment after they arrive.
  await expect.poll(() => Math.abs(dayOf('to') - jan1 - daysAcross(0.5))).toBeLessThanOrEqual(2);
  expect(viewParams(page).get('from')).toBeNull();

  // The shaded window dragged a quarter of the chart to the right keeps its length.
  await page.mouse.move(chart.x + chart.width / 4, y);
  await page.mouse.down();
  await page.mouse.move(chart.x + chart.width / 2, y, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => Math.abs(dayOf('from') - jan1 - daysAcross(0.25))).toBeLessThanOrEqual(2);
  await expect.poll(() => Math.abs(dayOf('to') - jan1 - daysAcross(0.75))).toBeLessThanOrEqual(2);
});
