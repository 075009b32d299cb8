import Papa from 'papaparse';
import {
  DATA_CHOICES,
  download,
  eventTable,
  loadDataset,
  openAtlas,
  openDownloads,
  renderedEventPlaces,
  settledTableTitles,
} from './support/atlas-driver.ts';
import { expect, test } from './support/test.ts';

// The Download dialog's data files hold exactly the view: the table's rows in its order, the
// map's points, or the whole dataset with "All events".

const COLUMNS =
  'id,title,theme,kind,format,date_start,date_end,date_precision,place,lon,lat,partners,partner_names,unnamed_partners,sources';
const FILTERED = { kind: 'exercise', from: '2021-08-01', to: '2021-09-30' };

const parseCsv = (text: string) => {
  expect(text.startsWith('\uFEFF'), 'a UTF-8 byte-order mark').toBe(true);
  return Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
};

test('the CSV of a filtered view parses back to exactly the rows the table shows, in its order', async ({
  page,
}) => {
  const dataset = await loadDataset(page);
  const startOf = new Map(dataset.events.map((e) => [e.id, e.date.start]));
  await openAtlas(page, FILTERED);
  // Sorted by title: the file follows the table's order, not the dataset's or the date's.
  await eventTable(page)
    .getByRole('button', { name: /^Title/ })
    .click();
  const ids = await settledTableTitles(page);
  expect(ids.length).toBeGreaterThan(1);
  const byDate = [...ids].sort((a, b) => (startOf.get(a) ?? '').localeCompare(startOf.get(b) ?? ''));
  expect(ids, 'an order other than the default one').not.toEqual(byDate);
  // The title cell's own text, without the highlight's name printed under it.
  const titles = await eventTable(page)
    .locator('tbody tr[data-event-id] td.event-table__title')
    .evaluateAll((cells) => cells.map((cell) => cell.firstChild?.textContent ?? ''));

  await openDownloads(page);
  const file = await download(page, 'Data (CSV)');
  expect(file.name).toBe('cooperation-atlas-2021-exercise-2021-08-01-2021-09-30.csv');
  expect(file.text.slice(1).split('\r\n')[0]).toBe(COLUMNS);
  const parsed = parseCsv(file.text);
  expect(parsed.errors).toEqual([]);
  expect(parsed.data.map((row) => row.id)).toEqual(ids);
  expect(parsed.data.map((row) => row.title)).toEqual(titles);
  for (const row of parsed.data) {
    expect(row.kind).toBe('exercise');
    expect(row.date_end >= FILTERED.from && (row.date_start ?? '') <= FILTERED.to).toBe(true);
    expect(row.sources).toMatch(/^https?:\/\/\S+( https?:\/\/\S+)*$/);
  }
});

test("the GeoJSON's features are the map's points, at their places", async ({ page }) => {
  const dataset = await loadDataset(page);
  // Aid is drawn at each recipient: one feature per partner point.
  await openAtlas(page, { kind: 'aid,exercise' });
  const drawn = await renderedEventPlaces(page);
  expect(drawn.some((key) => !key.endsWith('|'))).toBe(true);

  await openDownloads(page);
  const file = await download(page, 'Data (GeoJSON)');
  expect(file.name).toBe('cooperation-atlas-2021-exercise-aid.geojson');
  const collection = JSON.parse(file.text);
  expect(collection.type).toBe('FeatureCollection');
  const keys = collection.features.map(
    (f: { properties: { id: string; drawn_at: string } }) => `${f.properties.id}|${f.properties.drawn_at}`,
  );
  expect([...new Set(keys)].sort()).toEqual(drawn);
  for (const feature of collection.features) {
    expect(feature.type).toBe('Feature');
    expect(feature.geometry.type).toBe('Point');
    const [lon, lat] = feature.geometry.coordinates;
    expect(Math.abs(lon)).toBeLessThanOrEqual(180);
    expect(Math.abs(lat)).toBeLessThanOrEqual(90);
    const event = dataset.events.find((e) => e.id === feature.properties.id) as unknown as {
      location: { lon: number; lat: number };
    };
    // [lon, lat] order, at the place itself (not the map's fanned-out display position).
    if (feature.properties.drawn_at === '')
      expect([lon, lat]).toEqual([event.location.lon, event.location.lat]);
  }
});

test('"All events" gives the whole dataset; JSON keeps the dataset\'s layout', async ({ page }) => {
  const dataset = await loadDataset(page);
  await openAtlas(page, FILTERED);
  await openDownloads(page);

  const view = JSON.parse((await download(page, 'Data (JSON)')).text);
  expect(Object.keys(view)).toEqual(['version', 'source', 'themes', 'events']);
  expect(view.events.map((e: { kind: string }) => e.kind)).toEqual(view.events.map(() => 'exercise'));
  expect(view.events.length).toBeLessThan(dataset.events.length);

  const all = await download(page, 'Data (CSV)', { allEvents: true });
  expect(all.name).toBe('cooperation-atlas-2021-all-events.csv');
  expect(
    parseCsv(all.text)
      .data.map((row) => row.id)
      .sort(),
  ).toEqual(dataset.events.map((e) => e.id).sort());
});

test('a view with no events saves the headers alone and says so', async ({ page }) => {
  await openAtlas(page, { q: 'no event has this title' });
  const dialog = await openDownloads(page);
  const file = await download(page, 'Data (CSV)');
  expect(file.text).toBe(`\uFEFF${COLUMNS}\r\n`);
  await expect(dialog.getByRole('status')).toContainText('No events are in this view');
  for (const choice of DATA_CHOICES) await expect(dialog.getByRole('button', { name: choice })).toBeEnabled();
});
